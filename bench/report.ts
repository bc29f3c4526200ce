import type { Measured } from './load.js';

export interface Row extends Measured {
  name: string;
  what: string;
  /** CPU ms per request by process group (server, postgres, load generator), where /proc tells. */
  cpu?: Record<string, number>;
}

export interface Target {
  name: string;
  goal: string;
  value: string;
  met: boolean;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

export function table(rows: Row[]): string {
  const head = ['scenario', 'conn', 'req/s', 'p50', 'p99', 'requests', 'errors'];
  const body = rows.map((r) => [r.name, String(r.connections), r.rps.toFixed(1), ms(r.p50), ms(r.p99), String(r.requests), String(r.errors + r.non2xx)]);
  return format([head, ...body]);
}

export function cpuTable(rows: Row[]): string {
  const groups = ['server', 'postgres', 'load generator'];
  const body = rows.filter((r) => r.cpu).map((r) => [r.name, String(r.connections), ...groups.map((g) => r.cpu![g]?.toFixed(2) ?? '-'),
    groups.reduce((s, g) => s + (r.cpu![g] ?? 0), 0).toFixed(2)]);
  return format([['scenario', 'conn', ...groups, 'total'], ...body]);
}

export function targetTable(targets: Target[]): string {
  return format([['target', 'goal', 'measured', ''], ...targets.map((t) => [t.name, t.goal, t.value, t.met ? 'met' : 'NOT MET'])]);
}

function format(lines: string[][]): string {
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const line = (l: string[]) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(lines[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(line)].join('\n');
}

/** The targets, judged on the measured rows. */
export function judge(rows: Row[]): Target[] {
  const get = (name: string, conn: number) => rows.find((r) => r.name === name && r.connections === conn);
  const out: Target[] = [];
  const add = (name: string, goal: string, r: Row | undefined, value: (r: Row) => number, ok: (v: number) => boolean, unit: string) => {
    if (!r) return;
    const v = value(r);
    out.push({ name, goal, value: `${v.toFixed(1)}${unit}`, met: ok(v) && r.errors + r.non2xx === 0 });
  };
  add('list p50 @1', '≤ 20 ms', get('list', 1), (r) => r.p50, (v) => v <= 20, ' ms');
  add('list p99 @16', '≤ 100 ms', get('list', 16), (r) => r.p99, (v) => v <= 100, ' ms');
  add('citizen p99 @1', '≤ 200 ms', get('citizen', 1), (r) => r.p99, (v) => v <= 200, ' ms');
  add('creates', '≥ 200/s', get('create', 8), (r) => r.rps, (v) => v >= 200, '/s');
  add('resident first page p99 @1', '≤ 200 ms', get('resident', 1), (r) => r.p99, (v) => v <= 200, ' ms');
  for (const name of ['list', 'by bsn']) {
    for (const conn of [1, 16]) {
      const off = get(`${name}, no log`, conn);
      if (off) add(`${name} with access log @${conn}`, '≥ 80% of off', get(name, conn), (r) => (100 * r.rps) / off.rps, (v) => v >= 80, '%');
    }
  }
  const base = get('baseline', 16);
  if (base) add('list req/s vs baseline @16', '≥ 50%', get('list', 16), (r) => (100 * r.rps) / base.rps, (v) => v >= 50, '%');
  return out;
}
