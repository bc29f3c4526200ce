// Generated per write operation: malformed JSON, wrong types, oversized strings, bad URLs, invalid
// dates and injection-looking values must get a 4xx problem+json, never a 5xx, and leave nothing
// behind (the list or the object is read back). Injection-looking text in a free-text field is
// valid input: it must be stored and returned verbatim.
import type { Contract, Operation } from '../core/contract.js';
import { check, describeRes, expectProblem } from '../core/expect.js';
import type { Http } from '../core/http.js';
import { fail, skip, type ApiName, type TestContext, type TestDef } from '../core/types.js';
import { collectionOf } from '../setup/fixtures.js';
import { isDetail, testId, urlFor } from './ops.js';

type Props = Record<string, Record<string, any>>;
const INJECTIONS = ["'; drop table zaak; --", '<script>alert(1)</script>'];

/** The request body's properties (without readOnly ones); a PATCH typed as any object borrows its PUT's or POST's. */
function properties(contract: Contract, op: Operation): Props {
  const resolve = (schema: any): any => {
    if (schema?.$ref) return resolve(contract.requestSchema(schema.$ref.split('/').pop()));
    if (schema?.allOf) return schema.allOf.map(resolve).reduce((a: any, b: any) => ({ ...a, ...b, properties: { ...a?.properties, ...b?.properties } }), {});
    return schema;
  };
  let schema = resolve(op.body?.schema);
  if (!schema?.properties) {
    const sibling = contract.operations.find((o) => o.path === op.path && o.method === 'put') ?? contract.operations.find((o) => o.method === 'post' && o.path === collectionOf(op.path));
    schema = sibling?.body ? resolve(sibling.body.schema) : undefined;
  }
  return Object.fromEntries(Object.entries((schema?.properties ?? {}) as Props).map(([k, v]) => [k, resolve(v) ?? {}]).filter(([, v]) => !v.readOnly));
}

const typeOf = (s: any): string | undefined => (Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type);
const pick = (props: Props, f: (s: any) => boolean) => Object.keys(props).filter((k) => f(props[k])).slice(0, 3);
const WRONG: Record<string, unknown> = { string: { geen: 'tekst' }, boolean: 'misschien', integer: 'abc', number: 'abc', array: 'geen lijst', object: 'geen object' };

interface Mutation { check: string; title: string; fields: string[]; value: (field: string, s: any) => unknown }

function mutations(props: Props): Mutation[] {
  const m: Mutation[] = [
    { check: 'wrong-type', title: 'a value of the wrong JSON type', fields: pick(props, (s) => !!WRONG[typeOf(s) ?? '']), value: (_f, s) => WRONG[typeOf(s)!] },
    { check: 'oversized', title: 'a string one longer than its maxLength', fields: pick(props, (s) => typeOf(s) === 'string' && s.maxLength > 0 && s.maxLength < 100_000), value: (_f, s) => 'x'.repeat(s.maxLength + 1) },
    { check: 'bad-url', title: 'a URL field that is not a URL', fields: pick(props, (s) => s.format === 'uri'), value: () => 'geen-url' },
    { check: 'bad-date', title: 'an impossible date', fields: pick(props, (s) => s.format === 'date' || s.format === 'date-time'), value: (_f, s) => (s.format === 'date' ? '2020-13-45' : 'gisteren') },
    { check: 'injection-structured', title: 'injection-looking text in a URL, date or choice field', fields: pick(props, (s) => ['uri', 'date', 'date-time'].includes(s.format) || Array.isArray(s.enum)), value: (f) => INJECTIONS[f.length % 2] },
  ];
  return m.filter((x) => x.fields.length);
}

async function count(http: Http, url: string): Promise<number | string> {
  const res = await http.get(url);
  if (res.status !== 200) return `${res.status}`;
  return Array.isArray(res.body) ? res.body.length : res.body?.count ?? JSON.stringify(res.body).length;
}

export function robustnessTests(api: ApiName, contract: Contract, op: Operation): TestDef[] {
  if (!op.body || !['post', 'put', 'patch'].includes(op.method)) return [];
  const create = op.method === 'post' && !isDetail(op);
  if (op.method === 'post' && !create) return [];
  const props = properties(contract, op);
  const M = `${op.method.toUpperCase()} ${op.path}`;

  /** Base body, URL, and a way to observe whether anything changed. */
  const target = async (ctx: TestContext) => {
    const f = ctx.fixtures.get(api) ?? skip(ctx.fixtures.reason(api));
    const base = create ? await f.createBody(op) : op.method === 'put' ? f.putBody(op.path) : {};
    if (!base) return skip(`no valid body known for ${op.path}`);
    const url = urlFor(ctx, api, op, { variant: 'concept' });
    const observe = create ? `${ctx.apis[api]}${op.path}?${f.listQuery(op.path)}` : url;
    const snapshot = async () => (create ? count(ctx.http, observe) : JSON.stringify((await ctx.http.get(observe)).body));
    return { base, url, snapshot };
  };
  const refused = async (ctx: TestContext, send: (url: string, base: Record<string, any>) => Promise<import('../core/http.js').Response>) => {
    const { base, url, snapshot } = await target(ctx);
    const before = await snapshot();
    const res = await send(url, base);
    if (res.status >= 500) fail(`${describeRes(res)}: a client mistake must never be a ${res.status}`);
    if (res.status < 400) {
      if (typeof res.body?.url === 'string' && create) ctx.cleanup(res.body.url);
      fail(`${describeRes(res)}: accepted, expected a 400${res.text ? `: ${res.text.slice(0, 200)}` : ''}`);
    }
    expectProblem(res);
    const after = await snapshot();
    check(before === after, `${describeRes(res)}: refused, but the server changed (${create ? `list count ${before} → ${after}` : 'the object differs when read back'})`);
  };
  const t = (c: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id: testId(api, op, `robust.${c}`), title, rules, kind: 'generated', run });

  const tests: TestDef[] = [
    t('malformed-json', `${M} with malformed JSON is a 400 problem+json and changes nothing`, ['api-011', 'api-013'], (ctx) =>
      refused(ctx, (url) => ctx.http.request({ method: op.method, url, raw: '{"omschrijving": "niet afgesloten' }))),
  ];
  for (const m of mutations(props)) {
    tests.push(t(m.check, `${M} with ${m.title} (${m.fields.join(', ')}) is a 4xx problem+json, never a 5xx, and changes nothing`, ['api-011', 'api-013'], async (ctx) => {
      for (const field of m.fields) {
        await refused(ctx, (url, base) => ctx.http.request({ method: op.method, url, body: { ...base, [field]: m.value(field, props[field]) } }));
      }
    }));
  }
  // A descriptive field: a name-like field can be a relation written by name (ztc-011).
  const text = ['toelichting', 'definitie', 'omschrijving', 'label', 'doel', 'onderwerp'].find((k) =>
    props[k] && typeOf(props[k]) === 'string' && !props[k].format && !props[k].enum && !props[k].pattern && (props[k].maxLength ?? 1000) >= 30);
  if (create && text) {
    tests.push(t('injection-text', `${M} stores injection-looking text in ${text} verbatim (it is valid text)`, ['api-011'], async (ctx) => {
      const { base } = await target(ctx);
      for (const value of INJECTIONS) {
        const res = await ctx.http.post(ctx.apis[api]! + op.path, { ...base, ...(await ctx.fixtures.get(api)!.createBody(op)), [text]: value });
        if (typeof res.body?.url === 'string') ctx.cleanup(res.body.url);
        if (res.status >= 500) fail(`${describeRes(res)}: never a 5xx`);
        if (res.status !== 201) return skip(`${describeRes(res)}: the valid body was not accepted, cannot check`);
        const got = await ctx.http.get(res.body.url);
        check(got.body?.[text] === value, `${describeRes(got)}: ${text} came back as ${JSON.stringify(got.body?.[text])}, sent ${JSON.stringify(value)}`);
      }
    }));
  }
  return tests;
}
