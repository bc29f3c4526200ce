// "Mijn dossier": sign-in, then a view per hash route. Each view is a module that returns its
// content; this file swaps it into <main>, sets the title and moves the focus to the new h1.
import { clearToken, setToken, token, tokenSecondsLeft, whenUnauthorized } from './api.js';
import { meld, meldFout, wis } from './meldingen.js';
import { aanmelden } from './views/aanmelden.js';
import { mijnZaken } from './views/zaken.js';
import { zaakDetail } from './views/zaak.js';
import { inzage } from './views/inzage.js';
import { toestemmingen } from './views/toestemmingen.js';
import { mijnGegevens } from './views/gegevens.js';

const ROUTES = [
  [/^#?\/?$/, () => mijnZaken(), 'zaken'],
  [/^#\/zaken\/([0-9a-f-]{36})$/i, (m) => zaakDetail(m[1]), 'zaken'],
  [/^#\/inzage$/, () => inzage(), 'inzage'],
  [/^#\/toestemmingen$/, () => toestemmingen(), 'toestemmingen'],
  [/^#\/gegevens$/, () => mijnGegevens(), 'gegevens'],
];

const main = document.getElementById('inhoud');
const nav = document.getElementById('menu');

/** A real OpenID Connect broker returns to /inwoner/#access_token=…; take it and clean the URL. */
function tokenFromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  const value = params.get('access_token');
  const error = params.get('error');
  if (!value && !error) return;
  if (value) setToken(value);
  history.replaceState(null, '', location.pathname + location.search + '#/');
  if (error) setTimeout(() => meldFout(`Inloggen is niet gelukt: ${params.get('error_description') || error}`), 0);
}

async function show(focus) {
  const aangemeld = Boolean(token()) && tokenSecondsLeft() > 0;
  document.body.classList.toggle('aangemeld', aangemeld);
  nav.hidden = !aangemeld;
  if (!aangemeld) {
    clearToken();
    return render(await aanmelden(signedIn), 'Inloggen', focus);
  }
  const route = ROUTES.find(([re]) => re.test(location.hash || '#/'));
  if (!route) return render(notFound(), 'Pagina niet gevonden', focus);
  markCurrent(route[2]);
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(loading());
  try {
    const view = await route[1](location.hash.match(route[0]));
    render(view.content, view.title, focus);
  } catch (err) {
    if (err?.status === 401) return; // signOut (whenUnauthorized) shows the sign-in screen
    render(failed(err), 'Er ging iets mis', focus);
  } finally {
    main.removeAttribute('aria-busy');
  }
}

async function signedIn() {
  history.replaceState(null, '', location.pathname + location.search + '#/');
  await show(true);
  meld('U bent ingelogd.');
}

function render(content, title, focus) {
  main.replaceChildren(content);
  document.title = `${title} – Mijn dossier`;
  // Focus the new page's heading on navigation, so a screen reader announces where we are and
  // the keyboard continues from the top of the content; not on the first load.
  if (focus) main.querySelector('h1')?.focus();
}

function markCurrent(name) {
  for (const a of nav.querySelectorAll('a')) {
    if (a.dataset.route === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function loading() {
  const p = document.createElement('p');
  p.className = 'utrecht-paragraph';
  p.textContent = 'Bezig met laden…';
  return p;
}

function notFound() {
  const div = document.createElement('div');
  div.innerHTML = '<h1 class="utrecht-heading-1" tabindex="-1">Pagina niet gevonden</h1><p class="utrecht-paragraph"><a class="utrecht-link" href="#/">Naar mijn zaken</a></p>';
  return div;
}

function failed(err) {
  const div = document.createElement('div');
  div.innerHTML = '<h1 class="utrecht-heading-1" tabindex="-1">Er ging iets mis</h1><div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph"></p></div><p class="utrecht-paragraph"><a class="utrecht-link" href="#/">Naar mijn zaken</a></p>';
  div.querySelector('.utrecht-alert p').textContent = err?.status === 404 ? 'Deze gegevens zijn niet gevonden.' : `Het laden is niet gelukt: ${err?.message ?? err}`;
  return div;
}

async function signOut(message) {
  clearToken();
  history.replaceState(null, '', location.pathname + location.search + '#/'); // no hashchange: we render here
  await show(true);
  if (message) meld(message);
}

whenUnauthorized(() => signOut('Uw sessie is verlopen. Log opnieuw in.'));
document.getElementById('uitloggen').addEventListener('click', () => signOut('U bent uitgelogd.'));
// The skip link must not change the hash: that is the router's.
document.getElementById('naar-inhoud').addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', () => {
  wis();
  tokenFromFragment(); // also when the broker returns to an already open page
  show(true);
});
tokenFromFragment();
show(false);
