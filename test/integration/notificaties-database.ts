// A PostgreSQL database of a test's own, in the cluster of DATABASE_URL: for tests that must be
// sure no other server's worker (the shared test server's) works on the same outbox.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function freshDatabase(clusterUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `zgw_t_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: clusterUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
