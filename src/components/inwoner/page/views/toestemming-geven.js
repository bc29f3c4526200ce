// The form to grant a consent: which applicatie, for one zaak or a zaaktype, for which period.
import { post } from '../api.js';
import { button, field, h, heading, paragraph, select, textbox, uniqueId } from '../dom.js';
import { dagGrens, vandaag } from '../format.js';
import { meld, meldFout } from '../meldingen.js';
import { zaakNaam } from './zaken.js';

export function geefForm(applicaties, zaken, refresh) {
  const section = h('section', { 'aria-labelledby': 'kop-geven' }, heading(2, 'Toestemming geven', { id: 'kop-geven' }));
  if (!applicaties.length || !zaken.length) {
    section.append(paragraph(applicaties.length
      ? 'U heeft nog geen zaken waarvoor u toestemming kunt geven.'
      : 'Er zijn geen organisaties die om uw toestemming vragen.'));
    return section;
  }
  // The zaaktype's URL is what a consent names; offer the soorten whose URL the zaken carry.
  const soorten = new Map(zaken.filter((z) => z.zaaktype?.url).map((z) => [z.zaaktype.url, z.zaaktype.omschrijving]));
  const applicatie = select(applicaties.map((a) => [a.uuid, a.label]), { name: 'applicatie' });
  const zaak = select(zaken.map((z) => [z.uuid, zaakNaam(z)]), { name: 'zaak' });
  const zaaktype = select([...soorten], { name: 'zaaktype' });
  const van = textbox({ type: 'date', name: 'geldigVan', value: vandaag(), 'aria-required': 'true' });
  const tot = textbox({ type: 'date', name: 'geldigTot' });
  const keuze = reikwijdte(zaak, zaaktype, soorten.size > 0);

  const submit = button('Toestemming geven', { type: 'submit' });
  const form = h('form', { class: 'formulier', novalidate: true },
    field('Wie mag meekijken', applicatie), keuze.fieldset,
    field('Geldig vanaf', van), field('Geldig tot en met (niet verplicht)', tot, 'Leeg laten: geldig tot u de toestemming intrekt.'),
    submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (tot.value && tot.value < van.value) {
      tot.setAttribute('aria-invalid', 'true');
      tot.focus();
      return meldFout('De einddatum ligt vóór de begindatum.');
    }
    tot.removeAttribute('aria-invalid');
    const body = { applicatie: applicatie.value, geldigVan: dagGrens(van.value), geldigTot: dagGrens(tot.value, true) };
    if (keuze.zaakGekozen()) body.zaak = zaak.value;
    else body.zaaktype = zaaktype.value;
    submit.disabled = true;
    try {
      await post('toestemmingen', body);
      await refresh();
      meld(`${applicatie.selectedOptions[0].text} mag nu meekijken.`);
    } catch (err) {
      meldFout(`Toestemming geven is niet gelukt: ${err.message}`);
    } finally {
      submit.disabled = false;
    }
  });
  section.append(form);
  return section;
}

/**
 * Radio buttons "één zaak" / "alle zaken van een soort", each showing its own picker. Without a
 * zaaktype URL on his zaken (the API's zaak names only the omschrijving) only the zaak picker shows.
 */
function reikwijdte(zaak, zaaktype, soortMogelijk) {
  if (!soortMogelijk) return { fieldset: field('Voor welke zaak', zaak), zaakGekozen: () => true };
  const name = uniqueId('reikwijdte');
  const radio = (value, label, checked, disabled) => {
    const input = h('input', { type: 'radio', name, value, id: `${name}-${value}`, class: 'utrecht-radio-button utrecht-radio-button--html-input', checked, disabled });
    return { input, el: h('div', { class: 'utrecht-form-field utrecht-form-field--radio' },
      input, ' ', h('label', { class: 'utrecht-form-label utrecht-form-label--radio', for: input.id }, label)) };
  };
  const eenZaak = radio('zaak', 'Eén zaak', true, false);
  const soort = radio('zaaktype', 'Al mijn zaken van één soort', false, false);
  const zaakVeld = field('Zaak', zaak);
  const soortVeld = field('Soort zaak', zaaktype);
  soortVeld.hidden = true;
  const wissel = () => { zaakVeld.hidden = !eenZaak.input.checked; soortVeld.hidden = eenZaak.input.checked; };
  eenZaak.input.addEventListener('change', wissel);
  soort.input.addEventListener('change', wissel);
  const fieldset = h('fieldset', { class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset' },
    h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, 'Waarvoor'),
    eenZaak.el, soort.el, zaakVeld, soortVeld);
  return { fieldset, zaakGekozen: () => eenZaak.input.checked };
}
