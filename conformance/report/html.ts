// One self-contained HTML page (no scripts, no external assets), read top-down: the verdict and a
// table of counts per API, then every failure (per API → group) opened up to its requests and
// responses, then per API the rules with their outcome and every group's tests (collapsed).
import type { ApiName, Exchange, RunReport, Status, TestResult } from '../core/types.js';
import { byApi, byRule, count, failed, STATUSES, worst } from './summary.js';
import { STYLE } from './html-style.js';
import { loadRequirements, type Requirement } from '../requirements.js';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
const badge = (s: Status) => `<span class="badge ${s}">${s}</span>`;
const isBad = (r: TestResult) => r.status === 'fail' || r.status === 'error';
const anchor = (id: string) => `t-${id.replace(/[^\w.-]/g, '_')}`;

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

const rulesOf = (r: TestResult) => `<span class="rules">${r.rules.map((x) => `<a href="#rule-${esc(x)}">${esc(x)}</a>`).join(' ')}</span>`;
const kind = (r: TestResult) => `<span class="kind">${r.kind === 'generated' ? 'generated' : 'hand-written'}</span>`;

/** A line in a group's list; failures link to their full entry under "Failures". */
function line(r: TestResult): string {
  const id = isBad(r) ? `<a href="#${anchor(r.id)}"><code>${esc(r.id)}</code></a>` : `<code>${esc(r.id)}</code>`;
  const msg = (r.status === 'skip' || r.status === 'omit') && r.message ? `<div class="note">${esc(r.message)}</div>` : '';
  return `<li class="test">${badge(r.status)} ${id} ${esc(r.title)} ${rulesOf(r)}${msg}</li>`;
}

/** A failure in full: the message, then every exchange of the test (the last one is usually the culprit). */
function failure(r: TestResult): string {
  return `<div class="failure" id="${anchor(r.id)}"><div class="head">${badge(r.status)} <code>${esc(r.id)}</code> ${esc(r.title)} ${rulesOf(r)} ${kind(r)}</div>
<p class="msg">${esc(r.message ?? '')}</p>${r.exchanges.length ? `<details open><summary>${r.exchanges.length} request${r.exchanges.length > 1 ? 's' : ''} and response${r.exchanges.length > 1 ? 's' : ''}</summary>${r.exchanges.map(exchange).join('')}</details>` : ''}</div>`;
}

function counts(results: TestResult[]): string {
  const c = count(results);
  return STATUSES.filter((s) => c[s]).map((s) => `${badge(s)} ${c[s]}`).join(' ');
}

const byGroup = (results: TestResult[]) => {
  const groups = new Map<string, TestResult[]>();
  for (const r of results) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  return [...groups];
};

function summaryTable(report: RunReport): string {
  const rows = byApi(report).map(([api, rs]) => {
    const c = count(rs);
    const info = report.apis[api];
    const cell = (s: Status) => `<td class="num${c[s] && s !== 'pass' ? ` ${s}` : ''}">${c[s]}</td>`;
    return `<tr><td><a href="#api-${api}"><b>${esc(api)}</b></a></td><td>${esc(info?.version ?? '?')}</td>${STATUSES.map(cell).join('')}<td class="num">${c.total}</td><td class="num">${rs.filter((r) => r.kind === 'generated').length}</td><td class="num">${rs.filter((r) => r.kind === 'handwritten').length}</td><td class="num">${byRule(rs).length}</td></tr>`;
  }).join('');
  const c = count(report.results);
  return `<table class="summary"><thead><tr><th>API</th><th>Server version</th>${STATUSES.map((s) => `<th>${badge(s)}</th>`).join('')}<th>Tests</th><th>Generated</th><th>Hand-written</th><th>Rules</th></tr></thead>
<tbody>${rows}</tbody><tfoot><tr><th>All</th><th></th>${STATUSES.map((s) => `<th class="num">${c[s]}</th>`).join('')}<th class="num">${c.total}</th><th class="num">${report.results.filter((r) => r.kind === 'generated').length}</th><th class="num">${report.results.filter((r) => r.kind === 'handwritten').length}</th><th class="num">${byRule(report.results).length}</th></tr></tfoot></table>`;
}

function failures(report: RunReport): string {
  const bad = failed(report);
  if (!bad.length) return '';
  const title = (g: string) => (report.groups?.[g] ? ` ${esc(report.groups[g])}` : '');
  const apis = byApi({ ...report, results: bad });
  const index = apis.map(([api, rs]) => `<li><b>${esc(api)}</b><ul>${rs.map((r) => `<li>${badge(r.status)} <a href="#${anchor(r.id)}"><code>${esc(r.id)}</code></a> ${esc(r.title)}</li>`).join('')}</ul></li>`).join('');
  const perApi = apis.map(([api, rs]) =>
    `<h3>${esc(api)}</h3>${byGroup(rs).map(([g, grs]) => `<h4><code>${esc(g)}</code>${title(g)}</h4>${grs.map(failure).join('')}`).join('')}`).join('');
  return `<section><h2>Failures <small>${bad.length}, per API and group, with the requests and responses</small></h2><ul class="index">${index}</ul>${perApi}</section>`;
}

function apiSection(report: RunReport, name: ApiName, results: TestResult[], catalogue: Map<string, Requirement>): string {
  const info = report.apis[name];
  const rules = byRule(results).map(([rule, rs]) => {
    const req = catalogue.get(rule);
    return `<tr id="rule-${esc(rule)}"><td><code>${esc(rule)}</code></td><td>${esc(req?.summary ?? '')}</td><td>${esc(req?.level ?? '')}</td><td>${badge(worst(rs))}</td><td>${counts(rs)}</td><td>${rs.filter(isBad).map((r) => `<a href="#${anchor(r.id)}"><code>${esc(r.id)}</code></a>`).join('<br>')}</td></tr>`;
  }).join('');
  const groups = byGroup(results).map(([g, rs]) => {
    const kinds = new Set(rs.map((r) => r.kind));
    const label = kinds.size === 1 ? (kinds.has('generated') ? 'generated' : 'hand-written') : 'mixed';
    return `<details class="group"><summary><b>${esc(g)}</b> <span class="gtitle">${esc(report.groups?.[g] ?? '')}</span> <span class="kind">${label}</span> <span class="gcounts">${counts(rs)}</span></summary><ul>${rs.map(line).join('')}</ul></details>`;
  }).join('');
  return `<section id="api-${esc(name)}"><h2>${esc(name)} <small>${esc(info?.url ?? '')} · server ${esc(info?.version ?? '?')} · contract ${esc(info?.contractVersion ?? '?')}</small></h2>
<p>${counts(results)}</p>
<h3>Groups</h3>${groups}
<details class="rules-table"><summary>Per rule (${byRule(results).length} rules)</summary><table><thead><tr><th>Rule</th><th>Summary</th><th>Level</th><th>Outcome</th><th>Tests</th><th>Failed tests</th></tr></thead><tbody>${rules}</tbody></table></details></section>`;
}

function catalogueById(): Map<string, Requirement> {
  try { return new Map(loadRequirements().map((r) => [r.id, r])); } catch { return new Map(); }
}

export function htmlReport(report: RunReport): string {
  const bad = failed(report);
  const setup = report.setup.filter((s) => !s.ok).map((s) => `<li><b>${esc(s.step)}</b>: ${esc(s.message ?? '')}${s.exchanges.map(exchange).join('')}</li>`).join('');
  const left = report.cleanup.filter((x) => typeof x.status !== 'number' || x.status >= 300);
  const verdict = bad.length ? `<p class="verdict fail">${bad.length} test${bad.length > 1 ? 's' : ''} failed</p>` : '<p class="verdict pass">No failures</p>';
  const catalogue = catalogueById();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ZGW conformance report</title><style>${STYLE}</style></head><body>
<header><h1>ZGW conformance report</h1><p class="meta">Run ${esc(report.startedAt)} · ${(report.durationMs / 1000).toFixed(1)} s · ${report.results.length} tests</p>${verdict}
${summaryTable(report)}</header>
${setup ? `<section><h2>Setup problems</h2><ul>${setup}</ul></section>` : ''}
${failures(report)}
${byApi(report).map(([name, results]) => apiSection(report, name, results, catalogue)).join('\n')}
<section><h2>Cleanup</h2><p>${report.cleanup.length - left.length} of ${report.cleanup.length} objects the run made were removed.${left.length ? ' The rest are objects the standard does not let a client delete (published types) or that went with their parent.' : ''}</p>${left.length ? `<details><summary>Not removed (${left.length})</summary><ul>${left.map((x) => `<li><code>${esc(x.url)}</code> → ${esc(String(x.status))}</li>`).join('')}</ul></details>` : ''}</section>
<footer>zgw-conformance · rule ids per the standard (RULES.md); <code>api-*</code>/<code>auth-*</code>/<code>nrc-*</code> ids are the suite's own · catalogue: conformance/requirements.csv</footer>
</body></html>\n`;
}
