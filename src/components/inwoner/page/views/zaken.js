// "Mijn zaken": the resident's zaken, newest first, a page of 20 at a time.
import { get } from '../api.js';
import { button, h, heading, paragraph, statusBadge, table } from '../dom.js';
import { time } from '../format.js';

const PAGE_SIZE = 20;

export async function mijnZaken() {
  const mij = await get('mij');
  const lijst = h('div', {});
  await vulLijst(lijst, 1);
  return {
    title: 'Mijn zaken',
    content: h('div', {},
      heading(1, 'Mijn zaken'),
      paragraph(`U bent ingelogd met BSN ${mij.bsn}. Hieronder staan de zaken die u bij de gemeente heeft aangevraagd of gemeld.`),
      lijst),
  };
}

async function vulLijst(container, page) {
  const data = await get(`zaken?page=${page}&pageSize=${PAGE_SIZE}`);
  if (!data.results.length) {
    container.replaceChildren(paragraph('U heeft nog geen zaken.'));
    return;
  }
  const rows = data.results.map((z) => [
    h('a', { class: 'utrecht-link', href: `#/zaken/${z.uuid}` }, z.omschrijving || z.zaaktype?.omschrijving || z.identificatie),
    z.identificatie,
    z.zaaktype?.omschrijving ?? '–',
    statusCel(z),
    time(z.startdatum),
    z.open ? (z.einddatumGepland ? time(z.einddatumGepland) : 'Nog niet bekend') : h('span', {}, 'Afgerond op ', time(z.einddatum)),
    z.resultaat?.omschrijving ?? (z.open ? 'Nog niet bekend' : '–'),
  ]);
  const van = (page - 1) * PAGE_SIZE + 1;
  container.replaceChildren(
    table(caption(data, van),
      ['Zaak', 'Zaaknummer', 'Soort zaak', 'Status', 'Gestart op', 'Verwacht klaar', 'Resultaat'], rows),
    ...[bladeren(container, page, data)].filter(Boolean));
}

function caption(data, van) {
  if (data.count === 1) return '1 zaak';
  if (!data.next && !data.previous) return `${data.count} zaken`;
  return `Zaken ${van} tot en met ${van + data.results.length - 1} van ${data.count}`;
}

export function statusCel(z) {
  const tekst = z.status?.omschrijving ?? 'Ontvangen';
  return h('span', {}, statusBadge(z.open ? 'Lopend' : 'Afgerond', z.open ? 'active' : 'neutral'), ' ', tekst);
}

/** Previous/next page buttons; the focus goes to the table so the keyboard stays with the list. */
function bladeren(container, page, data) {
  if (!data.next && !data.previous) return null;
  const go = async (p) => {
    await vulLijst(container, p);
    container.querySelector('table')?.setAttribute('tabindex', '-1');
    container.querySelector('table')?.focus();
  };
  return h('nav', { class: 'utrecht-button-group', 'aria-label': 'Bladeren door mijn zaken' },
    data.previous && button('Vorige pagina', { onclick: () => go(page - 1) }, 'secondary-action'),
    data.next && button('Volgende pagina', { onclick: () => go(page + 1) }, 'secondary-action'));
}

/** Up to 500 of his zaken, for the pickers and for naming zaken in the access log. */
export async function alleZaken() {
  const zaken = [];
  for (let page = 1; page <= 5; page++) {
    const data = await get(`zaken?page=${page}&pageSize=100`);
    zaken.push(...data.results);
    if (!data.next) break;
  }
  return zaken;
}

export const zaakNaam = (z) => `${z.omschrijving || z.zaaktype?.omschrijving || 'Zaak'} (${z.identificatie})`;
