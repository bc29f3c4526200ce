// Faults that break every Documenten group that runs: one narrow non-compliance each.
import { algOf, asAdmin, codeAs500, DRC, is, json, noAuth, parse, tokenOf, type Fault } from './fault-kit.js';

const EIO = `${DRC}/enkelvoudiginformatieobjecten`;

export const DOCUMENTEN_FAULTS: Fault[] = [
  {
    group: 'drc.audittrail', description: 'GET /enkelvoudiginformatieobjecten/{uuid}/audittrail/{uuid} has no API-version header',
    breaks: ['drc.audittrail.retrieve.api-version'],
    response: (x, a) => { if (is(x, 'GET', `${EIO}/{uuid}/audittrail/{uuid}`)) { const { ['api-version']: _, ...headers } = a.headers; return { ...a, headers }; } },
  },
  {
    group: 'drc.enkelvoudiginformatieobject', description: 'GET /enkelvoudiginformatieobjecten/{uuid} ignores If-None-Match (never 304)',
    breaks: ['drc.enkelvoudiginformatieobject.retrieve.etag'],
    request: (x) => { if (is(x, 'GET', `${EIO}/{uuid}`)) { const { ['if-none-match']: _, ...headers } = x.headers; return { ...x, headers }; } },
  },
  {
    group: 'drc.gebruiksrechten', description: 'POST /gebruiksrechten answers 201 without a Location header',
    breaks: ['drc.gebruiksrechten.create.valid'],
    response: (x, a) => { if (is(x, 'POST', `${DRC}/gebruiksrechten`) && a.status === 201) { const { location: _, ...headers } = a.headers; return { ...a, headers }; } },
  },
  noAuth('drc.objectinformatieobject', 'GET', '/objectinformatieobjecten', 'drc.objectinformatieobject.list.requires-auth', DRC),
  noAuth('drc.verzending', 'GET', '/verzendingen', 'drc.verzending.list.requires-auth', DRC),
  {
    group: 'drc.api', description: 'the Documenten contract is not served as YAML',
    breaks: ['drc.api.openapi'],
    request: (x) => { if (is(x, 'GET', `${DRC}/schema/openapi.yaml`)) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' }; },
  },
  {
    group: 'drc.jwt', description: 'the Documenten accept unsigned tokens (alg none)',
    breaks: ['drc.jwt.alg-none'],
    async request(x, admin) { if (x.path.startsWith(DRC) && algOf(tokenOf(x)) === 'none') return asAdmin(x, admin); },
  },
  {
    group: 'drc.rules', description: 'an update of a locked document without its lock answers 500 instead of 400 missing-lock-id (drc-009)',
    breaks: ['drc.lock.lock-required'],
    response: codeAs500('PATCH', `${EIO}/{uuid}`, 'missing-lock-id'),
  },
  {
    group: 'drc.rules', description: 'a document without vertrouwelijkheidaanduiding gets openbaar, not its type\'s (drc-007)',
    breaks: ['drc.document.vertrouwelijkheid-default'],
    response: (x, a, body) => {
      if (is(x, 'POST', EIO) && a.status === 201 && parse(x.body)?.vertrouwelijkheidaanduiding === undefined) return json(a, { ...body, vertrouwelijkheidaanduiding: 'openbaar' });
    },
  },
];
