// "Download al mijn gegevens": the whole dossier as one zip (GET /export), the right of access (AVG art. 15).
import { download } from '../api.js';
import { button, h, heading, paragraph } from '../dom.js';
import { meld, meldFout } from '../meldingen.js';

export async function mijnGegevens() {
  const knop = button('Download al mijn gegevens (zip)', {
    onclick: async () => {
      knop.disabled = true;
      knop.textContent = 'Bezig met samenstellen…';
      try {
        const naam = await download('export', 'mijn-gegevens.zip');
        meld(`Uw gegevens zijn gedownload als ${naam}.`);
      } catch (err) {
        meldFout(`Downloaden is niet gelukt: ${err.message}`);
      } finally {
        knop.disabled = false;
        knop.textContent = 'Download al mijn gegevens (zip)';
      }
    },
  });
  return {
    title: 'Al mijn gegevens',
    content: h('div', {},
      heading(1, 'Al mijn gegevens'),
      paragraph('U heeft het recht om alle gegevens te krijgen die de gemeente over u heeft vastgelegd. Het bestand bevat uw zaken met hun statussen, uw documenten, uw berichten, wie uw gegevens heeft bekeken en uw toestemmingen.'),
      knop),
  };
}
