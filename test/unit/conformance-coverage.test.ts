// The conformance suite's requirements catalogue (conformance/requirements.csv) against the suite
// and RULES.md: every SHALL rule tested or explained, no listed test missing, no unknown rule tag.
import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { checkCoverage, loadRequirements, parseCsv, ruleIdsOf, RULES_MD, suiteTests } from '../../conformance/coverage.js';

describe('[conformance] requirements catalogue and coverage check', () => {
  it('[conformance] every SHALL rule has a test or a reason; listed tests exist; tests name only catalogued rules; RULES.md ids all listed', () => {
    const { problems } = checkCoverage();
    expect(problems).to.deep.equal([]);
  });

  it('[conformance] the catalogue covers the rule families and the suite\'s own api-/auth- ids', () => {
    const ids = loadRequirements().map((r) => r.id);
    for (const id of ['api-002', 'api-014', 'auth-001', 'auth-003', 'ac-003', 'zrc-029', 'drc-014', 'ztc-011b', 'brc-009', 'nrc-001']) expect(ids).to.include(id);
    if (existsSync(RULES_MD)) expect(ruleIdsOf(readFileSync(RULES_MD, 'utf8'))).to.include.members(['ztc-005', 'zrc-018', 'drc-013', 'ztc-011c']);
  });

  it('[conformance] the check fails on a SHALL rule without test or reason, an unknown test id, and an unknown rule tag', () => {
    const tests = [{ id: 't.one', rules: ['x-001', 'x-999'], api: 'catalogi' as const, kind: 'handwritten' as const }];
    const reqs = [
      { id: 'x-001', summary: 'tested', level: 'SHALL' as const, tests: ['t.one', 't.missing'], reason: '' },
      { id: 'x-002', summary: 'nothing', level: 'SHALL' as const, tests: [], reason: '' },
      { id: 'x-003', summary: 'optional', level: 'MAY' as const, tests: [], reason: '' },
    ];
    const { problems } = checkCoverage(reqs, tests, 'x: see zrc-016…018 and ztc-011a/b');
    expect(problems).to.include('x-002: a SHALL rule with neither a test nor a not_tested_reason');
    expect(problems).to.include('x-001: test "t.missing" does not exist in the suite');
    expect(problems).to.include('test t.one names rule "x-999", which is not in requirements.csv');
    expect(problems.filter((p) => p.includes('RULES.md'))).to.deep.equal([
      'zrc-016 (RULES.md) is not in requirements.csv', 'zrc-017 (RULES.md) is not in requirements.csv',
      'zrc-018 (RULES.md) is not in requirements.csv', 'ztc-011a (RULES.md) is not in requirements.csv', 'ztc-011b (RULES.md) is not in requirements.csv',
    ]);
    expect(problems.join('\n')).to.not.include('x-003');
  });

  it('[conformance] CSV fields may be quoted with commas, quotes and newlines', () => {
    expect(parseCsv('a,"b, ""c""",d\n"e\nf",g,\n')).to.deep.equal([['a', 'b, "c"', 'd'], ['e\nf', 'g', '']]);
  });

  it('[conformance] test ids are unique across the suite', () => {
    const ids = suiteTests().map((t) => t.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).to.deep.equal([]);
  });
});

