// Autorisaties fixtures: one applicatie of this run (unique client id, no secret needed) to read,
// list and change; fresh bodies for creating more.
import { randomUUID } from 'node:crypto';
import type { ApiFixtures, FixtureEnv } from './fixtures.js';

export const applicatieBody = (runId: string) => ({
  clientIds: [`zgw-conformance-${runId}-${randomUUID().slice(0, 8)}`],
  label: 'ZGW conformance fixture',
  heeftAlleAutorisaties: false,
  autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen'] }],
});

export async function buildAutorisaties(env: FixtureEnv, step: (name: string, fn: () => Promise<void>) => Promise<void>): Promise<ApiFixtures> {
  const objects: Record<string, any> = {};
  let input: Record<string, any> | undefined;
  await step('autorisaties: create the run\'s applicatie', async () => {
    input = applicatieBody(env.runId);
    const res = await env.http.post(`${env.base}/applicaties`, input);
    if (res.status !== 201 || !res.body?.url) throw new Error(`POST /applicaties: ${res.status} ${res.text.slice(0, 300)}`);
    env.cleanup(res.body.url);
    objects.applicatie = res.body;
  });
  return {
    objects,
    detail: (path) => (path.startsWith('/applicaties/{uuid}') ? objects.applicatie?.url : undefined),
    listQuery: (collection) => {
      const id = encodeURIComponent(objects.applicatie?.clientIds?.[0] ?? '');
      return collection === '/applicaties' ? `clientIds=${id}` : collection === '/applicaties/consumer' ? `clientId=${id}` : '';
    },
    createBody: async (op) => (op.path === '/applicaties' ? applicatieBody(env.runId) : undefined),
    putBody: (path) => (path.startsWith('/applicaties/{uuid}') ? input : undefined),
  };
}
