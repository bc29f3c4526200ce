// Testing the tests: a proxy in front of a compliant ZGW server that breaks it in narrow, known
// ways, one fault (at least) per group of the suite, each with the tests that must fail because of
// it. Run the suite against the proxy: exactly those tests must fail, all others pass as before.
// URLs are rewritten both ways, so the suite sees only the proxy.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mintToken, type Credentials } from '../core/token.js';
import { AC, algOf, BRC, bytesOf, clientOf, codeAs500, codes, is, isAdmin, isText, json, noAuth, parse, parses, serverError, setAdminId, setProxyOrigin, tokenOf, ZRC, ZTC, type Answer, type Exchange, type Fault, type Forward } from './fault-kit.js';
import { SCOPING_FAULTS } from './faults-scoping.js';
import { DOCUMENTEN_FAULTS } from './faults-documenten.js';
import { NOTIFICATIES_FAULTS, ZAKEN_BEHAVIOUR_FAULTS } from './faults-behaviour.js';
import { ZAKEN_FIELDS_FAULTS } from './faults-zaken.js';
import { AUDIT_FAULTS, DOCUMENT_EFFECT_FAULTS, NOTIFICATIE_EFFECT_FAULTS } from './faults-effects.js';
import { EXPAND_FAULTS, SOURCE_NOTIFICATION_FAULTS, UNLOCK_FAULTS } from './faults-expand.js';

export type { Answer, Exchange, Fault } from './fault-kit.js';

export const FAULTS: Fault[] = [
  {
    group: 'ztc.catalogus', description: 'GET /catalogussen/{uuid} has no API-version header',
    breaks: ['ztc.catalogus.retrieve.api-version'],
    response: (x, a) => { if (is(x, 'GET', `${ZTC}/catalogussen/{uuid}`)) { const { ['api-version']: _, ...headers } = a.headers; return { ...a, headers }; } },
  },
  {
    group: 'ztc.zaaktype', description: 'GET /zaaktypen strips unknown query parameters and answers 200',
    breaks: ['ztc.zaaktype.list.unknown-parameter'],
    request: (x) => {
      if (!is(x, 'GET', `${ZTC}/zaaktypen`)) return;
      const known = ['catalogus', 'identificatie', 'trefwoorden', 'status', 'datumGeldigheid', 'page'];
      const query = new URLSearchParams([...x.query].filter(([k]) => known.includes(k)));
      return { ...x, query };
    },
  },
  {
    group: 'ztc.statustype', description: 'POST /statustypen answers malformed JSON with 500 instead of 400',
    breaks: ['ztc.statustype.create.robust.malformed-json'],
    response: (x, a) => { if (is(x, 'POST', `${ZTC}/statustypen`) && a.status === 400 && !parses(x.body)) return serverError(); },
  },
  {
    group: 'ztc.roltype', description: 'GET /roltypen serves lists without count',
    breaks: ['ztc.roltype.list.pagination'],
    response: (x, a, body) => { if (is(x, 'GET', `${ZTC}/roltypen`) && a.status === 200) { const { count: _, ...rest } = body; return json(a, rest); } },
  },
  {
    group: 'ztc.eigenschap', description: 'GET /eigenschappen/{uuid} ignores scopes (a client without catalogi.lezen reads it)',
    breaks: ['ztc.eigenschap.retrieve.requires-scope'],
    async request(x, admin) {
      if (is(x, 'GET', `${ZTC}/eigenschappen/{uuid}`) && tokenOf(x) && !isAdmin(x)) return { ...x, headers: { ...x.headers, authorization: `Bearer ${await admin()}` } };
    },
  },
  {
    group: 'ztc.resultaattype', description: 'GET /resultaattypen/{uuid} answers 200 {} for an unknown (or deleted) uuid',
    breaks: ['ztc.resultaattype.retrieve.not-found', 'ztc.resultaattype.destroy.valid'],
    response: (x, a) => { if (is(x, 'GET', `${ZTC}/resultaattypen/{uuid}`) && a.status === 404) return { status: 200, headers: { ...a.headers, 'content-type': 'application/json' }, body: '{}' }; },
  },
  {
    group: 'ztc.zaakobjecttype', description: 'POST /zaakobjecttypen answers 201 without a Location header',
    breaks: ['ztc.zaakobjecttype.create.valid'],
    response: (x, a) => { if (is(x, 'POST', `${ZTC}/zaakobjecttypen`) && a.status === 201) { const { location: _, ...headers } = a.headers; return { ...a, headers }; } },
  },
  {
    group: 'ztc.zaakinformatieobjecttype', description: 'GET /zaaktype-informatieobjecttypen/{uuid} ignores If-None-Match (never 304)',
    breaks: ['ztc.zaakinformatieobjecttype.retrieve.etag'],
    request: (x) => { if (is(x, 'GET', `${ZTC}/zaaktype-informatieobjecttypen/{uuid}`)) { const { ['if-none-match']: _, ...headers } = x.headers; return { ...x, headers }; } },
  },
  {
    group: 'ztc.informatieobjecttype', description: 'GET /informatieobjecttypen needs no token',
    breaks: ['ztc.informatieobjecttype.list.requires-auth'],
    async request(x, admin) { if (is(x, 'GET', `${ZTC}/informatieobjecttypen`) && !tokenOf(x)) return { ...x, headers: { ...x.headers, authorization: `Bearer ${await admin()}` } }; },
  },
  {
    group: 'ztc.besluittype', description: 'GET /besluittypen/{uuid} returns publicatieIndicatie as a string (invalid against the contract)',
    breaks: ['ztc.besluittype.retrieve.contract'],
    response: (x, a, body) => { if (is(x, 'GET', `${ZTC}/besluittypen/{uuid}`) && a.status === 200) return json(a, { ...body, publicatieIndicatie: 'ja' }); },
  },
  {
    group: 'ac.applicatie', description: 'GET /applicaties?page=9999 answers 200 with an empty page instead of 404',
    breaks: ['ac.applicatie.list.pagination'],
    response: (x, a) => {
      if (is(x, 'GET', `${AC}/applicaties`) && x.query.get('page') === '9999' && a.status === 404) {
        return { status: 200, headers: { ...a.headers, 'content-type': 'application/json' }, body: JSON.stringify({ count: 0, next: null, previous: null, results: [] }) };
      }
    },
  },
  {
    group: 'ztc.api', description: 'the Catalogi contract is not served as YAML',
    breaks: ['ztc.api.openapi'],
    request: (x) => { if (is(x, 'GET', `${ZTC}/schema/openapi.yaml`)) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' }; },
  },
  {
    group: 'ac.api', description: 'the Autorisaties contract needs a token',
    breaks: ['ac.api.openapi'],
    request: (x) => {
      if (is(x, 'GET', `${AC}/schema/openapi.json`) && !tokenOf(x)) {
        return { status: 403, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ code: 'not_authenticated', title: 'Authenticatiegegevens zijn niet opgegeven.', status: 403, detail: '-', instance: 'urn:uuid:0' }) };
      }
    },
  },
  {
    group: 'ztc.jwt', description: 'the Catalogi treat a token that is not a JWT as the all-rights client',
    breaks: ['ztc.jwt.garbage'],
    async request(x, admin) { if (x.path.startsWith(ZTC) && tokenOf(x) && tokenOf(x)!.split('.').length !== 3) return { ...x, headers: { ...x.headers, authorization: `Bearer ${await admin()}` } }; },
  },
  {
    group: 'ac.jwt', description: 'the Autorisaties accept unsigned tokens (alg none)',
    breaks: ['ac.jwt.alg-none'],
    async request(x, admin) { if (x.path.startsWith(AC) && algOf(tokenOf(x)) === 'none') return { ...x, headers: { ...x.headers, authorization: `Bearer ${await admin()}` } }; },
  },
  {
    group: 'ztc.rules', description: 'publishing a zaaktype with a concept besluittype answers 500 instead of 400 concept-relation',
    breaks: ['ztc.zaaktype.publish-needs-published-relations'],
    response: codeAs500('POST', `${ZTC}/zaaktypen/{uuid}/publish`, 'concept-relation'),
  },
  {
    group: 'ztc.versions', description: 'publishing an overlapping version answers 500 instead of 400 overlap',
    breaks: ['ztc.versions.no-overlap'],
    response: (x, a, body) => { if (x.path.endsWith('/publish') && a.status === 400 && codes(body).includes('overlap')) return serverError(); },
  },
  {
    group: 'ztc.relations', description: 'a zaaktype whose catalogus does not resolve answers 500 instead of 400 bad-url',
    breaks: ['ztc.relations.bad-url'],
    response: (x, a, body) => {
      if (is(x, 'POST', `${ZTC}/zaaktypen`) && a.status === 400 && body?.invalidParams?.some((p: any) => p.name === 'catalogus' && p.code === 'bad-url') && /^https?:/.test(parse(x.body)?.catalogus ?? '')) return serverError();
    },
  },
  {
    group: 'ztc.selectielijst', description: 'a selectielijstklasse of another procestype answers 500 instead of 400 procestype-mismatch',
    breaks: ['ztc.resultaattype.procestype-mismatch'],
    response: codeAs500('POST', `${ZTC}/resultaattypen`, 'procestype-mismatch'),
  },
  {
    group: 'ac.rules', description: 'a client id used twice answers 500 instead of 400 clientId-exists',
    breaks: ['ac.applicatie.client-id-unique'],
    response: codeAs500('POST', `${AC}/applicaties`, 'clientId-exists'),
  },
  {
    group: 'brc.besluit', description: 'GET /besluiten serves lists without next and previous',
    breaks: ['brc.besluit.list.pagination'],
    response: (x, a, body) => { if (is(x, 'GET', `${BRC}/besluiten`) && a.status === 200) { const { next: _n, previous: _p, ...rest } = body; return json(a, rest); } },
  },
  {
    group: 'brc.audittrail', description: 'GET /besluiten/{uuid}/audittrail/{uuid} has no API-version header',
    breaks: ['brc.audittrail.read.api-version'],
    response: (x, a) => { if (is(x, 'GET', `${BRC}/besluiten/{uuid}/audittrail/{uuid}`)) { const { ['api-version']: _, ...headers } = a.headers; return { ...a, headers }; } },
  },
  {
    group: 'brc.besluitinformatieobject', description: 'GET /besluitinformatieobjecten needs no token',
    breaks: ['brc.besluitinformatieobject.list.requires-auth'],
    async request(x, admin) { if (is(x, 'GET', `${BRC}/besluitinformatieobjecten`) && !tokenOf(x)) return { ...x, headers: { ...x.headers, authorization: `Bearer ${await admin()}` } }; },
  },
  {
    group: 'brc.api', description: 'the Besluiten contract is not served as JSON',
    breaks: ['brc.api.openapi'],
    request: (x) => { if (is(x, 'GET', `${BRC}/schema/openapi.json`)) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' }; },
  },
  {
    group: 'brc.jwt', description: 'the Besluiten treat a token of an unknown client id as the all-rights client',
    breaks: ['brc.jwt.unknown-client'],
    async request(x, admin) { if (x.path.startsWith(BRC) && clientOf(x)?.startsWith('unknown-')) return { ...x, headers: { ...x.headers, authorization: `Bearer ${await admin()}` } }; },
  },
  // Zaken: most groups have no fixtures beyond their auth tests yet, so most faults open an operation up.
  noAuth('zrc.klantcontact', 'GET', '/klantcontacten', 'zrc.klantcontact.list.requires-auth'),
  noAuth('zrc.resultaat', 'GET', '/resultaten', 'zrc.resultaat.list.requires-auth'),
  noAuth('zrc.status', 'GET', '/statussen', 'zrc.status.list.requires-auth'),
  noAuth('zrc.zaakcontactmoment', 'GET', '/zaakcontactmomenten', 'zrc.zaakcontactmoment.list.requires-auth'),
  noAuth('zrc.zaakverzoek', 'GET', '/zaakverzoeken', 'zrc.zaakverzoek.list.requires-auth'),
  noAuth('zrc.zaaknotitie', 'GET', '/zaaknotities', 'zrc.zaaknotitie.list.requires-auth'),
  noAuth('zrc.zaakinformatieobject', 'GET', '/zaakinformatieobjecten', 'zrc.zaakinformatieobject.list.requires-auth'),
  noAuth('zrc.zaakbesluit', 'POST', '/zaken/{uuid}/besluiten', 'zrc.zaakbesluit.create.requires-auth'),
  noAuth('zrc.zaakeigenschap', 'POST', '/zaken/{uuid}/zaakeigenschappen', 'zrc.zaakeigenschap.create.requires-auth'),
  noAuth('zrc.zaaknummer', 'POST', '/zaaknummer_reserveren', 'zrc.zaaknummer.reserveren.requires-auth'),
  {
    group: 'zrc.rules', description: 'a zaak with an identificatie already used by its bronorganisatie answers 500 instead of 400 identificatie-niet-uniek',
    breaks: ['zrc.zaak.identificatie-unique'],
    response: codeAs500('POST', `${ZRC}/zaken`, 'identificatie-niet-uniek'),
  },
  {
    group: 'zrc.audittrail', description: 'GET /zaken/{uuid}/audittrail/{uuid} answers 200 {} for an unknown uuid',
    breaks: ['zrc.audittrail.retrieve.not-found'],
    response: (x, a) => { if (is(x, 'GET', `${ZRC}/zaken/{uuid}/audittrail/{uuid}`) && a.status === 404) return { status: 200, headers: { ...a.headers, 'content-type': 'application/json' }, body: '{}' }; },
  },
  {
    group: 'zrc.zaak', description: 'GET /zaken does without Accept-Crs (the proxy adds it)',
    breaks: ['zrc.zaak.list.crs-missing'],
    request: (x) => { if (is(x, 'GET', `${ZRC}/zaken`) && !x.headers['accept-crs']) return { ...x, headers: { ...x.headers, 'accept-crs': 'EPSG:4326' } }; },
  },
  {
    group: 'zrc.rol', description: 'POST /rollen answers 201 without a Location header',
    breaks: ['zrc.rol.create.valid'],
    response: (x, a) => { if (is(x, 'POST', `${ZRC}/rollen`) && a.status === 201) { const { location: _, ...headers } = a.headers; return { ...a, headers }; } },
  },
  {
    group: 'zrc.zaakobject', description: 'POST /zaakobjecten answers malformed JSON with 500 instead of 400',
    breaks: ['zrc.zaakobject.create.robust.malformed-json'],
    response: (x, a) => { if (is(x, 'POST', `${ZRC}/zaakobjecten`) && a.status === 400 && !parses(x.body)) return serverError(); },
  },
  {
    group: 'zrc.api', description: 'the Zaken contract is not served as YAML',
    breaks: ['zrc.api.openapi'],
    request: (x) => { if (is(x, 'GET', `${ZRC}/schema/openapi.yaml`)) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' }; },
  },
  {
    group: 'zrc.jwt', description: 'the Zaken treat a token that is not a JWT as the all-rights client',
    breaks: ['zrc.jwt.garbage'],
    async request(x, admin) { if (x.path.startsWith(ZRC) && tokenOf(x) && tokenOf(x)!.split('.').length !== 3) return { ...x, headers: { ...x.headers, authorization: `Bearer ${await admin()}` } }; },
  },
  ...SCOPING_FAULTS,
  ...DOCUMENTEN_FAULTS,
  ...ZAKEN_BEHAVIOUR_FAULTS,
  ...ZAKEN_FIELDS_FAULTS,
  ...NOTIFICATIES_FAULTS,
  ...DOCUMENT_EFFECT_FAULTS,
  ...AUDIT_FAULTS,
  ...NOTIFICATIE_EFFECT_FAULTS,
  ...EXPAND_FAULTS,
  ...UNLOCK_FAULTS,
  ...SOURCE_NOTIFICATION_FAULTS,
];

const read = (req: IncomingMessage) => new Promise<Buffer>((ok, fail) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => ok(Buffer.concat(chunks))).on('error', fail);
});

/** Both spellings of an origin: as is, and URL-encoded in a query string. */
function swap(text: string, from: string, to: string): string {
  return text.split(from).join(to).split(encodeURIComponent(from)).join(encodeURIComponent(to));
}

export interface FaultProxy { url: string; server: Server; close(): Promise<void> }

/** Listen on a free port and forward to `backend` (an origin, `http://localhost:8000`), applying the faults. */
export async function startFaultProxy(backend: string, admin: Credentials, faults: Fault[] = FAULTS): Promise<FaultProxy> {
  setAdminId(admin.clientId);
  const adminToken = () => mintToken(admin);
  const forward: Forward = async (x) => {
    const qs = x.query.toString();
    const r = await fetch(`${backend}${x.path}${qs ? `?${qs}` : ''}`, { method: x.method, headers: x.headers, body: ['GET', 'HEAD'].includes(x.method) ? undefined : bytesOf(x.body, x.binary), redirect: 'manual' });
    const binary = !isText(r.headers.get('content-type') ?? undefined);
    return { status: r.status, headers: Object.fromEntries(r.headers.entries()), body: Buffer.from(await r.arrayBuffer()).toString(binary ? 'latin1' : 'utf8'), binary };
  };
  let origin = '';
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(swap(req.url ?? '/', origin, backend), origin);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>;
      const binary = !isText(headers['content-type']);
      let x: Exchange = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body: swap((await read(req)).toString(binary ? 'latin1' : 'utf8'), origin, backend), binary };
      let answer: Answer | undefined;
      for (const f of faults) {
        const changed = await f.request?.(x, adminToken, forward);
        if (changed && 'status' in changed) { answer = changed; break; }
        if (changed) x = changed;
      }
      if (!answer) {
        answer = await forward(x);
        const parsed = parse(answer.body);
        for (const f of faults) answer = f.response?.(x, answer, parsed) ?? answer;
      }
      const out = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !['content-length', 'transfer-encoding', 'content-encoding', 'connection', 'keep-alive'].includes(k)).map(([k, v]) => [k, swap(v, backend, origin)]));
      res.writeHead(answer.status, out);
      res.end(x.method === 'HEAD' || answer.status === 304 ? undefined : bytesOf(swap(answer.body, backend, origin), answer.binary));
    } catch (e) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`fault proxy: ${(e as Error).message}`);
    }
  });
  await new Promise<void>((ok) => server.listen(0, ok));
  const address = server.address();
  origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
  setProxyOrigin(origin.replace('localhost', '127.0.0.1'));
  return { url: origin, server, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }) };
}
