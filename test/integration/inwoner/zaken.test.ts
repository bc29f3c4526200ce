import { expect } from 'chai';
import { request } from '../../support/server.js';
import { INW, freshBsn, resident, sluit, uuidOf, zaak, zaaktype } from './fixtures.js';

describe('[inwoner:zaken] my zaken and their status history', () => {
  it('[inwoner:mij] GET /mij answers the BSN of the token; without a token 401', async () => {
    const r = await resident();
    const res = await r.request('GET', '/mij');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ bsn: r.bsn });
    expect((await request('GET', `${INW}/mij`)).status).to.equal(401);
  });

  it('[inwoner:zaken] lists only my zaken as initiator, newest first, with current status and resultaat', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const open = await zaak(zt, r.bsn, { omschrijving: 'Open', startdatum: '2026-03-02', statussen: [zt.ontvangen, zt.inBehandeling] });
    const dicht = await zaak(zt, r.bsn, { omschrijving: 'Dicht', startdatum: '2026-01-01' });
    await sluit(zt, dicht);
    await zaak(zt, freshBsn(), { omschrijving: 'Van een ander' });
    const res = await r.request('GET', '/zaken');
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.count).to.equal(2);
    const [first, second] = res.body.results;
    expect(first.uuid).to.equal(uuidOf(open.url));
    expect(first).to.deep.include({ identificatie: open.identificatie, omschrijving: 'Open', open: true, einddatum: null, resultaat: null });
    expect(first.url).to.match(new RegExp(`${INW}/zaken/${first.uuid}$`));
    expect(first.zaaktype).to.deep.equal({ url: zt.zaaktype.url, omschrijving: zt.zaaktype.omschrijving });
    expect(first.status).to.deep.include({ omschrijving: 'In behandeling', statustekst: 'Uw aanvraag is in behandeling.' });
    expect(second.open).to.equal(false);
    expect(second.einddatum).to.be.a('string');
    expect(second.status.omschrijving).to.equal('Afgehandeld');
    expect(second.resultaat).to.deep.equal({ omschrijving: 'Verleend', toelichting: 'Vergunning verleend' });
  });

  it('[inwoner:zaken] pagination: pageSize and page give count, next and previous', async () => {
    const zt = await zaaktype();
    const r = await resident();
    for (let i = 0; i < 3; i++) await zaak(zt, r.bsn, { startdatum: `2026-02-0${i + 1}` });
    const p1 = await r.request('GET', '/zaken?pageSize=2');
    expect(p1.body.count).to.equal(3);
    expect(p1.body.results).to.have.length(2);
    expect(p1.body.next).to.contain('page=2');
    const p2 = await r.request('GET', p1.body.next);
    expect(p2.body.results).to.have.length(1);
    expect(p2.body.previous).to.be.a('string');
    expect((await r.request('GET', '/zaken?page=9')).status).to.equal(404);
  });

  it('[inwoner:zaken] zaken of a zaaktype not visible to residents, or above the maximum vertrouwelijkheid, are not shown', async () => {
    const hidden = await zaaktype({ zichtbaar: false });
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(hidden, r.bsn);
    const geheim = await zaak(zt, r.bsn, { vertrouwelijkheidaanduiding: 'geheim' });
    expect((await r.request('GET', '/zaken')).body.count).to.equal(0);
    expect((await r.request('GET', `/zaken/${uuidOf(z.url)}`)).status).to.equal(404);
    expect((await r.request('GET', `/zaken/${uuidOf(geheim.url)}`)).status).to.equal(404);
  });

  it('[inwoner:zaken] rol=belanghebbende lists zaken where I have that rol; the default does not', async () => {
    const zt = await zaaktype();
    const r = await resident();
    await zaak(zt, r.bsn, { roltype: zt.belanghebbende });
    expect((await r.request('GET', '/zaken')).body.count).to.equal(0);
    expect((await r.request('GET', '/zaken?rol=belanghebbende,initiator')).body.count).to.equal(1);
    expect((await r.request('GET', '/zaken?rol=koning')).status).to.equal(400);
  });

  it('[inwoner:zaken] GET /zaken/{uuid} adds every status, oldest first', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn, { statussen: [zt.ontvangen, zt.inBehandeling] });
    const res = await r.request('GET', `/zaken/${uuidOf(z.url)}`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.statussen.map((s: any) => s.omschrijving)).to.deep.equal(['Ontvangen', 'In behandeling']);
    expect(res.body.statussen[0].statustekst).to.equal('Uw aanvraag is ontvangen.');
    expect(res.body.status.omschrijving).to.equal('In behandeling');
  });

  it('[inwoner:zaken] an unknown or malformed uuid is 404', async () => {
    const r = await resident();
    expect((await r.request('GET', '/zaken/00000000-0000-4000-8000-000000000000')).status).to.equal(404);
    expect((await r.request('GET', '/zaken/not-a-uuid')).status).to.equal(404);
  });
});
