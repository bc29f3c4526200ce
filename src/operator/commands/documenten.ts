import { fileStoreFor } from '../../storage/files/index.js';
import { SWEEP_GRACE_MS, sweepOrphans } from '../../components/documenten/sweep.js';
import { out, str, UsageError, type Command, type Values } from './common.js';

const HOUR = 60 * 60 * 1000;

/** At least an hour: a younger file may be a write whose row has not committed yet. */
function graceOf(v: Values): number {
  const raw = str(v, 'grace-hours');
  if (raw === undefined) return SWEEP_GRACE_MS;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours < 1) throw new UsageError(`--grace-hours must be a number >= 1, got "${raw}"`);
  return hours * HOUR;
}

export const documentenCommands: Command[] = [
  {
    name: 'documenten sweep',
    summary: 'remove document content files that no document version or bestandsdeel points at',
    help: `Usage: zgw documenten sweep [--grace-hours N] [--dry-run]

A content file is stored before the row that points at it; a crash in between leaves a file that
nothing references. This removes such files from DATA_DIR/files when they are older than the
grace period, and temporary files of unfinished writes. A file any document version, current
document or bestandsdeel points at is never removed. The server also sweeps once at start.
Prints one line per removed key, then a summary.

  --grace-hours N   only files last written more than N hours ago (default 24, at least 1)
  --dry-run         print what would be removed, remove nothing`,
    options: { 'grace-hours': { type: 'string' }, 'dry-run': { type: 'boolean' } },
    check: (v) => void graceOf(v),
    run: async ({ db, config }, v) => {
      const dryRun = v['dry-run'] === true;
      const result = await sweepOrphans(db, await fileStoreFor(config.dataDir), { graceMs: graceOf(v), dryRun });
      for (const key of result.orphans) out(key);
      out(`${dryRun ? 'would remove' : 'removed'} ${result.orphans.length} orphaned content file(s) of ${result.checked} old enough to check` +
        (dryRun ? '' : `; ${result.temp} unfinished temporary file(s)`));
    },
  },
];
