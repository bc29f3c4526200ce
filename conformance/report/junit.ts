// JUnit XML: one testsuite per group, one testcase per test (classname = group, name = id: title).
import type { RunReport, TestResult } from '../core/types.js';
import { count } from './summary.js';

export const xml = (s: string) => s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`)
  // XML 1.0 forbids most control characters, even escaped.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function testcase(r: TestResult): string {
  const open = `    <testcase classname="${xml(r.group)}" name="${xml(`${r.id}: ${r.title}`)}" time="${(r.durationMs / 1000).toFixed(3)}">`;
  const rules = `<properties><property name="rules" value="${xml(r.rules.join(' '))}"/></properties>`;
  const first = r.exchanges.find((x) => x.status >= 400 || x.error) ?? r.exchanges[0];
  const detail = first ? `\n${first.method} ${first.url} → ${first.status}\n${first.responseBody?.slice(0, 2000) ?? ''}` : '';
  switch (r.status) {
    case 'fail': return `${open}${rules}<failure message="${xml((r.message ?? '').slice(0, 500))}">${xml((r.message ?? '') + detail)}</failure></testcase>`;
    case 'error': return `${open}${rules}<error message="${xml((r.message ?? '').split('\n')[0].slice(0, 500))}">${xml(r.message ?? '')}</error></testcase>`;
    case 'skip': case 'omit': return `${open}${rules}<skipped message="${xml(`${r.status}: ${r.message ?? ''}`)}"/></testcase>`;
    default: return `${open}${rules}</testcase>`;
  }
}

export function junitReport(report: RunReport): string {
  const groups = new Map<string, TestResult[]>();
  for (const r of report.results) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const all = count(report.results);
  const suites = [...groups].map(([group, results]) => {
    const c = count(results);
    const time = results.reduce((s, r) => s + r.durationMs, 0) / 1000;
    return `  <testsuite name="${xml(group)}" tests="${c.total}" failures="${c.fail}" errors="${c.error}" skipped="${c.skip + c.omit}" time="${time.toFixed(3)}">\n${results.map(testcase).join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ZGW conformance" tests="${all.total}" failures="${all.fail}" errors="${all.error}" skipped="${all.skip + all.omit}" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
