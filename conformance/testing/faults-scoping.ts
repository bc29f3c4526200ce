// Faults that break the scoping tests (zrc-006 and its drc/brc twins): for the suite's scoping
// client (its client id carries `-scoping-`, setup/clients.ts) one operation forgets the
// authorisation filter and answers as for the all-rights client, or expand does (zrc-027).
import { asAdmin, BRC, clientOf, DRC, is, json, parse, ZRC, type Fault } from './fault-kit.js';
import type { Exchange } from './fault-kit.js';

// The slugs of the labels 'scoping' and 'writer scoped' (suites/scoping.ts) in the client ids.
const READER = '-scoping-';
const WRITER = '-writer-scope-';
const scopedClient = (x: Exchange, marker = READER) => clientOf(x)?.includes(marker) ?? false;

/** `method path` (without `expand`) answers the scoping client (or writer) as if it had all rights. */
const unscoped = (group: string, method: string, root: string, path: string, breaks: string[], marker = READER): Fault => ({
  group, description: `${method} ${path} drops the authorisation filter (the limited client ${marker === WRITER ? 'changes' : 'sees'} everything)`, breaks,
  async request(x, admin) { if (is(x, method, `${root}${path}`) && scopedClient(x, marker) && !x.query.has('expand')) return asAdmin(x, admin); },
});

/**
 * With `expand`, the rows are the client's own (the filter holds for them) but `_expand` is computed
 * for the all-rights client: expanded objects are not filtered.
 */
const expandLeak = (group: string, root: string, breaks: string[]): Fault => ({
  group, description: `expand in ${root} embeds objects the client may not see (the rows themselves are filtered)`, breaks,
  async request(x, admin, forward) {
    if (!x.path.startsWith(root) || !scopedClient(x) || !x.query.has('expand')) return;
    const own = await forward(x);
    if (own.status !== 200) return own;
    const mine = parse(own.body);
    const all = parse((await forward(await asAdmin(x, admin))).body);
    if (Array.isArray(mine?.results)) {
      const keep = new Set(mine.results.map((r: any) => r.url));
      return json(own, { ...mine, results: (all?.results ?? []).filter((r: any) => keep.has(r.url)) });
    }
    return json(own, { ...mine, _expand: all?._expand });
  },
});

export const SCOPING_FAULTS: Fault[] = [
  unscoped('zrc.scoping', 'GET', ZRC, '/zaken', ['zrc.scoping.list']),
  unscoped('zrc.scoping', 'POST', ZRC, '/zaken/_zoek', ['zrc.scoping.zoek']),
  unscoped('zrc.scoping', 'GET', ZRC, '/zaken/{uuid}', ['zrc.scoping.detail']),
  unscoped('zrc.scoping', 'GET', ZRC, '/zaken/{uuid}/audittrail', ['zrc.scoping.audittrail']),
  unscoped('zrc.scoping', 'PATCH', ZRC, '/zaken/{uuid}', ['zrc.scoping.update'], WRITER),
  unscoped('zrc.scoping', 'POST', ZRC, '/zaken', ['zrc.scoping.create'], WRITER),
  unscoped('zrc.scoping', 'GET', ZRC, '/rollen', ['zrc.scoping.rollen']),
  unscoped('zrc.scoping', 'GET', ZRC, '/zaakinformatieobjecten', ['zrc.scoping.zaakinformatieobjecten']),
  unscoped('zrc.scoping', 'GET', ZRC, '/statussen/{uuid}', ['zrc.scoping.statussen']),
  expandLeak('zrc.scoping', ZRC, ['zrc.scoping.expand-detail', 'zrc.scoping.expand-list', 'zrc.scoping.expand-zoek']),
  unscoped('drc.scoping', 'GET', DRC, '/enkelvoudiginformatieobjecten', ['drc.scoping.list']),
  unscoped('drc.scoping', 'POST', DRC, '/enkelvoudiginformatieobjecten/_zoek', ['drc.scoping.zoek']),
  unscoped('drc.scoping', 'GET', DRC, '/enkelvoudiginformatieobjecten/{uuid}', ['drc.scoping.detail']),
  unscoped('drc.scoping', 'GET', DRC, '/enkelvoudiginformatieobjecten/{uuid}/download', ['drc.scoping.download']),
  unscoped('drc.scoping', 'GET', DRC, '/enkelvoudiginformatieobjecten/{uuid}/audittrail', ['drc.scoping.audittrail']),
  unscoped('drc.scoping', 'GET', DRC, '/gebruiksrechten', ['drc.scoping.gebruiksrechten']),
  unscoped('drc.scoping', 'GET', DRC, '/objectinformatieobjecten', ['drc.scoping.objectinformatieobjecten']),
  unscoped('brc.scoping', 'GET', BRC, '/besluiten', ['brc.scoping.list']),
  unscoped('brc.scoping', 'GET', BRC, '/besluiten/{uuid}', ['brc.scoping.detail']),
  unscoped('brc.scoping', 'GET', BRC, '/besluiten/{uuid}/audittrail', ['brc.scoping.audittrail']),
  unscoped('brc.scoping', 'PATCH', BRC, '/besluiten/{uuid}', ['brc.scoping.update'], WRITER),
  unscoped('brc.scoping', 'POST', BRC, '/besluiten', ['brc.scoping.create'], WRITER),
  expandLeak('brc.scoping', BRC, ['brc.scoping.expand-zaak']),
];
