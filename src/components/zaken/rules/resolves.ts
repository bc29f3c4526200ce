import type { Ctx, Rule, Violation } from '../../../core/types.js';
import { checkOne } from '../../../engine/references.js';

/**
 * A URL field that must resolve (`bad-url`) to the right kind of resource (`invalid-resource`):
 * ours in-process, another server's over HTTP (engine timeout and cache). Unchanged values are
 * not checked again on update.
 */
export function mustResolve(field: string, target: string): Rule {
  return async (input, ctx, existing) => {
    const url = input[field];
    if (typeof url !== 'string' || !url || existing?.[field] === url) return undefined;
    return checkOne(field, url, target, ctx);
  };
}

export async function resolveAll(items: [name: string, url: string][], target: string, ctx: Ctx): Promise<Violation[]> {
  const found = await Promise.all(items.map(([name, url]) => checkOne(name, url, target, ctx)));
  return found.filter((v): v is Violation => !!v);
}
