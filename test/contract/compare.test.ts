// Our contract (openapi/<api>.yaml) against the standard (the vendored digest), fact by fact.
import { expect } from 'chai';
import { ALLOWED_DIFFERENCES, isAllowed } from './allowed-differences.js';
import { describeDifference, diffFacts, digestFacts, openapiFacts, type Difference } from './facts.js';
import { API_NAMES, loadContract, loadDigest } from './load.js';

function differences(api: string, contract = loadContract(api)): Difference[] {
  return diffFacts(digestFacts(loadDigest(api)), openapiFacts(contract));
}

function unexplained(diffs: Difference[]): string[] {
  return diffs.filter((d) => !isAllowed(d)).map(describeDifference);
}

describe('[contract] openapi/*.yaml matches the ZGW standard (digest), field by field', () => {
  for (const api of API_NAMES) {
    it(`[contract:${api}] operations, parameters, bodies, responses and schemas equal the standard's`, () => {
      const problems = unexplained(differences(api));
      expect(problems, `${api}: ${problems.length} difference(s):\n${problems.join('\n')}`).to.deep.equal([]);
    });

    it(`[contract:${api}] info.version is the standard's version exactly`, () => {
      expect(loadContract(api).info.version).to.equal(loadDigest(api).api.version);
    });
  }

  it('[contract:allow-list] every allowed difference is still needed by some API', () => {
    const all = API_NAMES.flatMap((api) => differences(api));
    const unused = ALLOWED_DIFFERENCES.filter((a) => !all.some((d) => isAllowed(d, [a])));
    expect(unused.map((a) => a.why)).to.deep.equal([]);
  });
});

// The comparer must be able to fail: break a copy of a real contract and look for the report.
describe('[contract:self-test] the comparer reports deliberate breakage', () => {
  const base = loadContract('zaken');
  const mutated = (): ReturnType<typeof loadContract> => structuredClone(base);
  const reported = (contract: ReturnType<typeof loadContract>): string[] => unexplained(differences('zaken', contract));

  it('[contract:self-test] reports a changed maxLength', () => {
    const c = mutated();
    c.components.schemas.Zaak.properties.identificatie.maxLength = 41;
    expect(reported(c)).to.include('schemas.Zaak.properties.identificatie.maxLength: standard 40, contract 41');
  });

  it('[contract:self-test] reports a dropped enum value', () => {
    const c = mutated();
    c.components.schemas.ArchiefnominatieEnum.enum.pop();
    expect(reported(c).some((p) => p.startsWith('schemas.ArchiefnominatieEnum.enum:'))).to.equal(true);
  });

  it('[contract:self-test] reports a removed operation', () => {
    const c = mutated();
    delete c.paths['/zaken/{uuid}'].delete;
    expect(reported(c)).to.include('missing in contract: paths./zaken/{uuid}.delete.operationId = "zaak_destroy"');
  });

  it('[contract:self-test] reports a changed scope, a dropped required field and a lost header', () => {
    const c = mutated();
    c.paths['/zaken'].post.security = [{ 'JWT-Claims': ['zaken.lezen'] }];
    c.components.schemas.Zaak.required = c.components.schemas.Zaak.required.filter((n: string) => n !== 'zaaktype');
    delete c.paths['/zaken/{uuid}'].get.responses['200'].headers.ETag;
    const problems = reported(c);
    expect(problems).to.include('paths./zaken.post.scopes: standard ["zaken.aanmaken"], contract ["zaken.lezen"]');
    expect(problems).to.include('missing in contract: schemas.Zaak.properties.zaaktype.required = true');
    expect(problems.some((p) => p.startsWith('paths./zaken/{uuid}.get.responses.200.headers:'))).to.equal(true);
  });

  it('[contract:self-test] reports a nullable, readOnly or format change and a new query parameter', () => {
    const c = mutated();
    c.components.schemas.Zaak.properties.url.readOnly = false;
    c.components.schemas.Zaak.properties.zaaktype.format = 'uuid';
    c.paths['/zaken'].get.parameters.push({ name: 'foo', in: 'query', schema: { type: 'string' } });
    const problems = reported(c);
    expect(problems).to.include('missing in contract: schemas.Zaak.properties.url.readOnly = true');
    expect(problems).to.include('schemas.Zaak.properties.zaaktype.format: standard "uri", contract "uuid"');
    expect(problems).to.include('not in standard: paths./zaken.get.query.foo.type = "string"');
  });
});
