import { randomBytes } from 'node:crypto';
import type { Db } from '../../storage/db.js';
import { mintToken } from '../../auth/token.js';
import { serialize } from '../../engine/serialize.js';
import { systemCtx } from '../../engine/system.js';
import { applicatie } from '../../components/autorisaties/resources.js';
import { removeApplicatie, removeSecret, setSecret, upsertApplicatie } from '../clients.js';
import { list, need, out, str, UsageError, type Command, type Values } from './common.js';

const hasSecret = async (db: Db, id: string) => Boolean(await db('client_credential').where({ client_id: id }).first());
const newSecret = () => randomBytes(32).toString('base64url');
const MIN_SECRET = 16;

function checkSecret(v: Values) {
  const s = str(v, 'secret');
  if (s !== undefined && s.length < MIN_SECRET) throw new UsageError(`--secret must be at least ${MIN_SECRET} characters`);
}

function autorisaties(v: Values): Record<string, unknown>[] {
  return list(v, 'autorisatie').map((raw) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new UsageError(`--autorisatie is not valid JSON: ${raw}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`--autorisatie must be a JSON object: ${raw}`);
    return parsed as Record<string, unknown>;
  });
}

const clientId = { 'client-id': { type: 'string' } } as const;

export const clientCommands: Command[] = [
  {
    name: 'applicatie add',
    summary: 'create (or update) the applicatie of one or more client ids',
    help: `Usage: zgw applicatie add --label L --client-id ID [--client-id ID2 ...] (--all | --autorisatie JSON ...) [--secret S]

Creates the applicatie that owns these client ids, or updates it when one of them already
belongs to an applicatie. Same rules as POST /autorisaties/api/v1/applicaties. Prints its URL.

  --label L            name of the applicatie
  --client-id ID       client id (repeatable)
  --all                heeftAlleAutorisaties: every right on every API
  --autorisatie JSON   one autorisatie (repeatable), e.g.
                       '{"component":"ztc","scopes":["catalogi.lezen"]}'
  --secret S           also register this secret (>= ${MIN_SECRET} characters) for the first client id
  --needs-consent      the applicatie sees only zaken (and their documents, besluiten) that residents
                       granted it through the resident API (Mijn dossier), within its autorisaties`,
    options: { label: { type: 'string' }, 'client-id': { type: 'string', multiple: true }, all: { type: 'boolean' }, autorisatie: { type: 'string', multiple: true }, secret: { type: 'string' }, 'needs-consent': { type: 'boolean' } },
    check: (v) => {
      need(v, 'label');
      if (!list(v, 'client-id').length) throw new UsageError('--client-id is required');
      const lijst = autorisaties(v);
      if (v.all && lijst.length) throw new UsageError('give either --all or --autorisatie, not both');
      if (!v.all && !lijst.length) throw new UsageError('give --all or at least one --autorisatie');
      checkSecret(v);
    },
    run: async ({ db, registry, config }, v) => {
      const clientIds = list(v, 'client-id');
      const url = await upsertApplicatie(db, registry, config, {
        label: need(v, 'label'), clientIds, heeftAlleAutorisaties: Boolean(v.all), autorisaties: autorisaties(v),
        toestemmingVereist: Boolean(v['needs-consent']),
      });
      const secret = str(v, 'secret');
      if (secret) await setSecret(db, clientIds[0], secret);
      out(url);
    },
  },
  {
    name: 'applicatie remove',
    summary: 'delete the applicatie that owns a client id',
    help: `Usage: zgw applicatie remove --client-id ID

Deletes the applicatie holding this client id (its secret stays: see zgw client remove).`,
    options: clientId,
    check: (v) => void need(v, 'client-id'),
    run: async ({ db }, v) => {
      const id = need(v, 'client-id');
      // Checked first: on PGlite (knex-pglite) delete() resolves to the raw result, not a count.
      if (!(await db('applicatie').whereRaw('client_ids @> ARRAY[?]::text[]', [id]).first())) throw new Error(`No applicatie with client id ${id}`);
      await removeApplicatie(db, id);
      out(`Removed the applicatie of ${id}`);
    },
  },
  {
    name: 'applicatie list',
    summary: 'list applicaties, their client ids and rights',
    help: `Usage: zgw applicatie list

One line per applicatie: URL, label, client ids (* = has a secret), rights.`,
    run: async ({ db, registry, config }) => {
      const ctx = systemCtx(db, registry, config, 'autorisaties', 'applicatie_list');
      const apps = await serialize(applicatie, await db('applicatie').orderBy('id'), ctx);
      const withSecret = new Set((await db('client_credential').select('client_id')).map((r) => r.client_id as string));
      if (!apps.length) out('No applicaties.');
      for (const a of apps) {
        const ids = (a.clientIds as string[]).map((id) => (withSecret.has(id) ? `${id}*` : id)).join(',');
        const rights = a.heeftAlleAutorisaties ? 'all rights' : `${(a.autorisaties as unknown[]).length} autorisatie(s)`;
        out(`${a.url}\t${a.label}\t${ids}\t${rights}`);
      }
    },
  },
  {
    name: 'client secret',
    summary: 'set the secret of a client id (generated when not given)',
    help: `Usage: zgw client secret --client-id ID [--secret S]

Registers the secret a client signs its JWT-ZGW tokens with. Without --secret a strong random
one is generated and printed.`,
    options: { ...clientId, secret: { type: 'string' } },
    check: (v) => { need(v, 'client-id'); checkSecret(v); },
    run: async ({ db }, v) => {
      const secret = str(v, 'secret') ?? newSecret();
      await setSecret(db, need(v, 'client-id'), secret);
      out(v.secret ? `Secret set for ${need(v, 'client-id')}` : secret);
    },
  },
  {
    name: 'client rotate',
    summary: 'replace the secret of a client id by a new random one',
    help: `Usage: zgw client rotate --client-id ID

Replaces the secret by a new random one and prints it; tokens signed with the old secret stop working.`,
    options: clientId,
    check: (v) => void need(v, 'client-id'),
    run: async ({ db }, v) => {
      const id = need(v, 'client-id');
      if (!(await hasSecret(db, id))) throw new Error(`Client id ${id} has no secret yet (use zgw client secret)`);
      const secret = newSecret();
      await setSecret(db, id, secret);
      out(secret);
    },
  },
  {
    name: 'client remove',
    summary: 'delete the secret of a client id',
    help: `Usage: zgw client remove --client-id ID

Deletes the secret: the client can no longer authenticate (its applicatie stays).`,
    options: clientId,
    check: (v) => void need(v, 'client-id'),
    run: async ({ db }, v) => {
      const id = need(v, 'client-id');
      if (!(await hasSecret(db, id))) throw new Error(`Client id ${id} has no secret`);
      await removeSecret(db, id); // its boolean is wrong on PGlite: see applicatie remove
      out(`Removed the secret of ${id}`);
    },
  },
  {
    name: 'token',
    summary: 'print a fresh JWT-ZGW Bearer token for a client',
    help: `Usage: zgw token --client-id ID [--secret S] [--user-id U]
       zgw token ID

Prints a JWT-ZGW token signed with the client's secret (read from the database when --secret
is not given), valid for JWT_MAX_AGE seconds. Use it as: Authorization: Bearer <token>`,
    options: { ...clientId, secret: { type: 'string' }, 'user-id': { type: 'string' } },
    positionals: true,
    db: (v) => !v.secret,
    check: (v, pos) => {
      if (pos.length > 1 || (pos.length && v['client-id'])) throw new UsageError('give one client id');
      if (!v['client-id'] && !pos.length) throw new UsageError('--client-id is required');
    },
    run: async ({ db }, v, pos) => {
      const id = str(v, 'client-id') ?? pos[0];
      let secret = str(v, 'secret');
      if (!secret) {
        secret = (await db('client_credential').where({ client_id: id }).first())?.secret as string | undefined;
        if (!secret) throw new Error(`Client id ${id} has no secret (use zgw client secret, or give --secret)`);
      }
      const user = str(v, 'user-id');
      out(await mintToken(id, secret, user ? { user_id: user, user_representation: user } : {}));
    },
  },
];
