import { addZichtbaarZaaktype, listZichtbareZaaktypen, removeZichtbaarZaaktype } from '../../components/inwoner/zaaktypen.js';
import { out, UsageError, type Command } from './common.js';

const one = (positionals: string[]) => {
  if (positionals.length !== 1 || !positionals[0].trim()) throw new UsageError('give one zaaktype identificatie');
  if (positionals[0].length > 50) throw new UsageError('a zaaktype identificatie has at most 50 characters');
};

/** Which zaaktypen residents see in their dossier (/inwoner/api/v1), by identificatie: every version counts. */
export const inwonerCommands: Command[] = [
  {
    name: 'inwoner zaaktype add',
    summary: 'show the zaken of a zaaktype (by identificatie) to residents in their dossier',
    help: `Usage: zgw inwoner zaaktype add <identificatie>

Residents see their zaken of this zaaktype (every version with this identificatie in our
Catalogi) in Mijn dossier (/inwoner/api/v1), up to INWONER_MAX_VERTROUWELIJKHEID.`,
    positionals: true,
    check: (_v, p) => one(p),
    run: async ({ db }, _v, [identificatie]) => {
      const added = await addZichtbaarZaaktype(db, identificatie);
      const known = await db('zaaktype').where({ identificatie }).first();
      out(`${added ? 'added' : 'already visible'}: ${identificatie}${known ? '' : ' (no zaaktype with this identificatie exists yet)'}`);
    },
  },
  {
    name: 'inwoner zaaktype remove',
    summary: 'stop showing the zaken of a zaaktype to residents',
    help: 'Usage: zgw inwoner zaaktype remove <identificatie>',
    positionals: true,
    check: (_v, p) => one(p),
    run: async ({ db }, _v, [identificatie]) => {
      if (!(await removeZichtbaarZaaktype(db, identificatie))) throw new Error(`${identificatie} was not visible to residents`);
      out(`removed: ${identificatie}`);
    },
  },
  {
    name: 'inwoner zaaktype list',
    summary: 'list the zaaktypen (identificaties) visible to residents',
    help: 'Usage: zgw inwoner zaaktype list',
    run: async ({ db }) => {
      for (const identificatie of await listZichtbareZaaktypen(db)) out(identificatie);
    },
  },
];
