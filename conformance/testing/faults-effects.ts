// Faults that break the effects of writes the suite checks by hand: gebruiksrechten and deletes of
// documents, expand on Documenten, chunked uploads, the audit trail's content, the notifications of
// every write and their retry. One narrow non-compliance each (testing the tests).
import { LARGE_FILE_SIZE } from '../setup/bestandsdelen.js';
import { asAdmin, clientOf, codeAs500, DRC, is, json, noAuth, NRC, parse, proxyOriginOf, ZRC, type Answer, type Exchange, type Fault } from './fault-kit.js';

const EIO = `${DRC}/enkelvoudiginformatieobjecten`;
const RELAY = '/__relay/';

export const DOCUMENT_EFFECT_FAULTS: Fault[] = [
  {
    group: 'drc.relations', description: 'a document shows indicatieGebruiksrecht null although it has gebruiksrechten (drc-006)',
    breaks: ['drc.gebruiksrecht.sets-indicatie', 'drc.gebruiksrecht.last-resets'],
    response: (x, a, body) => { if (is(x, 'GET', `${EIO}/{uuid}`) && a.status === 200 && body?.indicatieGebruiksrecht === true) return json(a, { ...body, indicatieGebruiksrecht: null }); },
  },
  {
    group: 'drc.relations', description: 'deleting a document linked to a zaak answers 500 instead of 400 pending-relations (drc-008)',
    breaks: ['drc.destroy.pending-relations'],
    response: codeAs500('DELETE', `${EIO}/{uuid}`, 'pending-relations'),
  },
  {
    group: 'drc.expand', description: 'expand on a document is ignored: _expand stays empty (drc-011)',
    breaks: ['drc.expand.informatieobjecttype', 'drc.expand.authorised'],
    response: (x, a, body) => { if (is(x, 'GET', `${EIO}/{uuid}`) && x.query.get('expand') && a.status === 200) return json(a, { ...body, _expand: {} }); },
  },
  {
    group: 'drc.expand', description: 'expand embeds the informatieobjecttype for a client without any Catalogi autorisatie (drc-012)',
    breaks: ['drc.expand.authorised'],
    // The suite's client without Catalogi scopes carries the slug `drc-no-ztc` in its client id (setup/clients.ts).
    async request(x, admin) { if (is(x, 'GET', `${EIO}/{uuid}`) && x.query.get('expand') && clientOf(x)?.includes('-drc-no-ztc-')) return asAdmin(x, admin); },
  },
  noAuth('drc.bestandsdeel', 'PUT', '/bestandsdelen/{uuid}', 'drc.bestandsdeel.update.requires-auth', DRC),
  {
    group: 'drc.bestandsdelen', description: 'unlocking an incomplete chunked upload answers 500 instead of 400 incomplete-upload',
    breaks: ['drc.bestandsdelen.incomplete-unlock'],
    response: codeAs500('POST', `${EIO}/{uuid}/unlock`, 'incomplete-upload'),
  },
  {
    group: 'drc.bestandsdelen', description: 'the download of a document merged from bestandsdelen misses its last byte',
    breaks: ['drc.bestandsdelen.upload-merge'],
    response: (x, a) => { if (is(x, 'GET', `${EIO}/{uuid}/download`) && a.status === 200 && a.binary && a.body.length === LARGE_FILE_SIZE) return { ...a, body: a.body.slice(0, -1) }; },
  },
];

export const AUDIT_FAULTS: Fault[] = [
  {
    group: 'drc.audittrail-content', description: "a document's audit trail is listed newest first (api-009)",
    breaks: ['api.audit.document'],
    response: (x, a, body) => { if (is(x, 'GET', `${EIO}/{uuid}/audittrail`) && Array.isArray(body) && body.length > 1) return json(a, [...body].reverse()); },
  },
  {
    group: 'zrc.audittrail-content', description: "a zaak's audit trail shows the new state as the oud of an update (api-009)",
    breaks: ['api.audit.zaak'],
    response: (x, a, body) => {
      if (is(x, 'GET', `${ZRC}/zaken/{uuid}/audittrail`) && Array.isArray(body)) return json(a, body.map((e) => (e?.actie === 'partial_update' ? { ...e, wijzigingen: { ...e.wijzigingen, oud: e.wijzigingen?.nieuw } } : e)));
    },
  },
];

/** Callbacks already relayed once, by target and resourceUrl (the retry fault lets only the first through). */
const relayed = new Set<string>();

/** The retry fault's relay: the first delivery of a message goes on to the receiver, every later one is swallowed (204). */
async function relay(x: Exchange): Promise<Answer> {
  const target = decodeURIComponent(x.path.slice(RELAY.length));
  const message = parse(x.body);
  const key = `${target} ${message?.resourceUrl}`;
  if (!message?.kanaal || relayed.has(key)) return { status: 204, headers: {}, body: '' };
  relayed.add(key);
  const r = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', authorization: x.headers.authorization ?? '' }, body: x.body });
  return { status: r.status, headers: {}, body: '' };
}

export const NOTIFICATIE_EFFECT_FAULTS: Fault[] = [
  {
    group: 'nrc.writes', description: 'an abonnement on several kanalen is stored with the first only (zaken): documenten and besluiten are never delivered (api-015)',
    breaks: ['nrc.writes.document-create', 'nrc.writes.besluit-create'],
    request: (x) => {
      const body = parse(x.body);
      if (is(x, 'POST', `${NRC}/abonnement`) && Array.isArray(body?.kanalen) && body.kanalen.length > 1) return { ...x, body: JSON.stringify({ ...body, kanalen: body.kanalen.slice(0, 1) }) };
    },
  },
  {
    group: 'nrc.retry', description: 'a delivery its callback answered 500 is never retried (the proxy relays the retry test\'s callback and swallows every later delivery) (nrc-007)',
    breaks: ['nrc.retry.after-500'],
    request: (x) => {
      if (x.method === 'POST' && x.path.startsWith(RELAY)) return relay(x);
      const body = parse(x.body);
      if (is(x, 'POST', `${NRC}/abonnement`) && String(body?.callbackUrl).includes('/retry/')) {
        return { ...x, body: JSON.stringify({ ...body, callbackUrl: `${proxyOriginOf()}${RELAY}${encodeURIComponent(body.callbackUrl)}` }) };
      }
    },
  },
];
