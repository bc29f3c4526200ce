// Faults that break the hand-written expand and _zoek fields tests of Zaken (suites/zaken-expand.ts)
// and the ObjectInformatieObject tests of Documenten (suites/documenten-oio.ts): one narrow
// non-compliance each (testing the tests).
import { codes, DRC, is, json, parse, serverError, ZRC, type Exchange, type Fault } from './fault-kit.js';

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
