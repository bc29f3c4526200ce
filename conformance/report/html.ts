// One self-contained HTML page (no scripts, no external assets): per API the counts, the rules with
// their outcome, and every group's tests; failed tests open up to their requests and responses.
import type { Exchange, RunReport, Status, TestResult } from '../core/types.js';
import { byApi, byRule, count, failed, STATUSES, worst } from './summary.js';
import { STYLE } from './html-style.js';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
const badge = (s: Status) => `<span class="badge ${s}">${s}</span>`;

function pretty(body: string | undefined): string {
  if (!body) return '';
  try { return JSON.stringify(JSON.parse(body), null, 2); } catch { return body; }
}

function exchange(x: Exchange, i: number): string {
  const headers = (h: Record<string, string>) => Object.entries(h).map(([k, v]) => `${k}: ${k.toLowerCase() === 'authorization' ? v.slice(0, 20) + '…' : v}`).join('\n');
  const cls = x.error || x.status >= 500 ? 'bad' : x.status >= 400 ? 'warn' : 'ok';
  return `<div class="exchange"><div class="line"><span class="n">${i + 1}</span> <b>${esc(x.method)}</b> ${esc(x.url)} → <span class="${cls}">${x.error ? esc(x.error) : x.status}</span> <span class="ms">${x.durationMs} ms</span></div>
<div class="cols"><div><h5>Request</h5><pre>${esc(headers(x.requestHeaders))}${x.requestBody ? `\n\n${esc(pretty(x.requestBody))}` : ''}</pre></div>
<div><h5>Response</h5><pre>${esc(headers(x.responseHeaders))}${x.responseBody ? `\n\n${esc(pretty(x.responseBody))}` : ''}</pre></div></div></div>`;
}

function test(r: TestResult): string {
  const head = `${badge(r.status)} <code>${esc(r.id)}</code> ${esc(r.title)} <span class="rules">${r.rules.map((x) => `<a href="#rule-${esc(x)}">${esc(x)}</a>`).join(' ')}</span>`;
  if (r.status === 'pass') return `<li class="test">${head}</li>`;
  const msg = r.message ? `<p class="msg">${esc(r.message)}</p>` : '';
  if (r.status === 'skip' || r.status === 'omit') return `<li class="test">${head}${msg}</li>`;
  return `<li class="test"><details><summary>${head}</summary>${msg}${r.exchanges.map(exchange).join('')}</details></li>`;
}

function counts(results: TestResult[]): string {
  const c = count(results);
  return STATUSES.filter((s) => c[s]).map((s) => `${badge(s)} ${c[s]}`).join(' ');
}

function api(report: RunReport, name: string, results: TestResult[]): string {
  const info = report.apis[name as keyof RunReport['apis']];
  const groups = new Map<string, TestResult[]>();
  for (const r of results) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const rules = byRule(results).map(([rule, rs]) =>
    `<tr id="rule-${esc(rule)}"><td><code>${esc(rule)}</code></td><td>${badge(worst(rs))}</td><td>${counts(rs)}</td><td>${rs.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `<code>${esc(r.id)}</code>`).join('<br>')}</td></tr>`).join('');
  const groupHtml = [...groups].map(([g, rs]) => {
    const bad = rs.some((r) => r.status === 'fail' || r.status === 'error');
    return `<details class="group"${bad ? ' open' : ''}><summary><b>${esc(g)}</b> ${counts(rs)}</summary><ul>${rs.map(test).join('')}</ul></details>`;
  }).join('');
  return `<section><h2>${esc(name)} <small>${esc(info?.url ?? '')} · server ${esc(info?.version ?? '?')} · contract ${esc(info?.contractVersion ?? '?')}</small></h2>
<p>${counts(results)}</p>
<details><summary>Per rule (${byRule(results).length})</summary><table><thead><tr><th>Rule</th><th>Outcome</th><th>Tests</th><th>Failed tests</th></tr></thead><tbody>${rules}</tbody></table></details>
<h3>Tests per group</h3>${groupHtml}</section>`;
}

export function htmlReport(report: RunReport): string {
  const bad = failed(report);
  const setup = report.setup.filter((s) => !s.ok).map((s) => `<li><b>${esc(s.step)}</b>: ${esc(s.message ?? '')}${s.exchanges.map(exchange).join('')}</li>`).join('');
  const left = report.cleanup.filter((x) => typeof x.status !== 'number' || x.status >= 300);
  const verdict = bad.length ? `<p class="verdict fail">${bad.length} test${bad.length > 1 ? 's' : ''} failed</p>` : '<p class="verdict pass">No failures</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ZGW conformance report</title><style>${STYLE}</style></head><body>
<header><h1>ZGW conformance report</h1><p>Run ${esc(report.startedAt)} · ${(report.durationMs / 1000).toFixed(1)} s · ${report.results.length} tests</p>${verdict}<p>${counts(report.results)}</p></header>
${setup ? `<section><h2>Setup problems</h2><ul>${setup}</ul></section>` : ''}
${bad.length ? `<section><h2>Failures</h2><ul>${bad.map(test).join('')}</ul></section>` : ''}
${byApi(report).map(([name, results]) => api(report, name, results)).join('\n')}
<section><h2>Cleanup</h2><p>${report.cleanup.length - left.length} of ${report.cleanup.length} objects removed.</p>${left.length ? `<details><summary>Not removed (${left.length})</summary><ul>${left.map((x) => `<li><code>${esc(x.url)}</code> → ${esc(String(x.status))}</li>`).join('')}</ul></details>` : ''}</section>
<footer>zgw-conformance · rules from RULES.md (ids per the standard) · <code>api-*</code>/<code>auth-*</code> ids are the suite's own, see conformance/requirements.csv</footer>
</body></html>\n`;
}
