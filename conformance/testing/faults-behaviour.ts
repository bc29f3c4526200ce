// Faults that break the hand-written Zaken life-cycle, archiving and relation groups, the Besluiten
// rules, and every Notificaties group: one narrow non-compliance each (testing the tests).
import { algOf, asAdmin, BRC, clientOf, codeAs500, is, json, noAuth, NRC, parse, parses, serverError, tokenOf, ZRC, type Fault } from './fault-kit.js';

const ZAAK = `${ZRC}/zaken/{uuid}`;
const created = (body: unknown) => ({ status: 201, headers: { 'content-type': 'application/json', 'api-version': '1.0.1' }, body: JSON.stringify(body) });

export const ZAKEN_BEHAVIOUR_FAULTS: Fault[] = [
  {
    group: 'zrc.lifecycle', description: 'a status on a closed zaak reopens it without zaken.heropenen (zrc-008)',
    breaks: ['zrc.lifecycle.reopen'],
    async request(x, admin) { if (is(x, 'POST', `${ZRC}/statussen`) && clientOf(x)?.includes('-zaken-writer-')) return asAdmin(x, admin); },
  },
  {
    group: 'zrc.archiveren', description: 'an archiefactiedatum that cannot be derived (ander_datumkenmerk) is filled in with the einddatum (zrc-021)',
    breaks: ['zrc.archief.ander-datumkenmerk', 'zrc.archief.underivable'],
    response: (x, a, body) => {
      if (is(x, 'GET', ZAAK) && a.status === 200 && body?.einddatum && body.archiefnominatie && !body.archiefactiedatum) return json(a, { ...body, archiefactiedatum: body.einddatum });
    },
  },
  {
    group: 'zrc.archiveren', description: 'archiving a zaak with documents that are not archived answers 500 instead of 400 documents-not-archived (zrc-022)',
    breaks: ['zrc.archiefstatus.documents-not-archived'],
    response: codeAs500('PATCH', ZAAK, 'documents-not-archived'),
  },
  {
    group: 'zrc.relations', description: 'a rol whose roltype belongs to another zaaktype answers 500 instead of 400 zaaktype-mismatch (zrc-019)',
    breaks: ['zrc.consistency.roltype'],
    response: codeAs500('POST', `${ZRC}/rollen`, 'zaaktype-mismatch'),
  },
  {
    group: 'zrc.relations', description: 'a PATCH making a zaak its own hoofdzaak is accepted, the hoofdzaak silently dropped (zrc-013)',
    breaks: ['zrc.hoofdzaak.self'],
    request: (x) => {
      const body = parse(x.body);
      if (is(x, 'PATCH', ZAAK) && typeof body?.hoofdzaak === 'string' && body.hoofdzaak.endsWith(x.path)) {
        const { hoofdzaak: _, ...rest } = body;
        return { ...x, body: JSON.stringify(rest) };
      }
    },
  },
  {
    group: 'brc.rules', description: 'a besluit with an identificatie already used by its organisatie answers 500 instead of 400 (brc-002)',
    breaks: ['brc.besluit.identificatie-unique'],
    response: (x, a) => { if (is(x, 'POST', `${BRC}/besluiten`) && a.status === 400 && String(parse(x.body)?.identificatie).startsWith('BESLUIT-CONF-')) return serverError(); },
  },
  {
    group: 'brc.rules', description: "a besluit whose besluittype is not one of its zaak's zaaktype's answers 500 instead of 400 (brc-007)",
    breaks: ['brc.besluit.zaaktype-besluittype'],
    response: codeAs500('POST', `${BRC}/besluiten`, 'zaaktype-mismatch'),
  },
];

export const NOTIFICATIES_FAULTS: Fault[] = [
  noAuth('nrc.abonnement', 'GET', '/abonnement', 'nrc.abonnement.list.requires-auth', NRC),
  {
    group: 'nrc.kanaal', description: 'GET /kanaal/{uuid} has no API-version header',
    breaks: ['nrc.kanaal.read.api-version'],
    response: (x, a) => { if (is(x, 'GET', `${NRC}/kanaal/{uuid}`)) { const { ['api-version']: _, ...headers } = a.headers; return { ...a, headers }; } },
  },
  {
    group: 'nrc.notificaties', description: 'POST /notificaties answers malformed JSON with 500 instead of 400',
    breaks: ['nrc.notificaties.create.robust.malformed-json'],
    response: (x, a) => { if (is(x, 'POST', `${NRC}/notificaties`) && a.status === 400 && !parses(x.body)) return serverError(); },
  },
  {
    group: 'nrc.api', description: 'the Notificaties contract is not served as YAML',
    breaks: ['nrc.api.openapi'],
    request: (x) => { if (is(x, 'GET', `${NRC}/schema/openapi.yaml`)) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' }; },
  },
  {
    group: 'nrc.jwt', description: 'the Notificaties accept unsigned tokens (alg none)',
    breaks: ['nrc.jwt.alg-none'],
    async request(x, admin) { if (x.path.startsWith(NRC) && algOf(tokenOf(x)) === 'none') return asAdmin(x, admin); },
  },
  {
    group: 'nrc.rules', description: 'an abonnement with a file: callbackUrl is accepted (SHOULD, nrc-005)',
    breaks: ['nrc.callback.scheme'],
    response: (x, a) => { if (is(x, 'POST', `${NRC}/abonnement`) && a.status === 400 && String(parse(x.body)?.callbackUrl).startsWith('file:')) return created(parse(x.body)); },
  },
  {
    group: 'nrc.delivery', description: "an abonnement on one kanaal is stored with another auth than the one given: deliveries carry the wrong Authorization (nrc-003)",
    breaks: ['nrc.delivery.publish', 'nrc.delivery.zaak-create'],
    request: (x) => {
      const body = parse(x.body);
      if (is(x, 'POST', `${NRC}/abonnement`) && typeof body?.auth === 'string' && body.kanalen?.length === 1 && !String(body.callbackUrl).includes('/retry/')) return { ...x, body: JSON.stringify({ ...body, auth: 'Bearer not-the-abonnements-auth' }) };
    },
  },
];
