import { expect } from 'chai';
import { testServer } from '../../support/server.js';
import { DRC, ZRC, admin, document, resident, sluit, upload, uuidOf, zaak, zaaktype } from './fixtures.js';

/** The PNG signature and a few bytes: an upload's content must match its declared type. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('[inwoner:documenten] documents of my zaak: list, download, upload', () => {
  it('[inwoner:documenten] lists definitief documents shown to the initiator only', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const shown = await document(zt, z, { titel: 'Besluit' });
    await document(zt, z, { status: 'in_bewerking', titel: 'Concept' });
    await document(zt, z, { tonenAanInitiator: false, titel: 'Intern' });
    const res = await r.request('GET', `/zaken/${uuidOf(z.url)}/documenten`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.map((d: any) => d.titel)).to.deep.equal(['Besluit']);
    expect(res.body[0]).to.deep.include({ uuid: uuidOf(shown.url), bestandsnaam: 'besluit.txt', formaat: 'text/plain', bestandsomvang: 13, auteur: 'Gemeente', creatiedatum: '2026-03-02' });
    expect(res.body[0].downloadUrl).to.equal(`${testServer().url}/inwoner/api/v1/zaken/${uuidOf(z.url)}/documenten/${uuidOf(shown.url)}/download`);
  });

  it('[inwoner:documenten] download streams the content with type, length and disposition; a hidden document is 404', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const doc = await document(zt, z, { inhoud: 'Hallo inwoner' });
    const hidden = await document(zt, z, { tonenAanInitiator: false });
    const res = await fetch(`${testServer().url}/inwoner/api/v1/zaken/${uuidOf(z.url)}/documenten/${uuidOf(doc.url)}/download`, { headers: { Authorization: `Bearer ${r.token}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('text/plain');
    expect(res.headers.get('content-length')).to.equal('13');
    expect(res.headers.get('content-disposition')).to.contain('besluit.txt');
    expect(await res.text()).to.equal('Hallo inwoner');
    expect((await r.request('GET', `/zaken/${uuidOf(z.url)}/documenten/${uuidOf(hidden.url)}/download`)).status).to.equal(404);
  });

  it('[inwoner:upload] an upload creates a definitief document by Inwoner, linked to the zaak, shown in my list', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const res = await upload(r, uuidOf(z.url), { name: 'foto.png', type: 'image/png', content: PNG }, 'Foto van de situatie');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.deep.include({ titel: 'Foto van de situatie', bestandsnaam: 'foto.png', formaat: 'image/png', bestandsomvang: 11, auteur: 'Inwoner' });
    const c = await admin();
    const eio = (await c.request('GET', `${DRC}/enkelvoudiginformatieobjecten/${res.body.uuid}`)).body;
    expect(eio).to.deep.include({ status: 'definitief', tonenAanInitiator: true, auteur: 'Inwoner', informatieobjecttype: zt.iot });
    const zios = (await c.request('GET', `${ZRC}/zaakinformatieobjecten?zaak=${encodeURIComponent(z.url)}`)).body;
    expect(zios.map((x: any) => x.informatieobject)).to.deep.equal([eio.url]);
    const trail = (await c.request('GET', `${DRC}/enkelvoudiginformatieobjecten/${res.body.uuid}/audittrail`)).body;
    expect(trail[0].gebruikersWeergave).to.equal('Inwoner');
    const list = await r.request('GET', `/zaken/${uuidOf(z.url)}/documenten`);
    expect(list.body.map((d: any) => d.uuid)).to.deep.equal([res.body.uuid]);
    const download = await fetch(res.body.downloadUrl, { headers: { Authorization: `Bearer ${r.token}` } });
    expect(Buffer.from(await download.arrayBuffer())).to.deep.equal(PNG);
    const outbox = await testServer().db('notificatie_outbox').where('kanaal', 'documenten').whereRaw("message->>'resourceUrl' = ?", [eio.url]);
    expect(outbox).to.have.length(1);
  });

  it('[inwoner:upload] the title defaults to the file name', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const res = await upload(r, uuidOf(z.url), { name: 'brief.pdf', type: 'application/pdf', content: '%PDF-1.4' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.titel).to.equal('brief.pdf');
  });

  it('[inwoner:upload] a file larger than INWONER_UPLOAD_MAX_BYTES is 413 and leaves no document', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const cfg = testServer().config.inwoner;
    const max = cfg.uploadMaxBytes;
    cfg.uploadMaxBytes = 100;
    try {
      const res = await upload(r, uuidOf(z.url), { name: 'groot.txt', type: 'text/plain', content: 'x'.repeat(101) });
      expect(res.status, JSON.stringify(res.body)).to.equal(413);
      const ok = await upload(r, uuidOf(z.url), { name: 'klein.txt', type: 'text/plain', content: 'x'.repeat(100) });
      expect(ok.status, JSON.stringify(ok.body)).to.equal(201);
    } finally {
      cfg.uploadMaxBytes = max;
    }
    expect((await r.request('GET', `/zaken/${uuidOf(z.url)}/documenten`)).body.map((d: any) => d.titel)).to.deep.equal(['klein.txt']);
  });

  it('[inwoner:upload] a file type outside INWONER_UPLOAD_TYPES is 415; a body that is not multipart is 415; no file is 400', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const res = await upload(r, uuidOf(z.url), { name: 'x.exe', type: 'application/x-msdownload', content: 'MZ' });
    expect(res.status, JSON.stringify(res.body)).to.equal(415);
    expect((await r.request('POST', `/zaken/${uuidOf(z.url)}/documenten`, { bestand: 'x' })).status).to.equal(415);
    const form = new FormData();
    form.append('titel', 'zonder bestand');
    const none = await fetch(`${testServer().url}/inwoner/api/v1/zaken/${uuidOf(z.url)}/documenten`, { method: 'POST', headers: { Authorization: `Bearer ${r.token}` }, body: form });
    expect(none.status).to.equal(400);
    expect((await r.request('GET', `/zaken/${uuidOf(z.url)}/documenten`)).body).to.deep.equal([]);
  });

  it('[inwoner:upload] the content must match the declared type: an executable sent as application/pdf is 415', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const fake = await upload(r, uuidOf(z.url), { name: 'factuur.pdf', type: 'application/pdf', content: Buffer.from('MZ\x90\x00 not a pdf') });
    expect(fake.status, JSON.stringify(fake.body)).to.equal(415);
    expect(fake.body.code).to.equal('inhoud-past-niet-bij-type');
    const real = await upload(r, uuidOf(z.url), { name: 'echt.pdf', type: 'application/pdf', content: '%PDF-1.4\n%%EOF\n' });
    expect(real.status, JSON.stringify(real.body)).to.equal(201);
    expect((await r.request('GET', `/zaken/${uuidOf(z.url)}/documenten`)).body.map((d: any) => d.bestandsnaam)).to.deep.equal(['echt.pdf']);
  });

  it('[inwoner:upload] a closed zaak refuses uploads (400 zaak-gesloten)', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    await sluit(zt, z);
    const res = await upload(r, uuidOf(z.url), { name: 'laat.txt', type: 'text/plain', content: 'te laat' });
    expect(res.status, JSON.stringify(res.body)).to.equal(400);
    expect(res.body.code).to.equal('zaak-gesloten');
  });

  it('[inwoner:upload] the virus scan command refuses a file when it exits non-zero (400 virus-gevonden)', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn);
    const cfg = testServer().config.inwoner;
    try {
      cfg.virusScanCommand = 'false';
      const res = await upload(r, uuidOf(z.url), { name: 'eicar.txt', type: 'text/plain', content: 'X5O!P%@AP' });
      expect(res.status, JSON.stringify(res.body)).to.equal(400);
      expect(res.body.code).to.equal('virus-gevonden');
      cfg.virusScanCommand = 'true';
      expect((await upload(r, uuidOf(z.url), { name: 'schoon.txt', type: 'text/plain', content: 'schoon' })).status).to.equal(201);
    } finally {
      cfg.virusScanCommand = undefined;
    }
  });
});
