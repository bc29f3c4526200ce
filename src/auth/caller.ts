import { ApiError } from '../core/errors.js';

/** The ordered vertrouwelijkheidaanduiding scale (openbaar lowest). */
export const VERTROUWELIJKHEID = [
  'openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk',
  'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim',
] as const;
export type Vertrouwelijkheid = (typeof VERTROUWELIJKHEID)[number];

export interface Autorisatie {
  component: string; // zrc, drc, ztc, brc, ac, nrc
  scopes: string[];
  /** The type this autorisatie is limited to, as stored reference (own uuid or remote URL). */
  type?: string;
  maxVertrouwelijkheidaanduiding?: Vertrouwelijkheid;
}

/** A type the caller may see, and the levels of vertrouwelijkheid allowed for it. */
export interface TypeGrant {
  type: string;
  levels: Vertrouwelijkheid[];
}

/** The authenticated client of a request: its applicatie and what it may do. */
export class Caller {
  constructor(
    readonly clientId: string,
    readonly applicatie: { uuid: string; label: string; heeftAlleAutorisaties: boolean; toestemmingVereist?: boolean } | undefined,
    readonly autorisaties: Autorisatie[],
    readonly user: { id: string; representation: string } = { id: '', representation: '' },
  ) {}

  /** An applicatie that sees only what residents granted it (src/privacy/toestemming.ts). */
  get needsConsent(): boolean {
    return this.applicatie?.toestemmingVereist === true;
  }

  get all(): boolean {
    return this.applicatie?.heeftAlleAutorisaties === true;
  }

  /** A contract scope expression: `zaken.lezen` or `(a | b)` (either suffices). */
  hasScope(expression: string): boolean {
    if (this.all) return true;
    const options = parseScopeExpression(expression);
    return this.autorisaties.some((a) => options.some((s) => a.scopes.includes(s)));
  }

  /** Enforce every scope expression of an operation (each element must hold). */
  requireScopes(expressions: string[]): void {
    const missing = expressions.filter((e) => !this.hasScope(e));
    if (missing.length) throw new ApiError(403, `Deze actie vereist de scope(s) ${missing.join(', ')}.`);
  }

  /**
   * The types of `component` for which the caller holds one of `scopes` (zrc-006 and twins):
   * undefined means no limit (heeftAlleAutorisaties), [] means nothing.
   */
  typeGrants(component: string, scopes: string[]): TypeGrant[] | undefined {
    if (this.all) return undefined;
    const byType = new Map<string, Set<Vertrouwelijkheid>>();
    for (const a of this.autorisaties) {
      if (a.component !== component || !a.type || !a.scopes.some((s) => scopes.includes(s))) continue;
      const max = VERTROUWELIJKHEID.indexOf(a.maxVertrouwelijkheidaanduiding ?? 'zeer_geheim');
      const levels = byType.get(a.type) ?? new Set();
      VERTROUWELIJKHEID.slice(0, max + 1).forEach((l) => levels.add(l));
      byType.set(a.type, levels);
    }
    return [...byType].map(([type, levels]) => ({ type, levels: [...levels] }));
  }
}

export function parseScopeExpression(expression: string): string[] {
  return expression.replace(/[()]/g, '').split('|').map((s) => s.trim()).filter(Boolean);
}
