// Reading the contract's operations: their short names, scopes, and the URL to call them on.
import { randomUUID } from 'node:crypto';
import type { Contract, Operation } from '../core/contract.js';
import { skip, type ApiName, type TestContext } from '../core/types.js';
import { detailOf, type Variant } from '../setup/fixtures.js';

export const SHORT: Record<ApiName, string> = { catalogi: 'ztc', autorisaties: 'ac', zaken: 'zrc', documenten: 'drc', besluiten: 'brc', notificaties: 'nrc' };

const ACTIONS = ['partial_update', 'update', 'create', 'list', 'retrieve', 'read', 'destroy', 'delete', 'headers', 'publish', 'consumer', '_zoek', 'download', 'lock', 'unlock', 'audittrail'];

/** `zaaktype_partial_update` → { resource: 'zaaktype', action: 'partial_update' }. */
export function nameOp(op: Operation): { resource: string; action: string } {
  const action = ACTIONS.find((a) => op.id.endsWith(`_${a}`)) ?? op.id.slice(op.id.lastIndexOf('_') + 1);
  return { resource: op.id.slice(0, op.id.length - action.length - 1).replace(/_+$/, ''), action };
}

export const testId = (api: ApiName, op: Operation, check: string) => {
  const { resource, action } = nameOp(op);
  return `${SHORT[api]}.${resource}.${action.replace(/^_/, '').replace(/_/g, '-')}.${check}`;
};

export const isRead = (op: Operation) => op.method === 'get' || op.method === 'head';
export const isDetail = (op: Operation) => op.path.includes('{');
export const isList = (op: Operation) => op.method === 'get' && !isDetail(op) && !!op.responses['200'];
export const isRetrieve = (op: Operation) => op.method === 'get' && /\/\{uuid\}$/.test(op.path);

/** Scope atoms of an operation's expression(s); HEAD borrows the scopes of its GET (ztc-014). */
export function scopeAtoms(contract: Contract, op: Operation): string[] {
  let exprs = op.scopes;
  if (op.method === 'head' && !exprs.length) exprs = contract.operations.find((o) => o.method === 'get' && o.path === op.path)?.scopes ?? [];
  return [...new Set(exprs.flatMap((e) => e.match(/[a-z][\w-]*\.[\w.-]*[\w-]/g) ?? []))];
}

/**
 * Every scope of the API's own family (`catalogi.*` for Catalogi): scopes of other APIs that an
 * operation also accepts (ztc-014: `zaken.lezen` reads the Catalogi) are left out.
 */
export function allScopes(contract: Contract): string[] {
  const atoms = contract.operations.flatMap((o) => scopeAtoms(contract, o));
  const prefixes = new Map<string, number>();
  for (const a of atoms) prefixes.set(a.split('.')[0], (prefixes.get(a.split('.')[0]) ?? 0) + 1);
  const own = [...prefixes].sort((a, b) => b[1] - a[1])[0]?.[0];
  return [...new Set(atoms.filter((a) => a.startsWith(`${own}.`)))];
}

/** The URL for an operation on this run's fixture (or a random uuid), e.g. `…/zaaktypen/<uuid>/publish`. */
export function urlFor(ctx: TestContext, api: ApiName, op: Operation, opts: { variant?: Variant; random?: boolean } = {}): string {
  const base = ctx.apis[api]!;
  if (!isDetail(op)) return base + op.path;
  if (opts.random) return base + op.path.replace(/\{[^}]+\}/g, () => randomUUID());
  const fixtures = ctx.fixtures.get(api) ?? skip(ctx.fixtures.reason(api));
  const detail = fixtures.detail(detailOf(op.path), opts.variant);
  if (!detail) return skip(`no fixture object for ${op.path}`);
  return detail + op.path.slice(detailOf(op.path).length);
}
