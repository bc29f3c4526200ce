/**
 * "Mijn dossier" in a real browser (Debian's chromium through playwright-core): a resident signs
 * in with the development issuer, sees his zaak, uploads a document, sends a message, sees a
 * professional's read in "who looked", grants and revokes a consent, downloads his data. Every
 * screen is checked for accessibility and saved to test-output/screenshots/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { client, testServer, type TestClient } from '../support/server.js';
import { upsertApplicatie } from '../../src/operator/clients.js';
import { document as maakDocument, freshBsn, resident, sluit, zaak as maakZaak, zaaktype } from '../integration/inwoner/fixtures.js';
import { a11yProblems } from './a11y.js';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = 'test-output/screenshots';
const WAIT = { timeout: 15_000 };

describe('[inwoner:page] Mijn dossier in a real browser', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  let zaak: Record<string, any>;
  let medewerker: TestClient;
  let zorg: TestClient;
  const bsn = freshBsn();
  const base = () => `${testServer().url}/inwoner/`;

  before(async function () {
    this.timeout(120_000);
    if (!existsSync(CHROMIUM)) {
      const why = `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH`;
      // CI must run the page test; on a developer's machine without a browser it is skipped, saying why.
      if (process.env.CI) throw new Error(why);
      console.error(`[inwoner:page] skipped: ${why}`);
      this.skip();
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true, locale: 'nl-NL' });
    page.on('pageerror', (err) => { throw err; });
    mkdirSync(SHOTS, { recursive: true });

    // His zaak (a zaaktype visible to residents), two statussen and a letter from the municipality.
    const zt = await zaaktype();
    zaak = await maakZaak(zt, bsn, { omschrijving: 'Aanvraag parkeervergunning', statussen: [zt.ontvangen, zt.inBehandeling] });
    await maakDocument(zt, zaak, { titel: 'Ontvangstbevestiging', inhoud: 'Wij hebben uw aanvraag ontvangen.' });
    await sluit(zt, await maakZaak(zt, bsn, { omschrijving: 'Melding losliggende stoeptegel', startdatum: '2026-01-10' }));
    medewerker = await client({ claims: { user_id: 'jdevries', user_representation: 'J. de Vries' } });
    await benoem(medewerker, 'Zaaksysteem gemeente');
    // A care provider's applicatie sees only what residents grant it: it is offered in "Wie mag meekijken".
    zorg = await client();
    await benoem(zorg, 'Huisartsenpraktijk De Linde', true);
  });

  /** The names a resident reads in "who looked" and "who may look" (and in the screenshots). */
  async function benoem(c: TestClient, label: string, toestemmingVereist = false) {
    const { db, registry, config } = testServer();
    await upsertApplicatie(db, registry, config, { label, clientIds: [c.clientId], heeftAlleAutorisaties: true, autorisaties: [], toestemmingVereist });
  }

  after(async () => {
    await browser?.close();
  });

  async function screen(name: string, opts: { signedIn?: boolean } = {}) {
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    expect(await a11yProblems(page, opts), `accessibility of ${name}`).to.deep.equal([]);
  }

  const focusedHeading = () => page.evaluate(() => (document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null));
  const melding = (text: string | RegExp) => page.locator('#meldingen', { hasText: text }).waitFor(WAIT);

  it('[inwoner:page] signs in with the development issuer and sees his zaken with status and result', async () => {
    await page.goto(base());
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor(WAIT);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent), 'the skip link comes first').to.equal('Direct naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id), 'and moves the focus to main').to.equal('inhoud');
    const veld = page.getByLabel('Burgerservicenummer (BSN)');
    expect(await veld.inputValue(), 'prefilled with the demo resident').to.equal('999993653');
    await screen('01-inloggen', { signedIn: false });
    await veld.fill(bsn);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const rij = page.getByRole('row', { name: /Aanvraag parkeervergunning/ });
    await rij.waitFor(WAIT);
    expect(await rij.textContent()).to.contain(zaak.identificatie).and.to.contain('In behandeling').and.to.contain('Nog niet bekend');
    const gesloten = await page.getByRole('row', { name: /Melding losliggende stoeptegel/ }).textContent();
    expect(gesloten).to.contain('Afgerond').and.to.contain('Verleend');
    expect(await page.evaluate(() => sessionStorage.getItem('inwoner.token')), 'token kept in sessionStorage').to.match(/^ey/);
    expect(await focusedHeading()).to.equal('Mijn zaken');
    await screen('02-mijn-zaken');
  });

  it('[inwoner:page] opens the zaak by keyboard and sees the status timeline', async () => {
    await page.getByRole('link', { name: 'Aanvraag parkeervergunning' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Voortgang' }).waitFor(WAIT);
    expect(await focusedHeading(), 'focus moves to the new page heading').to.equal('Aanvraag parkeervergunning');
    expect(await page.locator('.tijdlijn li').allTextContents()).to.have.length(2);
    expect(await page.locator('.tijdlijn [aria-current="step"]').textContent()).to.contain('In behandeling');
    expect(await page.title()).to.equal('Aanvraag parkeervergunning – Mijn dossier');
  });

  it('[inwoner:page] uploads a document and downloads it again with the bearer token', async () => {
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'brief.txt', mimeType: 'text/plain', buffer: Buffer.from('Geachte gemeente, hierbij mijn brief.') });
    await page.getByLabel('Titel (niet verplicht)').fill('Mijn brief');
    await page.getByRole('button', { name: 'Document toevoegen' }).click();
    await melding('Het document "Mijn brief" is toegevoegd.');
    const link = page.getByRole('link', { name: /Mijn brief/ });
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), link.click()]);
    expect(download.suggestedFilename()).to.equal('brief.txt');
    expect(readFileSync((await download.path())!, 'utf8')).to.equal('Geachte gemeente, hierbij mijn brief.');
  });

  it('[inwoner:page] sends a message that the professional reads and answers', async () => {
    await page.getByRole('textbox', { name: 'Uw bericht' }).fill('Wanneer hoor ik iets over mijn aanvraag?');
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    await melding('Uw bericht is verstuurd.');
    const pad = `/inwoner/api/v1/medewerker/zaken/${zaak.uuid}/berichten`;
    const gelezen = await medewerker.request('GET', pad);
    expect(gelezen.status, JSON.stringify(gelezen.body)).to.equal(200);
    expect(gelezen.body.map((b: any) => b.tekst)).to.include('Wanneer hoor ik iets over mijn aanvraag?');
    const antwoord = await medewerker.request('POST', pad, { tekst: 'Binnen twee weken hoort u van ons.', afzenderNaam: 'Team Parkeren' });
    expect(antwoord.status, JSON.stringify(antwoord.body)).to.equal(201);
    await page.reload();
    await page.locator('.bericht--medewerker', { hasText: 'Binnen twee weken hoort u van ons.' }).waitFor(WAIT);
    expect(await page.locator('.bericht--inwoner').textContent()).to.contain('Wanneer hoor ik iets over mijn aanvraag?');
    await screen('03-zaak');
  });

  it('[inwoner:page] sees a professional\'s read of his zaak in "Wie heeft mijn gegevens bekeken"', async () => {
    const read = await medewerker.request('GET', `/zaken/api/v1/zaken/${zaak.uuid}`);
    expect(read.status).to.equal(200);
    await page.getByRole('link', { name: 'Wie heeft mijn gegevens bekeken' }).click();
    // His messages were read and answered too (medewerker rows); the zaak read is a 'Bekeken' row.
    const rij = page.getByRole('row', { name: new RegExp('Zaaksysteem gemeente') }).filter({ hasText: 'Bekeken' }).first();
    await rij.waitFor(WAIT);
    expect(await rij.textContent()).to.contain('Bekeken').and.to.contain('Aanvraag parkeervergunning');
    expect(await focusedHeading()).to.equal('Wie heeft mijn gegevens bekeken');
    await page.getByRole('combobox', { name: 'Applicatie' }).selectOption({ label: 'Zaaksysteem gemeente' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForFunction((label) => [...document.querySelectorAll('tbody tr')].every((tr) => tr.textContent!.includes(label)), 'Zaaksysteem gemeente', WAIT);
    await screen('04-wie-heeft-bekeken');
    const morgen = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Vanaf').fill(morgen);
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('In deze periode heeft niemand uw gegevens bekeken.').waitFor(WAIT);
  });

  it('[inwoner:page] grants a consent to a care provider for his zaak and revokes it', async () => {
    await page.getByRole('link', { name: 'Wie mag meekijken' }).click();
    await page.getByRole('heading', { level: 2, name: 'Toestemming geven' }).waitFor(WAIT);
    await page.getByLabel('Wie mag meekijken').selectOption({ label: 'Huisartsenpraktijk De Linde' });
    await page.getByLabel('Zaak', { exact: true }).selectOption(zaak.uuid);
    await page.getByRole('button', { name: 'Toestemming geven' }).click();
    await melding('Huisartsenpraktijk De Linde mag nu meekijken.');
    const rij = page.getByRole('row', { name: /Huisartsenpraktijk De Linde/ });
    expect(await rij.textContent()).to.contain('Actief').and.to.contain(zaak.identificatie);
    await screen('05-wie-mag-meekijken');
    page.once('dialog', (d) => d.accept());
    await rij.getByRole('button', { name: 'Toestemming voor Huisartsenpraktijk De Linde intrekken' }).click();
    await melding('De toestemming voor Huisartsenpraktijk De Linde is ingetrokken.');
    expect(await rij.textContent()).to.contain('Ingetrokken');
    await screen('06-ingetrokken');
  });

  it('[inwoner:page] grants a consent for all his zaken of one soort', async () => {
    await page.getByLabel('Wie mag meekijken').selectOption({ label: 'Huisartsenpraktijk De Linde' });
    await page.getByLabel('Al mijn zaken van één soort').check();
    await page.getByLabel('Soort zaak').selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Toestemming geven' }).click();
    await melding('Huisartsenpraktijk De Linde mag nu meekijken.');
    const soort = page.getByRole('row', { name: /Huisartsenpraktijk De Linde/ }).filter({ hasText: 'Actief' });
    expect(await soort.count()).to.equal(1);
  });

  it('[inwoner:page] downloads all his data as one zip', async () => {
    await page.getByRole('link', { name: 'Al mijn gegevens' }).click();
    const knop = page.getByRole('button', { name: 'Download al mijn gegevens (zip)' });
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), knop.click()]);
    expect(readFileSync((await download.path())!).subarray(0, 2).toString()).to.equal('PK');
    await melding(/Uw gegevens zijn gedownload/);
    await screen('07-al-mijn-gegevens');
  });

  it('[inwoner:page] signs out, and signs in again with a token in the URL fragment (an OpenID Connect broker)', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor(WAIT);
    await melding('U bent uitgelogd.');
    expect(await page.evaluate(() => sessionStorage.getItem('inwoner.token'))).to.equal(null);
    const { token } = await resident(bsn);
    await page.goto(`${base()}#access_token=${token}&token_type=Bearer`);
    await page.getByRole('row', { name: /Aanvraag parkeervergunning/ }).waitFor(WAIT);
    expect(new URL(page.url()).hash, 'the token does not stay in the address bar').to.equal('#/');
  });

  it('[inwoner:page] a token the server refuses leads back to the sign-in, saying why', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const vals = `eyJhbGciOiJFUzI1NiJ9.${Buffer.from(JSON.stringify({ bsn, exp })).toString('base64url')}.x`;
    await page.evaluate((t) => sessionStorage.setItem('inwoner.token', t), vals);
    await page.getByRole('link', { name: 'Wie mag meekijken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor(WAIT);
    await melding('Uw sessie is verlopen. Log opnieuw in.');
  });
});
