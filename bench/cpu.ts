import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) of process groups on this machine, read from /proc: where a
 * scenario's CPU goes on a machine where the server, PostgreSQL and the load generator share the
 * cores. Linux only; elsewhere every figure is undefined.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

interface Proc { pid: number; ppid: number; comm: string; ms: number }

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' '); // f[0] is the state, field 3 of stat(5)
      // utime + stime, and cutime + cstime: what its exited children used (PostgreSQL's postmaster reaps its backends)
      out.push({ pid: Number(entry), ppid: Number(f[1]), comm, ms: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_MS });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/** The process and its descendants. */
function tree(all: Proc[], root: number): Proc[] {
  const pids = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) if (!pids.has(p.pid) && pids.has(p.ppid)) { pids.add(p.pid); grew = true; }
  }
  return all.filter((p) => pids.has(p.pid));
}

export interface CpuGroups { [group: string]: number }

/** A snapshot of the CPU used so far by each named process tree, PostgreSQL's processes, and this process. */
export function cpuSnapshot(trees: Record<string, number | undefined>): CpuGroups | undefined {
  if (process.platform !== 'linux') return undefined;
  const all = processes();
  const out: CpuGroups = {};
  for (const [name, pid] of Object.entries(trees)) if (pid) out[name] = tree(all, pid).reduce((s, p) => s + p.ms, 0);
  out.postgres = all.filter((p) => p.comm === 'postgres').reduce((s, p) => s + p.ms, 0);
  const self = process.cpuUsage();
  out['load generator'] = (self.user + self.system) / 1000;
  return out;
}

/** CPU ms per request of each group between two snapshots. */
export function cpuPerRequest(before: CpuGroups | undefined, after: CpuGroups | undefined, requests: number): CpuGroups | undefined {
  if (!before || !after || !requests) return undefined;
  return Object.fromEntries(Object.keys(after).map((k) => [k, Math.round((100 * (after[k] - (before[k] ?? 0))) / requests) / 100]));
}
