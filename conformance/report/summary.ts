// Counting results per API (and per rule), shared by the reporters.
import type { ApiName, RunReport, Status, TestResult } from '../core/types.js';

export const STATUSES: Status[] = ['pass', 'fail', 'error', 'skip', 'omit'];
export type Counts = Record<Status, number> & { total: number };

export function count(results: TestResult[]): Counts {
  const c = { pass: 0, fail: 0, error: 0, skip: 0, omit: 0, total: results.length };
  for (const r of results) c[r.status]++;
  return c;
}

export function byApi(report: RunReport): [ApiName, TestResult[]][] {
  const m = new Map<ApiName, TestResult[]>();
  for (const r of report.results) m.set(r.api, [...(m.get(r.api) ?? []), r]);
  return [...m];
}

export function byRule(results: TestResult[]): [string, TestResult[]][] {
  const m = new Map<string, TestResult[]>();
  for (const r of results) for (const rule of r.rules.length ? r.rules : ['(no rule)']) m.set(rule, [...(m.get(rule) ?? []), r]);
  return [...m].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The worst outcome among results: a rule fails when one of its tests fails. */
export function worst(results: TestResult[]): Status {
  for (const s of ['error', 'fail', 'pass', 'skip', 'omit'] as Status[]) if (results.some((r) => r.status === s)) return s;
  return 'omit';
}

export const failed = (report: RunReport) => report.results.filter((r) => r.status === 'fail' || r.status === 'error');
