import { addService, listServices, normalRoot, removeService } from '../../engine/services.js';
import { need, out, str, UsageError, type Command, type Values } from './common.js';

function apiRootOf(positionals: string[]): string {
  const root = positionals[0];
  if (!root || positionals.length > 1) throw new UsageError('give exactly one API root, e.g. https://catalogi.example.nl/catalogi/api/v1');
  let url: URL;
  try {
    url = new URL(root);
  } catch {
    throw new UsageError(`not a URL: ${root}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`the API root must be an http(s) URL, got ${root}`);
  if (url.search || url.hash) throw new UsageError('the API root has no query or fragment');
  return normalRoot(root);
}

const checkAdd = (v: Values, positionals: string[]) => { apiRootOf(positionals); need(v, 'client-id'); need(v, 'secret'); };

export const serviceCommands: Command[] = [
  {
    name: 'service add',
    summary: 'register another ZGW server this one reads from, with the credentials it gave us',
    help: `Usage: zgw service add API_ROOT --client-id ID --secret S [--label L]

References to objects of another server (a zaaktype on another Catalogi API, a document on another
Documenten API, …) are checked by reading them. Under a registered API root those reads carry a
JWT-ZGW signed with the client id and secret that server registered for us; with
REMOTE_SERVICES_ONLY=true only registered API roots are read at all. Adding a root again
replaces its credentials.

  API_ROOT        e.g. https://catalogi.example.nl/catalogi/api/v1
  --client-id ID  our client id at that server
  --secret S      the secret that goes with it
  --label L       a name for people (list)`,
    options: { 'client-id': { type: 'string' }, secret: { type: 'string' }, label: { type: 'string' } },
    positionals: true,
    check: checkAdd,
    run: async ({ db }, v, positionals) => {
      const apiRoot = apiRootOf(positionals);
      await addService(db, { apiRoot, clientId: need(v, 'client-id'), secret: need(v, 'secret'), label: str(v, 'label') ?? '' });
      out(`Service ${apiRoot} registered for client id ${need(v, 'client-id')}`);
    },
  },
  {
    name: 'service list',
    summary: 'list the registered services (without their secrets)',
    help: `Usage: zgw service list

One line per service: API root, client id, label.`,
    run: async ({ db }) => {
      for (const s of await listServices(db)) out(`${s.apiRoot}\t${s.clientId}\t${s.label}`);
    },
  },
  {
    name: 'service remove',
    summary: 'forget a registered service and its credentials',
    help: `Usage: zgw service remove API_ROOT`,
    positionals: true,
    check: (_v, positionals) => void apiRootOf(positionals),
    run: async ({ db }, _v, positionals) => {
      const apiRoot = apiRootOf(positionals);
      if (!(await removeService(db, apiRoot))) throw new Error(`No service registered for ${apiRoot}`);
      out(`Service ${apiRoot} removed`);
    },
  },
];
