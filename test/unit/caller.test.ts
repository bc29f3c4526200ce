// The caller's rights (RULES "Authentication and authorisation", zrc-006 and twins): scope
// expressions, heeftAlleAutorisaties, and type grants with their vertrouwelijkheid levels.
import { expect } from 'chai';
import { Caller, parseScopeExpression, type Autorisatie } from '../../src/auth/caller.js';
import { ApiError } from '../../src/core/errors.js';

const app = (heeftAlleAutorisaties = false) => ({ uuid: 'a', label: 'app', heeftAlleAutorisaties });
const caller = (autorisaties: Autorisatie[], all = false) => new Caller('c', app(all), autorisaties);

describe('[auth:caller] Caller', () => {
  it('[auth:scopes] parses "(a | b)" and plain scope expressions', () => {
    expect(parseScopeExpression('(zaken.lezen | zaken.bijwerken)')).to.deep.equal(['zaken.lezen', 'zaken.bijwerken']);
    expect(parseScopeExpression('zaken.lezen')).to.deep.equal(['zaken.lezen']);
    expect(parseScopeExpression('a|b')).to.deep.equal(['a', 'b']);
  });

  it('[auth:scopes] "(a | b)" is met by either scope; a plain scope only by itself', () => {
    const c = caller([{ component: 'zrc', scopes: ['zaken.bijwerken'] }]);
    expect(c.hasScope('(zaken.lezen | zaken.bijwerken)')).to.equal(true);
    expect(c.hasScope('zaken.bijwerken')).to.equal(true);
    expect(c.hasScope('zaken.lezen')).to.equal(false);
    expect(c.hasScope('(zaken.lezen | zaken.aanmaken)')).to.equal(false);
  });

  it('[auth:scopes] scopes are found across all autorisaties of the applicatie', () => {
    const c = caller([
      { component: 'zrc', scopes: ['zaken.lezen'] },
      { component: 'ac', scopes: ['autorisaties.lezen'] },
    ]);
    expect(c.hasScope('autorisaties.lezen')).to.equal(true);
    expect(c.hasScope('zaken.lezen')).to.equal(true);
  });

  it('[auth:scopes] requireScopes demands every expression and answers 403 naming what is missing', () => {
    const c = caller([{ component: 'ac', scopes: ['autorisaties.lezen'] }]);
    expect(() => c.requireScopes(['autorisaties.lezen'])).not.to.throw();
    expect(() => c.requireScopes([])).not.to.throw();
    try {
      c.requireScopes(['autorisaties.lezen', 'autorisaties.bijwerken']);
      expect.fail('requireScopes accepted a missing scope');
    } catch (e) {
      expect(e).to.be.instanceOf(ApiError);
      expect((e as ApiError).status).to.equal(403);
      expect((e as ApiError).code).to.equal('permission_denied');
      expect((e as ApiError).message).to.contain('autorisaties.bijwerken');
    }
  });

  it('[auth:heeftAlleAutorisaties] an applicatie with heeftAlleAutorisaties has every scope and no type limit', () => {
    const c = caller([], true);
    expect(c.all).to.equal(true);
    expect(c.hasScope('zaken.verwijderen')).to.equal(true);
    expect(() => c.requireScopes(['a', '(b | c)'])).not.to.throw();
    expect(c.typeGrants('zrc', ['zaken.lezen'])).to.equal(undefined);
  });

  it('[auth:no-applicatie] a client without applicatie has no scope and no type', () => {
    const c = new Caller('c', undefined, []);
    expect(c.all).to.equal(false);
    expect(c.hasScope('zaken.lezen')).to.equal(false);
    expect(c.typeGrants('zrc', ['zaken.lezen'])).to.deep.equal([]);
  });

  it('[zrc-006] a maximum of intern grants openbaar, beperkt_openbaar and intern, nothing higher', () => {
    const c = caller([{ component: 'zrc', scopes: ['zaken.lezen'], type: 'zt1', maxVertrouwelijkheidaanduiding: 'intern' }]);
    expect(c.typeGrants('zrc', ['zaken.lezen'])).to.deep.equal([{ type: 'zt1', levels: ['openbaar', 'beperkt_openbaar', 'intern'] }]);
  });

  it('[zrc-006] without a maximum every level is granted', () => {
    const c = caller([{ component: 'brc', scopes: ['besluiten.lezen'], type: 'bt1' }]);
    expect(c.typeGrants('brc', ['besluiten.lezen'])![0].levels).to.have.length(8);
  });

  it('[zrc-006] only autorisaties of the component, with one of the scopes, naming a type, count', () => {
    const c = caller([
      { component: 'zrc', scopes: ['zaken.lezen'], type: 'zt1', maxVertrouwelijkheidaanduiding: 'openbaar' },
      { component: 'zrc', scopes: ['zaken.bijwerken'], type: 'zt2', maxVertrouwelijkheidaanduiding: 'geheim' },
      { component: 'drc', scopes: ['zaken.lezen'], type: 'iot1', maxVertrouwelijkheidaanduiding: 'geheim' },
      { component: 'zrc', scopes: ['zaken.lezen'] },
    ]);
    expect(c.typeGrants('zrc', ['zaken.lezen'])).to.deep.equal([{ type: 'zt1', levels: ['openbaar'] }]);
    expect(c.typeGrants('zrc', ['zaken.lezen', 'zaken.bijwerken'])!.map((g) => g.type)).to.deep.equal(['zt1', 'zt2']);
    expect(c.typeGrants('zrc', ['zaken.verwijderen'])).to.deep.equal([]);
  });

  it('[zrc-006] grants for the same type are merged across autorisaties (the highest maximum wins)', () => {
    const c = caller([
      { component: 'zrc', scopes: ['zaken.lezen'], type: 'zt1', maxVertrouwelijkheidaanduiding: 'beperkt_openbaar' },
      { component: 'zrc', scopes: ['zaken.lezen', 'zaken.bijwerken'], type: 'zt1', maxVertrouwelijkheidaanduiding: 'vertrouwelijk' },
      { component: 'zrc', scopes: ['zaken.lezen'], type: 'zt2', maxVertrouwelijkheidaanduiding: 'openbaar' },
    ]);
    const grants = c.typeGrants('zrc', ['zaken.lezen'])!;
    expect(grants).to.have.length(2);
    expect(grants.find((g) => g.type === 'zt1')!.levels).to.have.members([
      'openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk',
    ]);
    expect(grants.find((g) => g.type === 'zt2')!.levels).to.deep.equal(['openbaar']);
  });
});
