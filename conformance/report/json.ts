// The whole run as JSON: every result with its exchanges, the setup steps and the cleanup.
import type { RunReport } from '../core/types.js';
import { byApi, count } from './summary.js';

export function jsonReport(report: RunReport): string {
  const summary = Object.fromEntries(byApi(report).map(([api, results]) => [api, count(results)]));
  return JSON.stringify({ summary: { ...summary, all: count(report.results) }, ...report }, null, 2);
}
