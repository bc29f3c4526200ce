// Dates and sizes the Dutch way ("3 maart 2024", "12,5 kB").
const DATUM = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
const TIJDSTIP = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A date (yyyy-mm-dd) or date-time; dates are read as local days, not as UTC midnight. */
export function datum(value) {
  if (!value) return '–';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : DATUM.format(d);
}

export function tijdstip(value) {
  if (!value) return '–';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : TIJDSTIP.format(d);
}

/** A machine-readable <time> for screen readers and copy-paste, shown the Dutch way. */
export function time(value, withTime = false) {
  const el = document.createElement('time');
  if (value) el.dateTime = value;
  el.textContent = withTime ? tijdstip(value) : datum(value);
  return el;
}

export function omvang(bytes) {
  if (bytes === null || bytes === undefined) return '–';
  const units = ['bytes', 'kB', 'MB', 'GB'];
  let n = Number(bytes);
  let i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return `${i === 0 ? n : n.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} ${units[i]}`;
}

/** Today as yyyy-mm-dd in the resident's own time zone (for date inputs). */
export function vandaag() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A date input's day as the start (or the end) of that local day, as an ISO date-time. */
export function dagGrens(day, einde = false) {
  if (!day) return undefined;
  return new Date(`${day}T${einde ? '23:59:59.999' : '00:00:00'}`).toISOString();
}
