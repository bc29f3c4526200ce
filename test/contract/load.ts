// Loads the vendored digests and our contracts for the contract tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Digest } from '../../tools/openapi/digest-types.js';

export { API_NAMES } from '../../tools/openapi/digest-types.js';

/** Our own contracts (no standard to compare with): checked for drift, compiling and OpenAPI validity only. */
export const OWN_API_NAMES = ['inwoner'] as const;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const contractPath = (api: string): string => `${ROOT}openapi/${api}.yaml`;
export const schemaPath = (api: string): string => `${ROOT}schemas/${api}.json`;

export function loadDigest(api: string): Digest {
  return JSON.parse(readFileSync(`${ROOT}test/contract/digests/${api}.json`, 'utf8')) as Digest;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadContract(api: string): Record<string, any> {
  return parse(readFileSync(contractPath(api), 'utf8'));
}
