// The requirements catalogue, conformance/requirements.csv: id, summary, level (SHALL/SHOULD/MAY),
// tests (ids separated by ;), not_tested_reason. Read by the coverage check and the HTML report.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Level = 'SHALL' | 'SHOULD' | 'MAY';
export interface Requirement { id: string; summary: string; level: Level; tests: string[]; reason: string }

export const REQUIREMENTS_CSV = fileURLToPath(new URL('./requirements.csv', import.meta.url));

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f.trim()));
}

export function loadRequirements(path = REQUIREMENTS_CSV): Requirement[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const want = ['id', 'summary', 'level', 'tests', 'not_tested_reason'];
  if (header.join(',') !== want.join(',')) throw new Error(`${path}: header is "${header.join(',')}", expected "${want.join(',')}"`);
  return rows.map(([id, summary, level, tests, reason]) => ({
    id: id.trim(), summary: summary.trim(), level: level.trim() as Level,
    tests: tests.split(';').map((t) => t.trim()).filter(Boolean), reason: (reason ?? '').trim(),
  }));
}
