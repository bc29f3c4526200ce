// The Selectielijst (Referentielijsten API) the server under test resolves against: a procestype,
// one of its resultaten with procestermijn "nihil", and a generic resultaattypeomschrijving.
import type { Http } from '../core/http.js';

export interface Selectielijst {
  root: string;
  procestype: string;
  resultaatNihil: string;
  /** A resultaat of another procestype (for procestype-mismatch, ztc-002). */
  resultaatOther?: string;
  omschrijving: string;
}

const results = (body: any): any[] => (Array.isArray(body) ? body : Array.isArray(body?.results) ? body.results : []);

export async function discoverSelectielijst(http: Http, root: string): Promise<Selectielijst> {
  const opts = { as: null } as const; // public API
  const pts = await http.get(`${root}/procestypen`, opts);
  const procestypen = results(pts.body);
  if (pts.status !== 200 || !procestypen.length) throw new Error(`${root}/procestypen answered ${pts.status} with no procestypen`);
  const om = results((await http.get(`${root}/resultaattypeomschrijvingen`, opts)).body);
  if (!om.length) throw new Error(`${root}/resultaattypeomschrijvingen has none`);
  for (const pt of procestypen.slice(0, 8)) {
    const res = results((await http.get(`${root}/resultaten?proces_type=${encodeURIComponent(pt.url)}`, opts)).body);
    const nihil = res.find((r) => r.procestermijn === 'nihil' && r.procesType === pt.url);
    if (!nihil) continue;
    const other = procestypen.find((p) => p.url !== pt.url);
    const otherRes = other ? results((await http.get(`${root}/resultaten?proces_type=${encodeURIComponent(other.url)}`, opts)).body)[0] : undefined;
    return { root, procestype: pt.url, resultaatNihil: nihil.url, resultaatOther: otherRes?.url, omschrijving: om[0].url };
  }
  throw new Error(`no procestype with a resultaat of procestermijn "nihil" among the first ones of ${root}`);
}
