// Small DOM helpers. Every text from the API goes in as a text node, never as HTML: the page keeps
// the resident's token, so nothing it shows may be able to run script.

/** h('p', { class: 'x' }, 'text', child) → an element; attributes `on*` take listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A heading of the Utrecht component library; level 1 gets tabindex -1 so navigation can focus it. */
export function heading(level, text, attrs = {}) {
  const extra = level === 1 ? { tabindex: '-1' } : {};
  return h(`h${level}`, { class: `utrecht-heading-${level}`, ...extra, ...attrs }, text);
}

export const paragraph = (...children) => h('p', { class: 'utrecht-paragraph' }, ...children);

let idCounter = 0;
export const uniqueId = (prefix) => `${prefix}-${++idCounter}`;

/** A labelled form field (utrecht-form-field): label, optional description, the control. */
export function field(label, control, description) {
  control.id ||= uniqueId('veld');
  const descId = description ? `${control.id}-uitleg` : undefined;
  if (descId) control.setAttribute('aria-describedby', descId);
  return h('div', { class: 'utrecht-form-field utrecht-form-field--distanced' },
    h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: control.id }, label)),
    description && h('div', { class: 'utrecht-form-field-description', id: descId }, description),
    h('div', { class: 'utrecht-form-field__input' }, control));
}

export const textbox = (attrs = {}) => h('input', { class: 'utrecht-textbox utrecht-textbox--html-input', type: 'text', ...attrs });
export const textarea = (attrs = {}) => h('textarea', { class: 'utrecht-textarea utrecht-textarea--html-textarea', ...attrs });

export function select(options, attrs = {}) {
  return h('select', { class: 'utrecht-select utrecht-select--html-select', ...attrs },
    options.map(([value, text]) => h('option', { value }, text)));
}

export function button(text, attrs = {}, kind = 'primary-action') {
  return h('button', { class: `utrecht-button utrecht-button--${kind}`, type: 'button', ...attrs }, text);
}

/**
 * A utrecht-table with a caption (rows: arrays of cells, strings or nodes). The caption names the
 * table for screen readers; `verborgen` hides it on screen where the heading above says the same.
 */
export function table(caption, headers, rows, { verborgen = false } = {}) {
  // The container scrolls sideways on a narrow screen: focusable and named, so the keyboard can scroll it.
  return h('div', { class: 'utrecht-table-container utrecht-table-container--overflow-inline', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'utrecht-table utrecht-table--html-table' },
      h('caption', { class: `utrecht-table__caption${verborgen ? ' verborgen' : ''}` }, caption),
      h('thead', { class: 'utrecht-table__header' },
        h('tr', { class: 'utrecht-table__row' }, headers.map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t)))),
      h('tbody', { class: 'utrecht-table__body' },
        rows.map((cells) => h('tr', { class: 'utrecht-table__row' }, cells.map((c) => h('td', { class: 'utrecht-table__cell' }, c)))))));
}

export const statusBadge = (text, kind) => h('span', { class: `utrecht-status-badge utrecht-status-badge--${kind}` }, text);
