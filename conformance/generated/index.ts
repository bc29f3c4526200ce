// Every operation of every API given, turned into tests: one group per API resource.
import type { Contract } from '../core/contract.js';
import type { ApiName, GroupDef, TestDef } from '../core/types.js';
import { authTests } from './auth.js';
import { crsTests, readTests } from './reads.js';
import { writeTests } from './writes.js';
import { robustnessTests } from './robustness.js';
import { nameOp, SHORT } from './ops.js';

export function generatedGroups(api: ApiName, contract: Contract): GroupDef[] {
  const groups = new Map<string, TestDef[]>();
  for (const op of contract.operations) {
    const { resource } = nameOp(op);
    const tests = [
      ...authTests(api, contract, op),
      ...readTests(api, contract, op),
      ...writeTests(api, contract, op),
      ...crsTests(api, op),
      ...robustnessTests(api, contract, op),
    ];
    groups.set(resource, [...(groups.get(resource) ?? []), ...tests]);
  }
  return [...groups].filter(([, tests]) => tests.length).map(([resource, tests]) => ({
    id: `${SHORT[api]}.${resource}`, api, title: `${contract.api} ${resource}: generated from the contract`, tests,
  }));
}
