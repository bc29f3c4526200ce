import type { Ctx, Violation } from '../core/types.js';
import { invalid } from '../core/errors.js';
import type { ApiObject, Descriptor } from './descriptor.js';
import { isUuid } from './registry.js';
import { fetchJson } from './remote.js';
import { typeObject } from './resolve.js';

/**
 * Every reference must resolve (`bad-url`) and point at the right kind of resource
 * (`invalid-resource`). Our own URLs are checked in-process; other servers' over HTTP.
 */
export async function checkReferences(desc: Descriptor, input: ApiObject, ctx: Ctx, existing?: ApiObject, required: string[] = []): Promise<void> {
  const found: Violation[] = [];
  const fields: [string, string, boolean][] = [
    ...Object.entries(desc.columns).filter(([, c]) => c.kind === 'ref').map(([f, c]) => [f, c.target!, !!c.local] as [string, string, boolean]),
    ...Object.entries(desc.refs ?? {}).map(([f, t]) => [f, t, false] as [string, string, boolean]),
  ];
  for (const [field, target, local] of fields) {
    const value = input[field];
    if (value === '' && required.includes(field)) found.push({ name: field, code: 'blank', reason: 'Dit veld mag niet leeg zijn.' });
    if (value === undefined || value === null || value === '') continue;
    if (existing && JSON.stringify(existing[field]) === JSON.stringify(value)) continue;
    const urls: [string, string][] = Array.isArray(value) ? value.map((v, i) => [`${field}.${i}`, v]) : [[field, value]];
    for (const [name, url] of urls) {
      const v = typeof url !== 'string' ? undefined
        : local && !ctx.registry.isOwn(url) ? { name, code: 'bad-url', reason: `De URL ${url} is geen ${target} van deze server.` }
        : await checkOne(name, url, target, ctx);
      if (v) found.push(v);
    }
  }
  if (found.length) throw invalid(found);
}

export async function checkOne(name: string, url: string, target: string, ctx: Ctx): Promise<Violation | undefined> {
  const own = ctx.registry.parse(url);
  // A path of ours that no resource descriptor serves (the Referentielijsten, or nothing at all) is
  // read over HTTP like another server's: a missing one is `bad-url`, not `invalid-resource` (zrc-010).
  if (own?.desc) {
    if (own.desc.name !== target || !isUuid(own.uuid)) {
      return { name, code: 'invalid-resource', reason: `De URL ${url} verwijst niet naar een ${target}.` };
    }
    // A catalogue type goes through typeObject's per-request memo: the rules that follow read it anyway.
    const exists = own.desc.api === 'catalogi'
      ? await typeObject(ctx, url, target, { derived: false })
      : await ctx.db(own.desc.table).where({ uuid: own.uuid }).first('id');
    return exists ? undefined : { name, code: 'bad-url', reason: `De URL ${url} resolvet niet.` };
  }
  const got = await fetchJson(url, ctx);
  if (!got.ok) return { name, code: 'bad-url', reason: `De URL ${url} resolvet niet (${got.reason}).` };
  if (typeof got.body !== 'object' || got.body === null || (got.body as ApiObject).url === undefined) {
    return { name, code: 'invalid-resource', reason: `De URL ${url} verwijst niet naar een ${target}.` };
  }
  return undefined;
}
