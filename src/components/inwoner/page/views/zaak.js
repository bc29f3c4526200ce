// One zaak: its facts, the status timeline, documents and the message thread.
import { get } from '../api.js';
import { h, heading, paragraph } from '../dom.js';
import { time } from '../format.js';
import { statusCel } from './zaken.js';
import { documenten } from './documenten.js';
import { berichten } from './berichten.js';

export async function zaakDetail(uuid) {
  const zaak = await get(`zaken/${uuid}`);
  const titel = zaak.omschrijving || zaak.zaaktype?.omschrijving || zaak.identificatie;
  return {
    title: titel,
    content: h('div', {},
      h('p', { class: 'utrecht-paragraph terug' }, h('a', { class: 'utrecht-link', href: '#/' }, 'Terug naar mijn zaken')),
      heading(1, titel),
      gegevens(zaak),
      h('section', { 'aria-labelledby': 'kop-voortgang' }, heading(2, 'Voortgang', { id: 'kop-voortgang' }), tijdlijn(zaak)),
      await documenten(zaak),
      await berichten(zaak)),
  };
}

function gegevens(z) {
  const rij = (term, waarde) => [h('dt', { class: 'utrecht-data-list__item-key' }, term), h('dd', { class: 'utrecht-data-list__item-value' }, waarde)];
  return h('dl', { class: 'utrecht-data-list gegevens' },
    rij('Zaaknummer', z.identificatie),
    rij('Soort zaak', z.zaaktype?.omschrijving ?? '–'),
    rij('Status', statusCel(z)),
    rij('Gestart op', time(z.startdatum)),
    z.open && rij('Verwacht klaar', z.einddatumGepland ? time(z.einddatumGepland) : 'Nog niet bekend'),
    z.open && z.uiterlijkeEinddatumAfdoening && rij('Uiterlijk klaar', time(z.uiterlijkeEinddatumAfdoening)),
    !z.open && rij('Afgerond op', time(z.einddatum)),
    z.resultaat && rij('Resultaat', [z.resultaat.omschrijving, z.resultaat.toelichting ? ` – ${z.resultaat.toelichting}` : '']));
}

/** The statussen oldest first; the last one is where the zaak is now (aria-current="step"). */
function tijdlijn(z) {
  const statussen = z.statussen ?? [];
  if (!statussen.length) return paragraph('Uw aanvraag is ontvangen. Er is nog geen status gezet.');
  return h('ol', { class: 'tijdlijn' },
    statussen.map((s, i) => {
      const huidig = i === statussen.length - 1;
      return h('li', { class: `tijdlijn__stap${huidig ? ' tijdlijn__stap--huidig' : ''}`, 'aria-current': huidig ? 'step' : null },
        h('p', { class: 'utrecht-paragraph tijdlijn__titel' }, h('strong', {}, s.omschrijving), huidig ? ' (huidige status)' : ''),
        h('p', { class: 'utrecht-paragraph utrecht-paragraph--small' }, time(s.datumStatusGezet, true)),
        s.statustekst && paragraph(s.statustekst));
    }));
}
