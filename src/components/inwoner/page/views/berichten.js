// The secure message thread of one zaak, oldest first, with a form to send a new message.
import { get, post } from '../api.js';
import { button, field, h, heading, paragraph, textarea } from '../dom.js';
import { time } from '../format.js';
import { meld, meldFout } from '../meldingen.js';

export async function berichten(zaak) {
  const lijst = h('div', {});
  await vul(lijst, zaak);
  return h('section', { 'aria-labelledby': 'kop-berichten' },
    heading(2, 'Berichten', { id: 'kop-berichten' }),
    lijst,
    form(zaak, lijst));
}

async function vul(container, zaak) {
  const items = await get(`zaken/${zaak.uuid}/berichten`);
  if (!items.length) return container.replaceChildren(paragraph('Er zijn nog geen berichten over deze zaak.'));
  container.replaceChildren(h('ol', { class: 'berichten' }, items.map((b) => {
    const vanMij = b.afzender === 'inwoner';
    return h('li', { class: `bericht bericht--${vanMij ? 'inwoner' : 'medewerker'}` },
      h('article', { 'aria-label': `Bericht van ${vanMij ? 'u' : b.afzenderNaam || 'de gemeente'}` },
        h('p', { class: 'utrecht-paragraph bericht__kop' },
          h('strong', {}, vanMij ? 'U' : b.afzenderNaam || 'Gemeente'), ' · ', time(b.verzonden, true)),
        h('p', { class: 'utrecht-paragraph bericht__tekst' }, b.tekst)));
  })));
}

function form(zaak, lijst) {
  const tekst = textarea({ name: 'tekst', rows: '4', maxlength: '10000', 'aria-required': 'true' });
  const submit = button('Bericht versturen', { type: 'submit' });
  const el = h('form', { class: 'formulier', 'aria-labelledby': 'kop-nieuw-bericht', novalidate: true },
    heading(3, 'Nieuw bericht', { id: 'kop-nieuw-bericht' }),
    field('Uw bericht', tekst, 'De medewerker die uw zaak behandelt, leest uw bericht.'),
    submit);
  el.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!tekst.value.trim()) {
      tekst.focus();
      return meldFout('Schrijf eerst uw bericht.');
    }
    submit.disabled = true;
    try {
      await post(`zaken/${zaak.uuid}/berichten`, { tekst: tekst.value.trim() });
      el.reset();
      await vul(lijst, zaak);
      meld('Uw bericht is verstuurd.');
    } catch (err) {
      meldFout(`Versturen is niet gelukt: ${err.message}`);
    } finally {
      submit.disabled = false;
    }
  });
  return el;
}
