// Status messages in the page's two live regions (both in index.html from the start, so screen
// readers watch them): polite for "saved", assertive for errors.
const region = (kind) => document.getElementById(kind === 'error' ? 'fouten' : 'meldingen');

export function meld(text, kind = 'ok') {
  wis();
  const el = region(kind);
  // Filled a moment later: some screen readers miss a change made in the same task as a re-render.
  setTimeout(() => { el.textContent = text; }, 50);
}

export const meldFout = (text) => meld(text, 'error');

export function wis() {
  region('ok').textContent = '';
  region('error').textContent = '';
}
