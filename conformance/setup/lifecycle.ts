// The life-cycle catalogue (zrc-007/008, zrc-021, zrc-022): one published zaaktype with two
// statustypen (the second, highest volgnummer, closes a zaak), a roltype, a date eigenschap, and a
// resultaattype per afleidingswijze the tests derive an archiefactiedatum for: afgehandeld,
// eigenschap (the date eigenschap) and ander_datumkenmerk (left to the client). Plus a published
// informatieobjecttype that is NOT one of its informatieobjecttypen (zrc-017).
import type { CatalogiBodies } from './catalogi.js';
import { createOrThrow, type FixtureEnv } from './fixtures.js';

type Body = Record<string, any>;

export interface LifecycleTypes {
  zaaktype: Body;
  /** [first, last]: a status of `last` closes the zaak (zrc-007). */
  statustypen: [Body, Body];
  roltype: Body;
  eigenschap: Body;
  resultaattypen: { afgehandeld: Body; eigenschap?: Body; ander?: Body; reason?: string };
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
  const zt = await post('/zaaktypen', b.zaaktype(catalogus));
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
  const foreignInformatieobjecttype = await publish(env, await post('/informatieobjecttypen', b.informatieobjecttype(catalogus)));
  return { zaaktype: await publish(env, zt), statustypen, roltype, eigenschap, resultaattypen, foreignInformatieobjecttype };
}
