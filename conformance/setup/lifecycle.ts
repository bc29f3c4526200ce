// The life-cycle catalogue (zrc-007/008, zrc-021, zrc-022): one published zaaktype with two
// statustypen (the second, highest volgnummer, closes a zaak), a roltype, a date eigenschap, and a
// resultaattype per afleidingswijze the tests derive an archiefactiedatum for: afgehandeld,
// eigenschap (the date eigenschap), ander_datumkenmerk (left to the client) and the ones that read
// other objects (hoofdzaak, termijn, gerelateerde_zaak, zaakobject, ingangsdatum_besluit,
// vervaldatum_besluit; each optional: a server refusing one skips only its tests). It has two
// productenOfDiensten (zrc-015) and a besluittype of its own (the besluit dates; brc-007 needs the
// run's published besluittype to stay outside it). Plus a published informatieobjecttype that is NOT
// one of its informatieobjecttypen (zrc-017).
import type { CatalogiBodies } from './catalogi.js';
import { createOrThrow, type FixtureEnv } from './fixtures.js';

type Body = Record<string, any>;

/** The afleidingswijzen that read other objects, with the brondatumArchiefprocedure each needs (ztc-004…008). */
export const AFLEIDINGEN = {
  hoofdzaak: { afleidingswijze: 'hoofdzaak' },
  termijn: { afleidingswijze: 'termijn', procestermijn: 'P6M' },
  gerelateerde_zaak: { afleidingswijze: 'gerelateerde_zaak' },
  zaakobject: { afleidingswijze: 'zaakobject', objecttype: 'woz_waarde', datumkenmerk: 'waardepeildatum' },
  ingangsdatum_besluit: { afleidingswijze: 'ingangsdatum_besluit' },
  vervaldatum_besluit: { afleidingswijze: 'vervaldatum_besluit' },
} as const;
export type Afleiding = keyof typeof AFLEIDINGEN;
const PRODUCTEN = ['https://producten.example.com/api/v1/producten/conformance-a', 'https://producten.example.com/api/v1/producten/conformance-b'];

export interface LifecycleTypes {
  zaaktype: Body;
  /** [first, last]: a status of `last` closes the zaak (zrc-007). */
  statustypen: [Body, Body];
  roltype: Body;
  eigenschap: Body;
  resultaattypen: { afgehandeld: Body; eigenschap?: Body; ander?: Body; reason?: string } & Partial<Record<Afleiding, Body>>;
  /** Why a resultaattype of `resultaattypen` is missing (the server refused it, or no Selectielijst klasse fits). */
  reasons: Partial<Record<Afleiding, string>>;
  /** The zaaktype's productenOfDiensten (zrc-015). */
  productenOfDiensten: string[];
  /** A published besluittype of this zaaktype (its besluiten feed ingangsdatum_besluit / vervaldatum_besluit). */
  besluittype: Body;
  /** Published, and related to the run's published zaaktype but not to this one. */
  foreignInformatieobjecttype: Body;
}

async function publish(env: FixtureEnv, obj: Body): Promise<Body> {
  const res = await env.http.post(`${obj.url}/publish`);
  if (res.status !== 200) throw new Error(`publish ${obj.url}: ${res.status} ${res.text.slice(0, 300)}`);
  return (await env.http.get(obj.url)).body;
}

/** `iot`: the run's published informatieobjecttype (omschrijving), linked to this zaaktype. */
export async function buildLifecycleTypes(env: FixtureEnv, b: CatalogiBodies, catalogus: string, iot: string): Promise<LifecycleTypes> {
  const sl = b.sl ?? (() => { throw new Error('no Selectielijst: resultaattypen cannot be made'); })();
  const post = (path: string, body: Body | undefined) => createOrThrow(env, `${env.base}${path}`, body ?? {});
  const besluittype = await publish(env, await post('/besluittypen', b.besluittype(catalogus)));
  const zt = await post('/zaaktypen', b.zaaktype(catalogus, { productenOfDiensten: PRODUCTEN, besluittypen: [besluittype.omschrijving] }));
  const statustypen: [Body, Body] = [await post('/statustypen', b.statustype(zt.url, { volgnummer: 1 })), await post('/statustypen', b.statustype(zt.url, { volgnummer: 2 }))];
  const roltype = await post('/roltypen', b.roltype(zt.url));
  const eigenschap = await post('/eigenschappen', b.eigenschap(zt.url));
  await post('/zaaktype-informatieobjecttypen', b.ziot(zt.url, iot));
  // Explicit nominatie and termijn, so the expected archiefactiedatum does not depend on the Selectielijst.
  const archief = { archiefnominatie: 'vernietigen', archiefactietermijn: 'P10Y' };
  const resultaattypen: LifecycleTypes['resultaattypen'] = { afgehandeld: await post('/resultaattypen', b.resultaattype(zt.url, archief)) };
  if (sl.free) {
    // ztc-004/007: eigenschap needs datumkenmerk; ander_datumkenmerk needs datumkenmerk, objecttype and registratie.
    resultaattypen.eigenschap = await post('/resultaattypen', b.resultaattype(zt.url, { ...archief, archiefactietermijn: 'P5Y', selectielijstklasse: sl.free, brondatumArchiefprocedure: { afleidingswijze: 'eigenschap', datumkenmerk: eigenschap.naam } }));
    resultaattypen.ander = await post('/resultaattypen', b.resultaattype(zt.url, { ...archief, selectielijstklasse: sl.free, brondatumArchiefprocedure: { afleidingswijze: 'ander_datumkenmerk', datumkenmerk: 'datum', objecttype: 'pand', registratie: 'BAG' } }));
  } else resultaattypen.reason = 'the Selectielijst procestype has no resultaat whose procestermijn leaves the afleidingswijze free';
  const reasons = await derivedResultaattypen(env, b, zt.url, resultaattypen);
  const foreignInformatieobjecttype = await publish(env, await post('/informatieobjecttypen', b.informatieobjecttype(catalogus)));
  return { zaaktype: await publish(env, zt), statustypen, roltype, eigenschap, resultaattypen, reasons, productenOfDiensten: PRODUCTEN, besluittype, foreignInformatieobjecttype };
}

/**
 * One resultaattype per afleidingswijze of AFLEIDINGEN (archiefactietermijn P10Y), each on its own:
 * a refusal is that afleidingswijze's skip reason. termijn needs a selectielijstklasse with procestermijn
 * ingeschatte_bestaansduur_procesobject when the zaaktype's procestype has one (ztc-003), the others one
 * that leaves the afleidingswijze free.
 */
async function derivedResultaattypen(env: FixtureEnv, b: CatalogiBodies, zaaktype: string, into: LifecycleTypes['resultaattypen']): Promise<LifecycleTypes['reasons']> {
  const sl = b.sl!;
  const reasons: LifecycleTypes['reasons'] = {};
  for (const [name, procedure] of Object.entries(AFLEIDINGEN) as [Afleiding, Body][]) {
    const klasse = name === 'termijn' && sl.ingeschat?.procesType === sl.procestype ? sl.ingeschat.url : sl.free;
    if (!klasse) { reasons[name] = `the Selectielijst procestype has no resultaat that allows afleidingswijze ${name}`; continue; }
    try {
      into[name] = await createOrThrow(env, `${env.base}/resultaattypen`, b.resultaattype(zaaktype, { archiefnominatie: 'vernietigen', archiefactietermijn: 'P10Y', selectielijstklasse: klasse, brondatumArchiefprocedure: procedure })!);
    } catch (e) {
      reasons[name] = `no resultaattype with afleidingswijze ${name}: ${(e as Error).message}`;
    }
  }
  return reasons;
}
