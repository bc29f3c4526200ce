import { expect } from 'chai';
import { testServer } from '../../support/server.js';
import { bsnVault } from '../../../src/privacy/bsn.js';
import { INW, document, freshBsn, resident, uuidOf, zaak, zaaktype } from './fixtures.js';
import { unzip } from './unzip.js';

describe('[inwoner:export] everything stored about me as a zip', () => {
  it('[inwoner:export] zaken with statussen and berichten, rollen, documents with their contents, access log and consents', async () => {
    const zt = await zaaktype();
    const r = await resident();
    const z = await zaak(zt, r.bsn, { statussen: [zt.ontvangen, zt.inBehandeling] });
    await zaak(zt, freshBsn(), { omschrijving: 'Van een ander' });
    const doc = await document(zt, z, { inhoud: 'De inhoud van het besluit' });
    await r.request('POST', `/zaken/${uuidOf(z.url)}/berichten`, { tekst: 'Vraag' });
    const { db, config } = testServer();
    const hash = bsnVault(config).hash(r.bsn);
    await db('inzage').insert({ bsn_hashes: [hash], tijdstip: new Date(), applicatie_weergave: 'Zaaksysteem', api: 'zaken', operatie: 'zaak_retrieve', actie: 'lezen', objecten: JSON.stringify([z.url]) });
    const res = await fetch(`${testServer().url}${INW}/export`, { headers: { Authorization: `Bearer ${r.token}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/zip');
    expect(res.headers.get('content-disposition')).to.match(/^attachment; filename="mijn-dossier-/);
    const files = unzip(Buffer.from(await res.arrayBuffer()));
    const read = (name: string) => JSON.parse(files.get(name)!.toString('utf8'));
    expect(read('mij.json').bsn).to.equal(r.bsn);
    const zaken = read('zaken.json');
    expect(zaken.map((x: any) => x.uuid)).to.deep.equal([uuidOf(z.url)]);
    expect(zaken[0].statussen.map((s: any) => s.omschrijving)).to.deep.equal(['Ontvangen', 'In behandeling']);
    expect(zaken[0].berichten.map((b: any) => b.tekst)).to.deep.equal(['Vraag']);
    const rollen = read('rollen.json');
    expect(rollen[0]).to.deep.include({ zaak: uuidOf(z.url), omschrijvingGeneriek: 'initiator' });
    expect(rollen[0].betrokkeneIdentificatie.inpBsn).to.equal(r.bsn);
    const documenten = read('documenten.json');
    expect(documenten[0].uuid).to.equal(uuidOf(doc.url));
    expect(files.get(documenten[0].bestand)!.toString('utf8')).to.equal('De inhoud van het besluit');
    expect(read('inzage.json')[0].objecten).to.deep.equal([z.url]);
    expect(read('toestemmingen.json')).to.deep.equal([]);
  });

  it('[inwoner:export] without a token 401', async () => {
    expect((await fetch(`${testServer().url}${INW}/export`)).status).to.equal(401);
  });
});
