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
  /** The nihil resultaat itself (waardering, bewaartermijn: the defaults of ztc-002). */
  nihil: { url: string; waardering?: string; bewaartermijn?: string };
  /** A resultaat with procestermijn ingeschatte_bestaansduur_procesobject and its procestype (ztc-003), when the list has one. */
  ingeschat?: { url: string; procesType: string };
  /** A resultaat of the same procestype whose procestermijn pins no afleidingswijze (ztc-004…008 "required" halves). */
  free?: string;
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
    const free = res.find((r) => r.procesType === pt.url && r.procestermijn !== 'nihil' && r.procestermijn !== 'ingeschatte_bestaansduur_procesobject')?.url;
    let otherRes: any;
    for (const other of procestypen.filter((p) => p.url !== pt.url && p.jaar === pt.jaar).slice(0, 5)) {
      otherRes = results((await http.get(`${root}/resultaten?proces_type=${encodeURIComponent(other.url)}`, opts)).body)[0];
      if (otherRes) break;
    }
    return {
      root, procestype: pt.url, resultaatNihil: nihil.url, resultaatOther: otherRes?.url, omschrijving: om[0].url,
      nihil: { url: nihil.url, waardering: nihil.waardering, bewaartermijn: nihil.bewaartermijn }, ingeschat: await findIngeschat(http, root), free,
    };
  }
  throw new Error(`no procestype with a resultaat of procestermijn "nihil" among the first ones of ${root}`);
}

/** Walks the resultaten (a few pages at most) for one with procestermijn ingeschatte_bestaansduur_procesobject. */
async function findIngeschat(http: Http, root: string): Promise<Selectielijst['ingeschat']> {
  let url: string | null = `${root}/resultaten`;
  for (let page = 0; url && page < 10; page++) {
    const res = await http.get(url, { as: null });
    const hit = results(res.body).find((r) => r.procestermijn === 'ingeschatte_bestaansduur_procesobject' && r.procesType);
    if (hit) return { url: hit.url, procesType: hit.procesType };
    url = typeof res.body?.next === 'string' ? res.body.next : null;
  }
  return undefined;
}
