import { spawn } from 'node:child_process';

/**
 * A Node process of its own (our server, or the baseline), so the load generator in this process
 * does not share its event loop; ready when /healthz or its first route answers. `env` wins over
 * the defaults (a second instance of the server keeps the first one's BASE_URL).
 */
export async function startChild(script: string, port: number, env: Record<string, string>, log: (m: string) => void) {
  // The young generation the Docker image and `npm start` give the server (Dockerfile), for the baseline alike.
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', script], {
    env: {
      ...process.env, PORT: String(port), BASE_URL: `http://localhost:${port}`,
      DEMO: 'false', LOG_LEVEL: 'warn', VALIDATE_RESPONSES: 'false', NODE_ENV: 'production', ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => { exited = true; });
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`${script} exited during start`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 120_000) throw new Error(`${script} did not start within 120 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`${script} listening on ${port} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { pid: child.pid, stop: () => { if (!exited) child.kill('SIGTERM'); } };
}
