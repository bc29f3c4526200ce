// npm run gen:schemas — openapi/*.yaml -> schemas/<api>.json (see tools/jsonschema/document.ts).
// test/contract/schemas.test.ts fails when the committed output drifts from the contract.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { generateSchemaDocument, type SchemaDocument } from './jsonschema/document.js';

export function schemaDocumentFromFile(yamlPath: string): SchemaDocument {
  const api = basename(yamlPath, '.yaml');
  return generateSchemaDocument(api, parse(readFileSync(yamlPath, 'utf8')));
}

export function serialize(doc: SchemaDocument): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

function main(): void {
  mkdirSync('schemas', { recursive: true });
  for (const file of readdirSync('openapi').filter((f) => f.endsWith('.yaml')).sort()) {
    const doc = schemaDocumentFromFile(join('openapi', file));
    writeFileSync(join('schemas', `${doc.api}.json`), serialize(doc));
    console.log(`schemas/${doc.api}.json`);
  }
}

// Run only as a script, so the drift test can import the helpers above.
if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) main();
