// Faults that break the hand-written expand and _zoek fields tests of Zaken (suites/zaken-expand.ts),
// the ObjectInformatieObject and forced-unlock tests of Documenten (suites/documenten-oio.ts,
// documenten-unlock.ts) and the notifications of Catalogi and Autorisaties writes
// (suites/notificaties-sources.ts): one narrow non-compliance each (testing the tests).
import { asAdmin, clientOf, codes, DRC, is, json, NRC, parse, proxyOriginOf, serverError, ZRC, type Answer, type Exchange, type Fault } from './fault-kit.js';

const ZAAK = `${ZRC}/zaken/{uuid}`;
const ZOEK = `${ZRC}/zaken/_zoek`;
const OIO = `${DRC}/objectinformatieobjecten`;

const expandOf = (x: Exchange) => (x.query.get('expand') ?? '').split(',').filter(Boolean);
const asked = (x: Exchange, path: string) => expandOf(x).includes(path);
const rows = (body: any): any[] => (Array.isArray(body) ? body : body?.results ?? []);
/** The list body with each row changed by `change`. */
const eachRow = (body: any, change: (row: any) => any) => (Array.isArray(body) ? body.map(change) : { ...body, results: rows(body).map(change) });
/** The object with `_expand.<field>` replaced. */
const withExpanded = (obj: any, field: string, value: unknown) => ({ ...obj, _expand: { ...obj._expand, [field]: value } });

export const EXPAND_FAULTS: Fault[] = [
  {
    group: 'zrc.expand', description: 'an expanded zaaktype on a zaak carries only its url and identificatie, not the object its GET returns (zrc-025)',
    breaks: ['zrc.expand.to-one'],
    response: (x, a, body) => {
      const type = body?._expand?.zaaktype;
      if (is(x, 'GET', ZAAK) && a.status === 200 && type?.url) return json(a, withExpanded(body, 'zaaktype', { url: type.url, identificatie: type.identificatie }));
    },
  },
  {
    group: 'zrc.expand', description: 'expand=rollen on a zaak with two or more rollen leaves out the last one (zrc-025)',
    breaks: ['zrc.expand.to-many'],
    response: (x, a, body) => {
      const rollen = body?._expand?.rollen;
      if (is(x, 'GET', ZAAK) && a.status === 200 && Array.isArray(rollen) && rollen.length > 1) return json(a, withExpanded(body, 'rollen', rollen.slice(0, -1)));
    },
  },
  {
    group: 'zrc.expand', description: 'a zaak without a status expands status to null instead of the contract\'s empty object (zrc-025)',
    breaks: ['zrc.expand.empty'],
    response: (x, a, body) => {
      const st = body?._expand?.status;
      if (is(x, 'GET', ZAAK) && a.status === 200 && st && typeof st === 'object' && !Object.keys(st).length) return json(a, withExpanded(body, 'status', null));
    },
  },
  {
    group: 'zrc.expand', description: 'expand stops at depth 2: deelzaken.status.statustype leaves the status of each deelzaak unexpanded (zrc-026)',
    breaks: ['zrc.expand.nested'],
    response: (x, a, body) => {
      const deelzaken = body?._expand?.deelzaken;
      if (!is(x, 'GET', ZAAK) || a.status !== 200 || !asked(x, 'deelzaken.status.statustype') || !Array.isArray(deelzaken)) return;
      return json(a, withExpanded(body, 'deelzaken', deelzaken.map((d: any) => (d?._expand?.status ? withExpanded(d, 'status', { ...d._expand.status, _expand: {} }) : d))));
    },
  },
  {
    group: 'zrc.expand', description: 'GET /zaken ignores a nested expand path (status.statustype): the rows carry no _expand (zrc-025)',
    breaks: ['zrc.expand.list'],
    response: (x, a, body) => {
      if (is(x, 'GET', `${ZRC}/zaken`) && a.status === 200 && asked(x, 'status.statustype')) return json(a, eachRow(body, ({ _expand: _, ...row }) => row));
    },
  },
  {
    group: 'zrc.expand', description: 'POST /zaken/_zoek expands zaaktype to an empty object: Catalogi types are not resolved there (zrc-025)',
    breaks: ['zrc.expand.zoek'],
    response: (x, a, body) => {
      if (is(x, 'POST', ZOEK) && a.status === 200 && asked(x, 'zaaktype')) return json(a, eachRow(body, (row) => (row?._expand ? withExpanded(row, 'zaaktype', {}) : row)));
    },
  },
  {
    group: 'zrc.expand', description: 'GET /zaken drops an expand path it does not know instead of refusing it (zrc-028)',
    breaks: ['zrc.expand.unknown-path'],
    request: (x) => {
      if (!is(x, 'GET', `${ZRC}/zaken`) || !expandOf(x).some((p) => p.includes('geenveld'))) return;
      const query = new URLSearchParams(x.query);
      query.set('expand', expandOf(x).filter((p) => !p.includes('geenveld')).map((p) => p.split('.')[0]).join(','));
      return { ...x, query };
    },
  },
  {
    group: 'zrc.zoek-fields', description: 'POST /zaken/_zoek together with expand drops the expand and answers 200 instead of refusing fields with expand (zrc-029)',
    breaks: ['zrc.zoek.fields-with-expand'],
    request: (x) => {
      if (!is(x, 'POST', ZOEK) || !x.query.get('expand') || !Array.isArray(parse(x.body)?.fields)) return;
      const query = new URLSearchParams(x.query);
      query.delete('expand');
      return { ...x, query };
    },
  },
  {
    group: 'zrc.zoek-fields', description: 'POST /zaken/_zoek ignores fields: every row carries every field (zrc-029)',
    breaks: ['zrc.zoek.fields'],
    request: (x) => {
      const body = parse(x.body);
      if (!is(x, 'POST', ZOEK) || x.query.get('expand') || !Array.isArray(body?.fields)) return;
      const { fields: _, ...rest } = body;
      return { ...x, body: JSON.stringify(rest) };
    },
  },
  {
    group: 'drc.oio', description: 'an objectinformatieobject whose object does not resolve is not reported on object (only the missing relation is) (drc-002)',
    breaks: ['drc.oio.object-resolves'],
    response: (x, a, body) => {
      if (is(x, 'POST', OIO) && a.status === 400 && codes(body).includes('bad-url')) return json(a, { ...body, invalidParams: body.invalidParams.filter((p: any) => !(p?.name === 'object' && p?.code === 'bad-url')) });
    },
  },
  {
    group: 'drc.oio', description: 'a second objectinformatieobject for a linked pair is answered 500 instead of 400 unique (drc-003)',
    breaks: ['drc.oio.pair-unique'],
    response: (x, a, body) => { if (is(x, 'POST', OIO) && a.status === 400 && codes(body).includes('unique')) return serverError(); },
  },
  {
    group: 'drc.oio', description: 'an objectinformatieobject for a zaak without its zaakinformatieobject is reported as bad-url on object, not inconsistent-relation (drc-004)',
    breaks: ['drc.oio.relation-exists'],
    response: (x, a, body) => {
      if (is(x, 'POST', OIO) && a.status === 400 && codes(body).join() === 'inconsistent-relation') return json(a, { ...body, invalidParams: [{ name: 'object', code: 'bad-url', reason: 'De URL resolvet niet.' }] });
    },
  },
];

/** Client ids carry a slug of their label (setup/clients.ts): the forced-unlock tests' two clients. */
const FORCING_CLIENT = '-drc-forced-u';
const LOCK_ONLY_CLIENT = '-drc-lock-onl';
const isUnlockWithoutLock = (x: Exchange) => is(x, 'POST', `${DRC}/enkelvoudiginformatieobjecten/{uuid}/unlock`) && !parse(x.body)?.lock;

export const UNLOCK_FAULTS: Fault[] = [
  {
    group: 'drc.unlock', description: 'an unlock without the lock id is refused (400 incorrect-lock-id) even for a client with documenten.geforceerd-unlock (drc-009)',
    breaks: ['drc.unlock.forced'],
    request: (x) => {
      if (!isUnlockWithoutLock(x) || !clientOf(x)?.includes(FORCING_CLIENT)) return;
      return { status: 400, headers: { 'content-type': 'application/problem+json', 'api-version': '1.7.0' },
        body: JSON.stringify({ type: 'about:blank', code: 'invalid', title: 'Invalid input.', status: 400, detail: 'Incorrect lock ID.', instance: 'urn:uuid:00000000-0000-0000-0000-000000000000', invalidParams: [{ name: 'nonFieldErrors', code: 'incorrect-lock-id', reason: 'Incorrect lock ID.' }] }) };
    },
  },
  {
    group: 'drc.unlock', description: 'an unlock without the lock id is forced for a client with only documenten.lock (drc-009)',
    breaks: ['drc.unlock.forced-needs-scope'],
    async request(x, admin) { if (isUnlockWithoutLock(x) && clientOf(x)?.includes(LOCK_ONLY_CLIENT)) return asAdmin(x, admin); },
  },
];

/**
 * A fault on the notifications of one kanaal: the abonnementen of the nrc.sources tests on it get
 * the proxy as callback, which relays each message to the test's receiver after `change` (which
 * returns the message to deliver, or undefined to drop it).
 */
function relayKanaal(kanaal: string, description: string, breaks: string[], change: (message: any) => any): Fault {
  const prefix = `/__sources-${kanaal}/`;
  return {
    group: 'nrc.sources', description, breaks,
    async request(x): Promise<Exchange | Answer | void> {
      if (x.method === 'POST' && x.path.startsWith(prefix)) {
        const message = change(parse(x.body));
        if (!message) return { status: 204, headers: {}, body: '' };
        const r = await fetch(decodeURIComponent(x.path.slice(prefix.length)), { method: 'POST', headers: { 'content-type': 'application/json', authorization: x.headers.authorization ?? '' }, body: JSON.stringify(message) });
        return { status: r.status, headers: {}, body: '' };
      }
      const body = parse(x.body);
      if (is(x, 'POST', `${NRC}/abonnement`) && String(body?.callbackUrl).includes('/sources/') && body?.kanalen?.some((k: any) => k?.naam === kanaal)) {
        return { ...x, body: JSON.stringify({ ...body, callbackUrl: `${proxyOriginOf()}${prefix}${encodeURIComponent(body.callbackUrl)}` }) };
      }
    },
  };
}

export const SOURCE_NOTIFICATION_FAULTS: Fault[] = [
  relayKanaal('zaaktypen', 'a zaaktype message on kanaal zaaktypen lacks its kenmerk catalogus (api-015)', ['nrc.sources.zaaktype-create'],
    (m) => (m?.kenmerken ? { ...m, kenmerken: Object.fromEntries(Object.entries(m.kenmerken).filter(([k]) => k !== 'catalogus')) } : m)),
  relayKanaal('autorisaties', 'writes in the Autorisaties API are not published on kanaal autorisaties (api-015)', ['nrc.sources.applicatie-create'],
    (m) => (m?.kanaal === 'autorisaties' ? undefined : m)),
];
