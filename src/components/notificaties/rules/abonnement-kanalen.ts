import type { Rule, Violation } from '../../../core/types.js';

/**
 * Every `kanalen[].naam` names an existing kanaal (`kanaal_naam`), and the filters use only the
 * kenmerken that kanaal declares (`inconsistent-abonnement-filters`), as Open Notificaties checks.
 * The standard gives these no rule ids.
 */
export const abonnementKanalen: Rule = async (input, ctx) => {
  const groups: { naam: string; filters?: Record<string, string> }[] = input.kanalen ?? [];
  if (!groups.length) return undefined;
  const rows: { naam: string; data: { filters?: string[] } }[] = await ctx.db('kanaal').whereIn('naam', groups.map((g) => g.naam)).select('naam', 'data');
  const known = new Map(rows.map((r) => [r.naam, new Set(r.data.filters ?? [])]));
  const found: Violation[] = [];
  groups.forEach((g, i) => {
    const allowed = known.get(g.naam);
    if (!allowed) {
      found.push({ name: `kanalen.${i}.naam`, code: 'kanaal_naam', reason: `Kanaal met naam "${g.naam}" bestaat niet.` });
      return;
    }
    const unknown = Object.keys(g.filters ?? {}).filter((k) => !allowed.has(k));
    if (unknown.length) {
      found.push({
        name: `kanalen.${i}.filters`,
        code: 'inconsistent-abonnement-filters',
        reason: `Het kanaal "${g.naam}" kent de kenmerken ${unknown.join(', ')} niet.`,
      });
    }
  });
  return found;
};
