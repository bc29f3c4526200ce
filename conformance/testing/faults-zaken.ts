// Faults that break the hand-written Zaken field, Klantinteracties and delete groups and the
// archiving derivations of zrc.archiveren (zaken-fields.ts, zaken-delete.ts, zaken-archief.ts): one narrow non-compliance each.
import { addDuration } from '../suites/zaken-kit.js';
import { BRC, codeAs500, DRC, is, json, parse, serverError, ZRC, type Answer, type Exchange, type Fault, type Forward } from './fault-kit.js';

const ZAAK = `${ZRC}/zaken/{uuid}`;
const MISSING = '00000000-0000-4000-8000-000000000000';

/** The exchange with its JSON body changed by `change` (which returns the new body, or undefined to leave it). */
function rewrite(x: Exchange, change: (body: Record<string, any>) => Record<string, any> | undefined): Exchange | undefined {
  const body = parse(x.body);
  const changed = body && typeof body === 'object' ? change(body) : undefined;
  return changed ? { ...x, body: JSON.stringify(changed) } : undefined;
}
const without = (body: Record<string, any>, ...keys: string[]) => Object.fromEntries(Object.entries(body).filter(([k]) => !keys.includes(k)));

/** GET a URL behind the proxy as the all-rights client: its parsed body, or undefined. */
async function read(forward: Forward, admin: () => Promise<string>, url: string): Promise<any> {
  if (!url) return undefined;
  const u = new URL(url);
  const res = await forward({ method: 'GET', path: u.pathname, query: u.searchParams, headers: { authorization: `Bearer ${await admin()}`, 'accept-crs': 'EPSG:4326' }, body: '' });
  return res.status === 200 ? parse(res.body) : undefined;
}
const rows = (body: any): any[] => (Array.isArray(body) ? body : body?.results ?? []);

/**
 * A closed zaak whose resultaattype has afleidingswijze `name` reads back with the archiefactiedatum
 * `derive` gives (a server deriving it the wrong way); other reads are left alone.
 */
function misderived(name: string, description: string, breaks: string[], derive: (zaak: any, resultaattype: any, get: (url: string) => Promise<any>) => Promise<string | undefined>): Fault {
  return {
    group: 'zrc.archiveren', description, breaks,
    async request(x, admin, forward): Promise<Answer | void> {
      if (!is(x, 'GET', ZAAK)) return;
      const answer = await forward(x);
      const zaak = parse(answer.body);
      if (answer.status !== 200 || !zaak?.resultaat || !zaak.einddatum) return;
      const get = (url: string) => read(forward, admin, url);
      const resultaattype = await get((await get(zaak.resultaat))?.resultaattype ?? '');
      if (resultaattype?.brondatumArchiefprocedure?.afleidingswijze !== name) return;
      const archiefactiedatum = await derive(zaak, resultaattype, get);
      if (archiefactiedatum) return json(answer, { ...zaak, archiefactiedatum });
    },
  };
}

/** The informatieobjecten whose links went with a deleted zaak, and that zaak (the mirror-keeping fault's memory). */
const keptMirrors = new Map<string, string>();

export const ZAKEN_FIELDS_FAULTS: Fault[] = [
  {
    group: 'zrc.fields', description: 'a communicatiekanaal that does not resolve is dropped instead of refused (zrc-010)',
    breaks: ['zrc.communicatiekanaal.resolves'],
    request: (x) => { if (is(x, 'POST', `${ZRC}/zaken`)) return rewrite(x, (b) => (String(b.communicatiekanaal).endsWith(`/communicatiekanalen/${MISSING}`) ? without(b, 'communicatiekanaal') : undefined)); },
  },
  {
    group: 'zrc.fields', description: 'a communicatiekanaal is only checked to resolve, not to be a communicatiekanaal: a zaak URL is taken (zrc-010)',
    breaks: ['zrc.communicatiekanaal.not-a-kanaal'],
    request: (x) => { if (is(x, 'PATCH', ZAAK)) return rewrite(x, (b) => (String(b.communicatiekanaal).includes(`${ZRC}/zaken/`) ? without(b, 'communicatiekanaal') : undefined)); },
  },
  {
    group: 'zrc.fields', description: 'a relevanteAndereZaken error names the list, not the index of the zaak that does not resolve (zrc-011)',
    breaks: ['zrc.relevante-zaken.resolve'],
    response: (x, a, body) => {
      if (is(x, 'PATCH', ZAAK) && a.status === 400 && Array.isArray(body?.invalidParams)) {
        return json(a, { ...body, invalidParams: body.invalidParams.map((p: any) => ({ ...p, name: String(p?.name).replace(/^relevanteAndereZaken\.\d+(\.url)?$/, 'relevanteAndereZaken') })) });
      }
    },
  },
  {
    group: 'zrc.fields', description: 'relevanteAndereZaken that are not zaken (a zaaktype) are dropped instead of refused (zrc-011)',
    breaks: ['zrc.relevante-zaken.not-a-zaak'],
    request: (x) => { if (is(x, 'POST', `${ZRC}/zaken`)) return rewrite(x, (b) => (JSON.stringify(b.relevanteAndereZaken ?? []).includes('/zaaktypen/') ? without(b, 'relevanteAndereZaken') : undefined)); },
  },
  {
    group: 'zrc.fields', description: 'a zaak with verlenging null is answered 500 (zrc-012: null is as if left out)',
    breaks: ['zrc.gegevensgroep.null'],
    request: (x) => { if (is(x, 'POST', `${ZRC}/zaken`) && parse(x.body)?.verlenging === null) return serverError(); },
  },
  {
    group: 'zrc.fields', description: 'an opschorting without reden is completed with an empty one instead of refused (zrc-012: validated whole)',
    breaks: ['zrc.gegevensgroep.validated'],
    request: (x) => { if (is(x, 'PATCH', ZAAK)) return rewrite(x, (b) => (b.opschorting && typeof b.opschorting === 'object' && !('reden' in b.opschorting) ? { ...b, opschorting: { ...b.opschorting, reden: '' } } : undefined)); },
  },
  {
    group: 'zrc.fields', description: 'a verlenging that is set reads back as null (zrc-012: always returned)',
    breaks: ['zrc.gegevensgroep.returned'],
    response: (x, a, body) => { if (is(x, 'GET', ZAAK) && a.status === 200 && body?.verlenging) return json(a, { ...body, verlenging: null }); },
  },
  {
    group: 'zrc.fields', description: 'betalingsindicatie nvt with a laatsteBetaaldatum answers 500 instead of 400 (zrc-014)',
    breaks: ['zrc.betaling.nvt-forbids-datum'],
    response: (x, a) => { if (is(x, 'POST', `${ZRC}/zaken`) && a.status === 400 && parse(x.body)?.betalingsindicatie === 'nvt') return serverError(); },
  },
  {
    group: 'zrc.fields', description: 'betalingsindicatie nvt keeps the laatsteBetaaldatum set before (zrc-014)',
    breaks: ['zrc.betaling.nvt-clears'],
    response: (x, a, body) => { if (is(x, 'GET', ZAAK) && a.status === 200 && body?.betalingsindicatie === 'nvt' && !body.laatsteBetaaldatum) return json(a, { ...body, laatsteBetaaldatum: '2024-02-01T10:00:00Z' }); },
  },
  {
    group: 'zrc.fields', description: 'a laatsteBetaaldatum in the future is taken as today (zrc-014)',
    breaks: ['zrc.betaling.not-future'],
    request: (x) => { if (is(x, 'PATCH', ZAAK)) return rewrite(x, (b) => (b.laatsteBetaaldatum && Date.parse(b.laatsteBetaaldatum) > Date.now() ? { ...b, laatsteBetaaldatum: new Date().toISOString() } : undefined)); },
  },
  {
    group: 'zrc.fields', description: 'productenOfDiensten are not stored: a new zaak has none (zrc-015)',
    breaks: ['zrc.producten.subset'],
    response: (x, a, body) => { if (is(x, 'POST', `${ZRC}/zaken`) && a.status === 201 && body?.productenOfDiensten?.length) return json(a, { ...body, productenOfDiensten: [] }); },
  },
  {
    group: 'zrc.fields', description: "productenOfDiensten are checked against the zaaktype's on create only: a PATCH drops the foreign one (zrc-015)",
    breaks: ['zrc.producten.foreign'],
    request: (x) => {
      if (is(x, 'PATCH', ZAAK)) return rewrite(x, (b) => (Array.isArray(b.productenOfDiensten) ? { ...b, productenOfDiensten: b.productenOfDiensten.filter((p: string) => !p.includes('not-of-this-zaaktype')) } : undefined));
    },
  },
  {
    group: 'zrc.klantinteracties', description: 'a zaakverzoek whose verzoek does not resolve answers 500 instead of 400 bad-url (zrc-024)',
    breaks: ['zrc.zaakverzoek.verzoek-resolves'],
    response: codeAs500('POST', `${ZRC}/zaakverzoeken`, 'bad-url'),
  },
  {
    group: 'zrc.klantinteracties', description: 'a zaakcontactmoment is created without checking that its contactmoment resolves (zrc-025)',
    breaks: ['zrc.zaakcontactmoment.contactmoment-resolves'],
    request: (x) => {
      const body = parse(x.body);
      if (is(x, 'POST', `${ZRC}/zaakcontactmomenten`) && String(body?.contactmoment).endsWith(MISSING)) {
        return { status: 201, headers: { 'content-type': 'application/json', 'api-version': '1.7.0' }, body: JSON.stringify({ url: `${body.zaak}/contactmoment`, uuid: MISSING, ...body }) };
      }
    },
  },
  {
    group: 'zrc.delete', description: 'deleting a zaak keeps its deelzaken (they are detached, not deleted; zrc-023)',
    breaks: ['zrc.delete.cascade'],
    async request(x, admin, forward) {
      if (!is(x, 'DELETE', ZAAK)) return;
      const headers = { authorization: `Bearer ${await admin()}`, 'content-type': 'application/json', 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' };
      const zaak = parse((await forward({ method: 'GET', path: x.path, query: new URLSearchParams(), headers, body: '' })).body);
      for (const deel of zaak?.deelzaken ?? []) {
        await forward({ method: 'PATCH', path: new URL(deel).pathname, query: new URLSearchParams(), headers, body: JSON.stringify({ hoofdzaak: null }) });
      }
    },
  },
  {
    group: 'zrc.delete', description: 'deleting a zaak leaves the Documenten mirrors of its document links (zrc-023, zrc-005)',
    breaks: ['zrc.delete.document-link'],
    async request(x, admin, forward) {
      if (!is(x, 'DELETE', ZAAK)) return;
      const zaak = await read(forward, admin, `http://proxy${x.path}`);
      for (const zio of zaak?.zaakinformatieobjecten ?? []) {
        const informatieobject = (await read(forward, admin, zio))?.informatieobject;
        if (informatieobject) keptMirrors.set(informatieobject, zaak.url);
      }
    },
    response: (x, a, body) => {
      const zaak = keptMirrors.get(x.query.get('informatieobject') ?? '');
      if (is(x, 'GET', `${DRC}/objectinformatieobjecten`) && a.status === 200 && zaak) {
        const kept = { url: `${zaak}/kept-mirror`, informatieobject: x.query.get('informatieobject'), object: zaak, objectType: 'zaak' };
        return json(a, Array.isArray(body) ? [...body, kept] : { ...body, count: (body?.count ?? 0) + 1, results: [...rows(body), kept] });
      }
    },
  },
  {
    group: 'zrc.delete', description: 'deleting a deelzaak deletes its hoofdzaak too (zrc-023: a deelzaak goes on its own)',
    breaks: ['zrc.delete.deelzaak-alone'],
    async request(x, admin, forward) {
      if (!is(x, 'DELETE', ZAAK)) return;
      const headers = { authorization: `Bearer ${await admin()}`, 'accept-crs': 'EPSG:4326' };
      const hoofdzaak = parse((await forward({ method: 'GET', path: x.path, query: new URLSearchParams(), headers, body: '' })).body)?.hoofdzaak;
      if (!hoofdzaak) return;
      const answer = await forward(x);
      if (answer.status === 204) await forward({ method: 'DELETE', path: new URL(hoofdzaak).pathname, query: new URLSearchParams(), headers, body: '' });
      return answer;
    },
  },
  {
    group: 'zrc.archiveren', description: 'relevanteAndereZaken given when a zaak is created are not stored, so gerelateerde_zaak derives nothing (zrc-021)',
    breaks: ['zrc.archief.gerelateerde-zaak'],
    request: (x) => {
      if (is(x, 'POST', `${ZRC}/zaken`)) return rewrite(x, (b) => (b.relevanteAndereZaken?.length && b.relevanteAndereZaken.every((r: any) => String(r?.url).includes(`${ZRC}/zaken/`)) ? without(b, 'relevanteAndereZaken') : undefined));
    },
  },
  {
    group: 'zrc.archiveren', description: "afleidingswijze hoofdzaak is derived from the deelzaak's own einddatum (zrc-021)",
    breaks: ['zrc.archief.hoofdzaak'],
    response: (x, a, body) => {
      if (is(x, 'GET', ZAAK) && a.status === 200 && body?.hoofdzaak && body.einddatum && body.archiefactiedatum) return json(a, { ...body, archiefactiedatum: addDuration(body.einddatum, 'P10Y') });
    },
  },
  misderived('termijn', 'afleidingswijze termijn ignores the procestermijn: archiefactiedatum = einddatum + archiefactietermijn (zrc-021)', ['zrc.archief.termijn'],
    async (zaak, rt) => addDuration(zaak.einddatum, rt.archiefactietermijn)),
  misderived('ingangsdatum_besluit', "afleidingswijze ingangsdatum_besluit takes the earliest of the zaak's besluiten, not the latest (zrc-021)", ['zrc.archief.ingangsdatum-besluit'], async (zaak, rt, get) => {
    const besluiten = await Promise.all(rows(await get(`${zaak.url}/besluiten`)).map((zb: any) => get(zb.besluit)));
    const earliest = besluiten.map((b) => b?.ingangsdatum).filter(Boolean).sort()[0];
    return earliest && addDuration(earliest, rt.archiefactietermijn);
  }),
  {
    group: 'zrc.archiveren', description: 'the vervaldatum (with its vervalreden) of a besluit is not stored, so vervaldatum_besluit derives nothing (zrc-021)',
    breaks: ['zrc.archief.vervaldatum-besluit'],
    request: (x) => { if (is(x, 'POST', `${BRC}/besluiten`)) return rewrite(x, (b) => (b.vervaldatum && b.vervalreden ? without(b, 'vervaldatum', 'vervalreden') : undefined)); },
  },
  {
    group: 'zrc.archiveren', description: 'the waardepeildatum of a woz_waarde zaakobject is not stored, so afleidingswijze zaakobject derives nothing (zrc-021)',
    breaks: ['zrc.archief.zaakobject'],
    request: (x) => { if (is(x, 'POST', `${ZRC}/zaakobjecten`)) return rewrite(x, (b) => (b.objectType === 'woz_waarde' && b.objectIdentificatie?.waardepeildatum ? { ...b, objectIdentificatie: { waardepeildatum: '' } } : undefined)); },
  },
];
