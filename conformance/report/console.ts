// Console summary: per API the counts, then every failure with its rule ids and message.
import type { RunReport } from '../core/types.js';
import { byApi, count, failed } from './summary.js';

export function consoleReport(report: RunReport): string {
  const lines: string[] = [];
  const setupFailures = report.setup.filter((s) => !s.ok);
  for (const s of setupFailures) lines.push(`setup failed: ${s.step}: ${s.message}`);
  lines.push('', 'API            version   pass  fail error  skip  omit  total');
  for (const [api, results] of byApi(report)) {
    const c = count(results);
    const v = report.apis[api]?.version ?? report.apis[api]?.contractVersion ?? '';
    lines.push(`${api.padEnd(14)} ${v.padEnd(8)} ${[c.pass, c.fail, c.error, c.skip, c.omit, c.total].map((n) => String(n).padStart(5)).join(' ')}`);
  }
  const bad = failed(report);
  if (bad.length) {
    lines.push('', `${bad.length} failed:`);
    for (const r of bad) {
      lines.push(`  ✗ ${r.id} [${r.rules.join(', ')}] ${r.status === 'error' ? '(error) ' : ''}${r.title}`);
      lines.push(`      ${(r.message ?? '').split('\n')[0].slice(0, 400)}`);
    }
  }
  const skipped = report.results.filter((r) => r.status === 'skip');
  const reasons = [...new Set(skipped.map((r) => r.message))];
  if (reasons.length) {
    lines.push('', 'Skipped because:');
    for (const m of reasons) lines.push(`  - ${m} (${skipped.filter((r) => r.message === m).length} tests)`);
  }
  const c = count(report.results);
  const left = report.cleanup.filter((x) => typeof x.status !== 'number' || x.status >= 300);
  lines.push('', `${c.pass} passed, ${c.fail} failed, ${c.error} errors, ${c.skip} skipped, ${c.omit} omitted in ${(report.durationMs / 1000).toFixed(1)} s; cleanup: ${report.cleanup.length - left.length} of ${report.cleanup.length} objects removed`);
  return lines.join('\n');
}
