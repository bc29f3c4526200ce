// "Wie mag meekijken": consents the resident grants to care providers' applicaties, and revokes.
import { del, get } from '../api.js';
import { button, h, heading, paragraph, statusBadge, table } from '../dom.js';
import { time } from '../format.js';
import { meld, meldFout } from '../meldingen.js';
import { alleZaken } from './zaken.js';
import { geefForm } from './toestemming-geven.js';

export async function toestemmingen() {
  const [applicaties, zaken] = await Promise.all([get('applicaties'), alleZaken()]);
  const lijst = h('div', {});
  await vul(lijst);
  const refresh = async () => vul(lijst);
  return {
    title: 'Wie mag meekijken',
    content: h('div', {},
      heading(1, 'Wie mag meekijken'),
      paragraph('Sommige organisaties, zoals zorgverleners, mogen uw gegevens alleen zien als u daar toestemming voor geeft. U geeft toestemming voor een periode, en u kunt haar altijd weer intrekken.'),
      h('section', { 'aria-labelledby': 'kop-mijn-toestemmingen' }, heading(2, 'Mijn toestemmingen', { id: 'kop-mijn-toestemmingen' }), lijst),
      geefForm(applicaties, zaken, refresh)),
  };
}

async function vul(container) {
  const items = await get('toestemmingen');
  if (!items.length) return container.replaceChildren(paragraph('U heeft nog niemand toestemming gegeven.'));
  container.replaceChildren(table('Mijn toestemmingen', ['Wie', 'Voor', 'Geldig', 'Status', 'Actie'],
    items.map((t) => [
      t.applicatie?.label ?? '–',
      voor(t),
      [time(t.geldigVan), ' tot ', t.geldigTot ? time(t.geldigTot) : 'ik het intrek'],
      status(t),
      t.actief ? button('Intrekken', { 'aria-label': `Toestemming voor ${t.applicatie?.label} intrekken`, onclick: () => intrekken(t, container) }, 'secondary-action') : '–',
    ]), { verborgen: true }));
}

const voor = (t) => t.zaak
  ? `Zaak ${t.zaak.omschrijving || ''} (${t.zaak.identificatie})`
  : `Al mijn zaken van de soort ${t.zaaktype?.omschrijving ?? '?'}`;

function status(t) {
  if (t.ingetrokkenOp) return h('span', {}, statusBadge('Ingetrokken', 'inactive'), ' op ', time(t.ingetrokkenOp));
  if (t.actief) return statusBadge('Actief', 'success');
  return statusBadge(new Date(t.geldigVan) > new Date() ? 'Nog niet geldig' : 'Verlopen', 'neutral');
}

async function intrekken(t, container) {
  // A native confirm: keyboard and screen reader friendly, and revoking cannot be undone.
  if (!confirm(`Wilt u de toestemming voor ${t.applicatie?.label} intrekken?`)) return;
  try {
    await del(`toestemmingen/${t.uuid}`);
    await vul(container);
    container.querySelector('table')?.setAttribute('tabindex', '-1');
    container.querySelector('table')?.focus();
    meld(`De toestemming voor ${t.applicatie?.label} is ingetrokken.`);
  } catch (err) {
    meldFout(`Intrekken is niet gelukt: ${err.message}`);
  }
}
