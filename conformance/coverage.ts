// The requirements catalogue (requirements.csv: id, summary, level, tests, not_tested_reason) against
// the suite: every SHALL rule has a test or a reason, every listed test exists, every rule a test
// names is in the catalogue, and (when RULES.md is at hand) every rule id of RULES.md is listed.
// `npx tsx conformance/coverage.ts` prints the problems and a summary per rule family.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRequirements, type Requirement } from './requirements.js';
import { DEFAULT_SCHEMAS_DIR, loadContract } from './core/contract.js';
import { APIS, type ApiName } from './core/types.js';
import { generatedGroups } from './generated/index.js';
import { handwrittenGroups } from './suites/index.js';

export { loadRequirements, parseCsv, REQUIREMENTS_CSV, type Level, type Requirement } from './requirements.js';

export interface SuiteTest { id: string; rules: string[]; api: ApiName; kind: 'generated' | 'handwritten' }
/** The shared rule list next to the repository (/work/shared/zgw/RULES.md for /work/main). */
export const RULES_MD = fileURLToPath(new URL('../../shared/zgw/RULES.md', import.meta.url));

/** Every test of the suite, for every API it knows (generated from each contract, and hand-written). */
export function suiteTests(schemasDir = DEFAULT_SCHEMAS_DIR): SuiteTest[] {
  return APIS.flatMap((api) => [...generatedGroups(api, loadContract(api, schemasDir)), ...handwrittenGroups(api)]
    .flatMap((g) => g.tests.map((t) => ({ id: t.id, rules: t.rules, api, kind: t.kind }))));
}

/**
 * The rule ids RULES.md names, ranges spelled out: `zrc-003/004/005`, `zrc-016…020`,
 * `(ac-001…003)`, `ztc-011a/b/c` (letters replace the bare number).
 */
export function ruleIdsOf(markdown: string): string[] {
  const ids = new Set<string>();
  const re = /\b(ac|zrc|drc|ztc|brc|nrc)-(\d{3})([a-z])?((?:\/(?:\d{3}|[a-z]))*)(?:(?:…|\.\.\.?)(\d{3}))?/g;
  const pad = (n: number) => String(n).padStart(3, '0');
  for (const m of markdown.matchAll(re)) {
    const [, family, num, letter, slashes, upTo] = m;
    const parts = slashes ? slashes.split('/').filter(Boolean) : [];
    if (letter) [letter, ...parts].forEach((l) => ids.add(`${family}-${num}${l}`));
    else {
      ids.add(`${family}-${num}`);
      parts.forEach((p) => ids.add(`${family}-${p}`));
      if (upTo) for (let n = Number(num) + 1; n <= Number(upTo); n++) ids.add(`${family}-${pad(n)}`);
    }
  }
  return [...ids].sort();
}

export interface CoverageResult { problems: string[]; requirements: Requirement[]; tests: SuiteTest[] }

export function checkCoverage(requirements = loadRequirements(), tests = suiteTests(), rulesMd = existsSync(RULES_MD) ? readFileSync(RULES_MD, 'utf8') : undefined): CoverageResult {
  const problems: string[] = [];
  const byId = new Map<string, Requirement>();
  const testIds = new Set(tests.map((t) => t.id));
  for (const r of requirements) {
    if (byId.has(r.id)) problems.push(`${r.id}: listed twice`);
    byId.set(r.id, r);
    if (!['SHALL', 'SHOULD', 'MAY'].includes(r.level)) problems.push(`${r.id}: level "${r.level}" is none of SHALL, SHOULD, MAY`);
    if (!r.summary) problems.push(`${r.id}: no summary`);
    if (r.level === 'SHALL' && !r.tests.length && !r.reason) problems.push(`${r.id}: a SHALL rule with neither a test nor a not_tested_reason`);
    for (const t of r.tests) if (!testIds.has(t)) problems.push(`${r.id}: test "${t}" does not exist in the suite`);
  }
  for (const t of tests) {
    for (const rule of t.rules) if (!byId.has(rule)) problems.push(`test ${t.id} names rule "${rule}", which is not in requirements.csv`);
  }
  if (rulesMd) for (const id of ruleIdsOf(rulesMd)) if (!byId.has(id)) problems.push(`${id} (RULES.md) is not in requirements.csv`);
  return { problems: [...new Set(problems)], requirements, tests };
}

/** Per rule: the tests listed in the catalogue plus those tagged with it. */
export function testsOf(rule: string, result: CoverageResult): string[] {
  const listed = result.requirements.find((r) => r.id === rule)?.tests ?? [];
  return [...new Set([...listed, ...result.tests.filter((t) => t.rules.includes(rule)).map((t) => t.id)])];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = checkCoverage();
  const families = new Map<string, { total: number; tested: number; reasoned: number }>();
  for (const r of result.requirements) {
    const f = r.id.split('-')[0];
    const c = families.get(f) ?? { total: 0, tested: 0, reasoned: 0 };
    c.total++;
    if (testsOf(r.id, result).length) c.tested++; else if (r.reason) c.reasoned++;
    families.set(f, c);
  }
  console.log('family  rules  tested  not tested (with reason)');
  for (const [f, c] of families) console.log(`${f.padEnd(7)} ${String(c.total).padStart(5)} ${String(c.tested).padStart(7)} ${String(c.reasoned).padStart(7)}`);
  const gen = result.tests.filter((t) => t.kind === 'generated').length;
  console.log(`\n${result.tests.length} tests in the suite (${gen} generated, ${result.tests.length - gen} hand-written) over ${APIS.length} APIs`);
  if (result.problems.length) {
    console.log(`\n${result.problems.length} problems:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
}
