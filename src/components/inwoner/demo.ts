import { randomBytes } from 'node:crypto';
import { mintToken } from '../../auth/token.js';
import { setSecret, upsertApplicatie } from '../../operator/clients.js';
import { zaken } from '../zaken/index.js';
import { documenten } from '../documenten/index.js';
import { addZichtbaarZaaktype } from './zaaktypen.js';
import { plaatsBericht } from './berichten.js';
import { systemCtx } from '../../engine/system.js';
import { call, demoZaaktype, DEMO_ZAAKTYPE, type DemoEnv, type DemoTypes } from './demo-catalogus.js';
import { DEV_ISSUER_PATH } from './signin/dev-issuer.js';

export const DEMO_BSN = '999993653';
export const ZORG_CLIENT = 'zorgplatform-demo';
const BRON = '000000000';

/**
 * The resident's demo dossier (DEMO=true), made once: a zaaktype visible to residents, BSN
 * 999993653 as initiator of an open zaak (two statussen, a document for him, a message) and of a
 * closed one (with resultaat), and a care provider that needs his consent. Returns the lines printed at start.
 */
export async function loadInwonerDemo(env: DemoEnv): Promise<string[]> {
  if (!(await env.db('zaaktype').where({ identificatie: DEMO_ZAAKTYPE }).first())) {
    const types = await demoZaaktype(env);
    await addZichtbaarZaaktype(env.db, DEMO_ZAAKTYPE);
    await demoZaken(env, types);
  }
  const zorg = await zorgplatform(env);
  return printed(env, zorg);
}

async function demoZaken(env: DemoEnv, t: DemoTypes): Promise<void> {
  const open = await demoZaak(env, t, 'Parkeervergunning Dorpsstraat 12', '2026-11-02', [t.statustypen[0], t.statustypen[1]]);
  const doc = await call(env, documenten, 'enkelvoudiginformatieobject_create', {
    bronorganisatie: BRON, creatiedatum: '2026-11-03', titel: 'Ontvangstbevestiging', auteur: 'Team Vergunningen', taal: 'dut', status: 'definitief',
    formaat: 'text/plain', bestandsnaam: 'ontvangstbevestiging.txt', informatieobjecttype: t.informatieobjecttype, tonenAanInitiator: true,
    vertrouwelijkheidaanduiding: 'openbaar',
    inhoud: Buffer.from('Beste inwoner,\n\nWe hebben uw aanvraag voor een parkeervergunning ontvangen.\n\nTeam Vergunningen\n').toString('base64'),
  });
  await call(env, zaken, 'zaakinformatieobject_create', { zaak: open.url, informatieobject: doc.url });
  const ctx = systemCtx(env.db, env.registry, env.config, 'inwoner', 'medewerker_bericht_create', 'demo');
  const row = await env.db('zaak').where({ uuid: open.url.split('/').pop() }).first();
  await plaatsBericht(ctx, row, { afzender: 'medewerker', afzenderNaam: 'Team Vergunningen', tekst: 'We nemen binnen twee weken contact met u op.' });
  const dicht = await demoZaak(env, t, 'Parkeervergunning Kerkplein 3', '2025-06-10', [t.statustypen[0]]);
  await call(env, zaken, 'resultaat_create', { zaak: dicht.url, resultaattype: t.resultaattype, toelichting: 'De vergunning is verleend.' });
  await call(env, zaken, 'status_create', { zaak: dicht.url, statustype: t.statustypen[2], datumStatusGezet: '2025-07-01T10:00:00Z' });
}

async function demoZaak(env: DemoEnv, t: DemoTypes, omschrijving: string, startdatum: string, statustypen: string[]) {
  const zaak = await call(env, zaken, 'zaak_create', { bronorganisatie: BRON, verantwoordelijkeOrganisatie: BRON, zaaktype: t.zaaktype, startdatum, omschrijving });
  await call(env, zaken, 'rol_create', {
    zaak: zaak.url, roltype: t.initiator, betrokkeneType: 'natuurlijk_persoon', roltoelichting: 'Aanvrager',
    betrokkeneIdentificatie: { inpBsn: DEMO_BSN, voornamen: 'Suzanne', geslachtsnaam: 'Moulin' },
  });
  let at = Date.parse(`${startdatum}T09:00:00Z`);
  for (const statustype of statustypen) {
    await call(env, zaken, 'status_create', { zaak: zaak.url, statustype, datumStatusGezet: new Date((at += 86400_000)).toISOString() });
  }
  return zaak;
}

/** "Zorgplatform (demo)": sees a resident's zaken only with his consent. */
async function zorgplatform(env: DemoEnv): Promise<{ secret: string; token: string }> {
  const existing = await env.db('client_credential').where({ client_id: ZORG_CLIENT }).first();
  const secret = existing?.secret ?? randomBytes(24).toString('base64url');
  if (!existing) await setSecret(env.db, ZORG_CLIENT, secret);
  const zaaktype = env.registry.url('zaaktype', (await env.db('zaaktype').where({ identificatie: DEMO_ZAAKTYPE }).first()).uuid);
  await upsertApplicatie(env.db, env.registry, env.config, {
    label: 'Zorgplatform (demo)', clientIds: [ZORG_CLIENT], toestemmingVereist: true,
    autorisaties: [
      { component: 'zrc', scopes: ['zaken.lezen'], zaaktype, maxVertrouwelijkheidaanduiding: 'zaakvertrouwelijk' },
      // The catalogue is not residents' data: the platform may read it (and so `expand=zaaktype`).
      { component: 'ztc', scopes: ['catalogi.lezen'] },
    ],
  });
  return { secret, token: await mintToken(ZORG_CLIENT, secret) };
}

function printed(env: DemoEnv, zorg: { secret: string; token: string }): string[] {
  const base = env.config.baseUrl;
  const signIn = env.config.inwoner.devIssuer
    ? [
      `  Open ${base}/inwoner/ and sign in as BSN ${DEMO_BSN} (development sign-in: ANY BSN works), or with curl:`,
      `  TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"bsn":"${DEMO_BSN}"}' ${base}${DEV_ISSUER_PATH}/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')`,
      `  curl -H "Authorization: Bearer $TOKEN" ${base}/inwoner/api/v1/zaken`,
    ]
    : [`  Residents sign in through ${env.config.inwoner.oidcIssuer ?? '(no issuer configured: set INWONER_OIDC_ISSUER, or INWONER_DEV_ISSUER=true for development)'}`];
  return [
    `Mijn dossier (resident API ${base}/inwoner/api/v1): demo resident BSN ${DEMO_BSN} with 2 zaken`,
    ...signIn,
    `Zorgplatform (demo), sees only what residents consent to: client_id=${ZORG_CLIENT} secret=${zorg.secret}`,
    `  Bearer token: ${zorg.token}`,
  ];
}
