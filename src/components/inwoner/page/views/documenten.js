// A zaak's documents: the list with downloads, and (on an open zaak) the upload form.
import { download, get, post } from '../api.js';
import { button, field, h, heading, paragraph, table, textbox } from '../dom.js';
import { omvang, time } from '../format.js';
import { meld, meldFout } from '../meldingen.js';

export async function documenten(zaak) {
  const lijst = h('div', {});
  await vul(lijst, zaak);
  return h('section', { 'aria-labelledby': 'kop-documenten' },
    heading(2, 'Documenten', { id: 'kop-documenten' }),
    lijst,
    zaak.open ? uploadForm(zaak, lijst) : paragraph('Deze zaak is afgerond: u kunt geen documenten meer toevoegen.'));
}

async function vul(container, zaak) {
  const docs = await get(`zaken/${zaak.uuid}/documenten`);
  if (!docs.length) return container.replaceChildren(paragraph('Er zijn nog geen documenten bij deze zaak.'));
  container.replaceChildren(table('Documenten bij deze zaak', ['Document', 'Bestand', 'Grootte', 'Datum', 'Van'],
    docs.map((d) => [downloadLink(d), d.bestandsnaam || '–', omvang(d.bestandsomvang), time(d.creatiedatum), d.auteur || '–']), { verborgen: true }));
}

/** A real link (keyboard, "open in" menus show the target) whose click fetches with the token. */
function downloadLink(d) {
  const a = h('a', { class: 'utrecht-link', href: d.downloadUrl }, d.titel, h('span', { class: 'verborgen' }, ` downloaden (${d.formaat || 'bestand'})`));
  a.addEventListener('click', async (e) => {
    e.preventDefault();
    try {
      const naam = await download(d.downloadUrl, d.bestandsnaam || d.titel);
      meld(`${naam} is gedownload.`);
    } catch (err) {
      meldFout(`Downloaden is niet gelukt: ${err.message}`);
    }
  });
  return a;
}

function uploadForm(zaak, lijst) {
  const bestand = h('input', { type: 'file', name: 'bestand', 'aria-required': 'true', class: 'bestand', accept: '.pdf,.jpg,.jpeg,.png,.txt,application/pdf,image/jpeg,image/png,text/plain' });
  const titel = textbox({ name: 'titel', autocomplete: 'off' });
  const submit = button('Document toevoegen', { type: 'submit' });
  const form = h('form', { class: 'formulier', 'aria-labelledby': 'kop-upload', novalidate: true },
    heading(3, 'Document toevoegen', { id: 'kop-upload' }),
    field('Bestand', bestand, 'PDF, JPG, PNG of tekst, tot 20 MB.'),
    field('Titel (niet verplicht)', titel, 'Als u niets invult, gebruiken we de bestandsnaam.'),
    submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!bestand.files.length) {
      bestand.focus();
      return meldFout('Kies eerst een bestand.');
    }
    const data = new FormData();
    data.append('bestand', bestand.files[0]);
    if (titel.value.trim()) data.append('titel', titel.value.trim());
    submit.disabled = true;
    try {
      const doc = await post(`zaken/${zaak.uuid}/documenten`, data);
      form.reset();
      await vul(lijst, zaak);
      meld(`Het document "${doc.titel}" is toegevoegd.`);
    } catch (err) {
      meldFout(uploadFout(err));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function uploadFout(err) {
  if (err.status === 413) return 'Het bestand is te groot.';
  if (err.status === 415) return 'Dit soort bestand kunt u niet toevoegen. Kies een PDF, JPG, PNG of tekstbestand.';
  if (err.problem?.code === 'virus-gevonden') return 'In het bestand is een virus gevonden. Het is niet toegevoegd.';
  if (err.problem?.code === 'zaak-gesloten') return 'Deze zaak is afgerond: u kunt geen documenten meer toevoegen.';
  return `Toevoegen is niet gelukt: ${err.message}`;
}
