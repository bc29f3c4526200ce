// Scaffolder: writes openapi/<api>.yaml from the standard's digest. The YAML is committed and is
// the source of truth afterwards; rerun only to start over (it overwrites hand edits).
//   npx tsx tools/digest-to-openapi.ts [digest-dir] [api ...]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { API_NAMES, type ApiName, type Digest } from './openapi/digest-types.js';
import { openapiYaml } from './openapi/document.js';

function main(args: string[]): void {
  const [digestDir = 'test/contract/digests', ...only] = args;
  const apis = only.length > 0 ? (only as ApiName[]) : [...API_NAMES];
  mkdirSync('openapi', { recursive: true });
  for (const api of apis) {
    const digest = JSON.parse(readFileSync(join(digestDir, `${api}.json`), 'utf8')) as Digest;
    writeFileSync(join('openapi', `${api}.yaml`), openapiYaml(api, digest));
    console.log(`openapi/${api}.yaml`);
  }
}

main(process.argv.slice(2));
