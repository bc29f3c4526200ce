// "Wie heeft mijn gegevens bekeken": the access log, newest first, filtered by period and applicatie.
import { get } from '../api.js';
import { button, field, h, heading, paragraph, select, table, textbox } from '../dom.js';
import { dagGrens, time } from '../format.js';
import { alleZaken, zaakNaam } from './zaken.js';

const SOORT = { zaken: 'zaak', rollen: 'betrokkene', statussen: 'status', zaakinformatieobjecten: 'document bij zaak', enkelvoudiginformatieobjecten: 'document', zaakobjecten: 'object bij zaak', klantcontacten: 'contact', besluiten: 'besluit' };

export async function inzage() {
  const [zaken, applicaties, eerste] = await Promise.all([alleZaken(), get('applicaties'), get('inzage')]);
  const namen = new Map(zaken.map((z) => [z.uuid, zaakNaam(z)]));
  const lijst = h('div', {});
  const filter = filterForm(applicatieKeuzes(applicaties, eerste.results), (query) => vul(lijst, namen, query, 1, true));
  toon(lijst, namen, eerste, {}, 1);
  return {
    title: 'Wie heeft mijn gegevens bekeken',
    content: h('div', {},
      heading(1, 'Wie heeft mijn gegevens bekeken'),
      paragraph('Hier ziet u welke applicaties en medewerkers uw gegevens hebben bekeken of gewijzigd, en wanneer.'),
      filter, lijst),
  };
}

/** Applicaties from the consent list and from the log itself: both can appear as "who". */
function applicatieKeuzes(applicaties, entries) {
  const seen = new Map(applicaties.map((a) => [a.uuid, a.label]));
  for (const e of entries) if (e.applicatie?.uuid) seen.set(e.applicatie.uuid, e.applicatie.label);
  return [['', 'Alle applicaties'], ...[...seen].sort((a, b) => a[1].localeCompare(b[1], 'nl'))];
}

function filterForm(keuzes, onFilter) {
  const van = textbox({ type: 'date', name: 'van' });
  const tot = textbox({ type: 'date', name: 'tot' });
  const applicatie = select(keuzes, { name: 'applicatie' });
  const form = h('form', { class: 'formulier filter', role: 'search', 'aria-label': 'Filter op periode en applicatie' },
    h('div', { class: 'filter__velden' }, field('Vanaf', van), field('Tot en met', tot), field('Applicatie', applicatie)),
    button('Filteren', { type: 'submit' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onFilter({ van: dagGrens(van.value), tot: dagGrens(tot.value, true), applicatie: applicatie.value || undefined });
  });
  return form;
}

async function vul(container, namen, query, page, focus) {
  const params = new URLSearchParams(Object.entries({ ...query, page }).filter(([, v]) => v !== undefined));
  toon(container, namen, await get(`inzage?${params}`), query, page);
  if (focus) container.querySelector('[tabindex="-1"]')?.focus();
}

function toon(container, namen, data, query, page) {
  if (!data.results.length) {
    container.replaceChildren(h('p', { class: 'utrecht-paragraph', tabindex: '-1' }, 'In deze periode heeft niemand uw gegevens bekeken.'));
    return;
  }
  const t = table(`${data.count} keer bekeken of gewijzigd`, ['Wanneer', 'Wie', 'Wat', 'Welke gegevens', 'Met uw toestemming'],
    data.results.map((e) => [
      time(e.tijdstip, true),
      [e.applicatie?.label || 'Onbekende applicatie', e.gebruiker ? h('span', { class: 'klein' }, h('br'), e.gebruiker) : ''],
      e.actie === 'schrijven' ? 'Gewijzigd' : 'Bekeken',
      h('ul', { class: 'kaal' }, (e.objecten ?? []).map((url) => h('li', {}, objectNaam(url, namen)))),
      e.toestemming ? 'Ja' : 'Nee',
    ]));
  t.querySelector('table').setAttribute('tabindex', '-1');
  container.replaceChildren(t, ...[bladeren(container, namen, data, query, page)].filter(Boolean));
}

/** ".../zaken/{uuid}" → the zaak's name when it is one of his, else the kind of object. */
function objectNaam(url, namen) {
  const m = /\/([a-z]+)\/([0-9a-f-]{36})\/?$/i.exec(url);
  if (!m) return url;
  if (m[1] === 'zaken' && namen.has(m[2])) return `Zaak ${namen.get(m[2])}`;
  return `${SOORT[m[1]] ?? m[1]} ${m[2].slice(0, 8)}`;
}

function bladeren(container, namen, data, query, page) {
  if (!data.next && !data.previous) return null;
  return h('nav', { class: 'utrecht-button-group', 'aria-label': 'Bladeren door het overzicht' },
    data.previous && button('Vorige pagina', { onclick: () => vul(container, namen, query, page - 1, true) }, 'secondary-action'),
    data.next && button('Volgende pagina', { onclick: () => vul(container, namen, query, page + 1, true) }, 'secondary-action'));
}
