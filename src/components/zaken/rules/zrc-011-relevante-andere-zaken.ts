import type { Rule } from '../../../core/types.js';
import { resolveAll } from './resolves.js';

/** zrc-011: every relevanteAndereZaken[].url resolves (`bad-url`) to a zaak (`invalid-resource`). */
export const relevanteAndereZakenResolve: Rule = async (input, ctx, existing) => {
  const before = new Set((existing?.relevanteAndereZaken ?? []).map((r: any) => r?.url));
  const items = ((input.relevanteAndereZaken ?? []) as { url?: unknown }[])
    .map((r, i) => [`relevanteAndereZaken.${i}.url`, r?.url] as [string, unknown])
    .filter((e): e is [string, string] => typeof e[1] === 'string' && !!e[1] && !before.has(e[1]));
  return resolveAll(items, 'zaak', ctx);
};
