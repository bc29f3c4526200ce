// Sign-in. In production a DigiD/eHerkenning broker (OpenID Connect) sends the resident back to
// /inwoner/#access_token=…; on a development server the dev issuer hands out a token for a BSN.
import { devIssuerAvailable, devToken, setToken } from '../api.js';
import { button, field, h, heading, paragraph, textbox } from '../dom.js';
import { meldFout } from '../meldingen.js';

const DEMO_BSN = '999993653';

export async function aanmelden(onSignedIn) {
  const dev = await devIssuerAvailable();
  return h('div', {},
    heading(1, 'Inloggen'),
    paragraph('In Mijn dossier ziet u uw zaken bij de gemeente, uw documenten en berichten, en wie uw gegevens heeft bekeken.'),
    dev ? devForm(onSignedIn) : paragraph('Log in via de inlogpagina van uw gemeente. Daarna komt u vanzelf hier terug.'));
}

function devForm(onSignedIn) {
  const bsn = textbox({ name: 'bsn', value: DEMO_BSN, inputmode: 'numeric', pattern: '[0-9]{9}', maxlength: '9', 'aria-required': 'true', autocomplete: 'off' });
  const submit = button('Inloggen', { type: 'submit' });
  const form = h('form', { class: 'formulier', novalidate: true },
    h('div', { class: 'utrecht-alert utrecht-alert--warning' },
      paragraph('Dit is de ontwikkel-inlog: iedereen kan hier inloggen met elk BSN. Gebruik dit nooit met echte gegevens.')),
    field('Burgerservicenummer (BSN)', bsn, '9 cijfers. Ingevuld is de demo-inwoner.'),
    submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!/^\d{9}$/.test(bsn.value)) {
      bsn.setAttribute('aria-invalid', 'true');
      bsn.focus();
      return meldFout('Vul een BSN van 9 cijfers in.');
    }
    bsn.removeAttribute('aria-invalid');
    submit.disabled = true;
    try {
      setToken(await devToken(bsn.value));
      await onSignedIn();
    } catch (err) {
      submit.disabled = false;
      meldFout(`Inloggen is niet gelukt: ${err.message}`);
    }
  });
  return form;
}
