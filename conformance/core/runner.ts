// Runs groups of tests one after another (the server's state is shared), classifying each outcome
// and keeping the exchanges it made.
import type { Http } from './http.js';
import { Outcome, type Exchange, type GroupDef, type TestContext, type TestResult } from './types.js';

export interface RunOptions {
  /** Only tests whose id starts with one of these. */
  only?: string[];
  onResult?: (r: TestResult) => void;
}

export async function runGroups(groups: GroupDef[], ctx: Omit<TestContext, 'http'> & { http: Http }, opts: RunOptions = {}): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const group of groups) {
    for (const test of group.tests) {
      if (opts.only?.length && !opts.only.some((p) => test.id.startsWith(p))) continue;
      const exchanges: Exchange[] = [];
      const started = performance.now();
      const base = { id: test.id, title: test.title, rules: test.rules, kind: test.kind, group: group.id, api: group.api, exchanges };
      let result: TestResult;
      try {
        await test.run({ ...ctx, http: ctx.http.recordingInto(exchanges) });
        result = { ...base, status: 'pass', durationMs: 0 };
      } catch (e) {
        result = e instanceof Outcome
          ? { ...base, status: e.status, message: e.message, durationMs: 0 }
          : { ...base, status: 'error', message: (e as Error)?.stack ?? String(e), durationMs: 0 };
      }
      result.durationMs = Math.round(performance.now() - started);
      results.push(result);
      opts.onResult?.(result);
    }
  }
  return results;
}
