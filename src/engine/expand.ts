import type { Ctx } from '../core/types.js';
import { fieldError } from '../core/errors.js';
import { contractFor } from './contract.js';
import type { ApiObject, Descriptor } from './descriptor.js';
import { Repository } from './repository.js';
import { serialize } from './serialize.js';

const READ_SCOPE: Record<string, string> = {
  zaken: 'zaken.lezen', documenten: 'documenten.lezen', besluiten: 'besluiten.lezen',
  catalogi: 'catalogi.lezen', autorisaties: 'autorisaties.lezen',
};

type Tree = Map<string, Tree>;

/** `status.statustype,zaaktype` → a tree; a nested path implies its parent (gemma-zaken #2651). */
export function parseExpand(value: unknown): Tree {
  const root: Tree = new Map();
  const paths = (Array.isArray(value) ? value : String(value ?? '').split(',')).map((p) => String(p).trim()).filter(Boolean);
  for (const path of paths) {
    let node = root;
    for (const part of path.split('.')) {
      if (!node.has(part)) node.set(part, new Map());
      node = node.get(part)!;
    }
  }
  return root;
}

/** The fields of a resource that may be expanded: the properties of its `<Schema>Embedded` in the contract. */
function expandable(desc: Descriptor): Record<string, any> {
  return contractFor(desc.api).schemas.response[`${desc.schema}Embedded`]?.properties ?? {};
}

/** The name of the resource an expandable field leads to, from the `…Expanded` schema the contract names for it. */
const expandedSchema = (desc: Descriptor, field: string) => /#\/response\/(\w+)Expanded/.exec(JSON.stringify(expandable(desc)[field] ?? {}))?.[1];

/** The resource of the same API an expandable field leads to (nesting continues only through those). */
function targetOf(desc: Descriptor, field: string, ctx: Ctx): Descriptor | undefined {
  const name = expandedSchema(desc, field);
  return ctx.registry.all().find((d) => d.api === desc.api && d.schema === name);
}

/** The API an expandable field leads to: its own, or the one its reference points into (a zaaktype: catalogi). */
function apiOf(desc: Descriptor, field: string, ctx: Ctx): string | undefined {
  if (targetOf(desc, field, ctx)) return desc.api;
  const target = desc.columns[field]?.target ?? desc.refs?.[field];
  return ctx.registry.all().find((d) => d.name === target)?.api;
}

/** Every path must be offered by the contract, checked before any object is loaded (also on empty pages). */
export function checkExpand(desc: Descriptor, tree: Tree, ctx: Ctx, path = '', reached = new Set<string>()): Set<string> {
  const allowed = expandable(desc);
  for (const [field, sub] of tree) {
    if (!(field in allowed)) throw fieldError('expand', 'invalid_choice', `"${path}${field}" kan niet worden uitgebreid.`);
    const api = apiOf(desc, field, ctx);
    if (api) reached.add(api);
    if (!sub.size) continue;
    // Nesting continues only through resources of the same API: a Catalogi type reached from
    // Zaken cannot be expanded further (gemma-zaken #2397).
    const target = targetOf(desc, field, ctx);
    if (!target) throw fieldError('expand', 'invalid_choice', `"${path}${field}.${[...sub.keys()][0]}" kan niet worden uitgebreid.`);
    checkExpand(target, sub, ctx, `${path}${field}.`, reached);
  }
  return reached;
}

const urlsIn = (value: unknown): string[] => {
  const items = Array.isArray(value) ? value : [value];
  return items.map((v) => (typeof v === 'object' && v ? Object.values(v).find((x) => typeof x === 'string' && x.includes('://')) : v))
    .filter((v): v is string => typeof v === 'string' && v.includes('://'));
};

/**
 * Adds `_expand` to each object for the requested paths (zrc-025…028, and the Catalogi twin).
 * Related objects are loaded per path in one query per resource, through the repository, so an
 * expanded object is subject to the caller's authorisation exactly as a list is: what the caller
 * may not see is left out. Objects on other servers are not fetched.
 */
export async function expand(desc: Descriptor, objs: ApiObject[], tree: Tree, ctx: Ctx, path = ''): Promise<void> {
  // zrc-027, drc-012: every API an expand reaches needs the caller's read scope there, or the whole
  // request is refused (403), as Open Zaak answers since 1.29.3 (GHSA-v9vp-r9j9-9889, CONVENTIONS §5):
  // `expand=zaaktype` needs `catalogi.lezen`. What it may read there is filtered per object as in a list.
  if (!path) ctx.caller.requireScopes([...checkExpand(desc, tree, ctx)].map((api) => READ_SCOPE[api]).filter(Boolean));
  if (!tree.size || !objs.length) return;
  for (const [field, sub] of tree) {
    const found = await loadAll(objs.flatMap((o) => urlsIn(o[field])), ctx);
    for (const [d, group] of found.byDesc) await expand(d, group, sub, ctx, `${path}${field}.`);
    for (const o of objs) {
      const many = Array.isArray(o[field]);
      const hits = urlsIn(o[field]).map((u) => found.byUrl.get(u)).filter((x): x is ApiObject => !!x);
      o._expand ??= {};
      o._expand[field] = many ? hits : hits[0] ?? {};
    }
  }
}

async function loadAll(urls: string[], ctx: Ctx) {
  const byUrl = new Map<string, ApiObject>();
  const byDesc = new Map<Descriptor, ApiObject[]>();
  // Nested resources (zaakeigenschappen) are read under their parent, as their own route does.
  const wanted = new Map<string, { d: Descriptor; parent?: string; uuids: Set<string> }>();
  for (const url of new Set(urls)) {
    const own = ctx.registry.parse(url);
    if (!own?.desc) continue;
    const key = `${own.desc.name}|${own.parent ?? ''}`;
    if (!wanted.has(key)) wanted.set(key, { d: own.desc, parent: own.parent, uuids: new Set() });
    wanted.get(key)!.uuids.add(own.uuid);
  }
  for (const { d, parent, uuids } of wanted.values()) {
    const scoped = d.scopedBy && parent ? { ...ctx, request: { ...ctx.request, params: { ...ctx.request.params, [d.scopedBy.param]: parent } } } : ctx;
    const rows = await new Repository(d, scoped, [READ_SCOPE[d.api]]).visible().whereIn('t.uuid', [...uuids]).select('t.*');
    ctx.inzage?.note(d, rows, 'lezen', ctx);
    const objs = await serialize(d, rows, ctx);
    objs.forEach((o) => byUrl.set(o.url, o));
    byDesc.set(d, [...(byDesc.get(d) ?? []), ...objs]);
  }
  return { byUrl, byDesc };
}
