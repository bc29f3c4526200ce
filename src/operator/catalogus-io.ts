import type { Config } from '../config.js';
import type { Db } from '../storage/db.js';
import type { Registry } from '../engine/registry.js';
import type { ApiObject, Descriptor } from '../engine/descriptor.js';
import { write } from '../engine/handlers.js';
import { serialize } from '../engine/serialize.js';
import { systemCtx } from '../engine/system.js';
import { catalogus } from '../components/catalogi/resources/catalogus.js';
import { zaaktype } from '../components/catalogi/resources/zaaktype.js';
import { informatieobjecttype } from '../components/catalogi/resources/informatieobjecttype.js';
import { besluittype } from '../components/catalogi/resources/besluittype.js';
import {
  statustype, roltype, resultaattype, eigenschap, zaakobjecttype, zaaktypeInformatieobjecttype,
} from '../components/catalogi/resources/children.js';

/**
 * A catalogus with all its types as one JSON document, for moving a catalogue between servers.
 * Relations travel by name (ztc-011), so an export imports cleanly on a server with other URLs.
 */
export interface CatalogusExport {
  catalogus: ApiObject;
  informatieobjecttypen?: ApiObject[];
  besluittypen?: ApiObject[];
  zaaktypen?: (ApiObject & { _children?: Record<string, ApiObject[]> })[];
}

const CHILDREN: [string, Descriptor][] = [
  ['statustypen', statustype], ['roltypen', roltype], ['resultaattypen', resultaattype],
  ['eigenschappen', eigenschap], ['zaakobjecttypen', zaakobjecttype], ['zaaktypeInformatieobjecttypen', zaaktypeInformatieobjecttype],
];

const strip = ({ url: _u, ...rest }: ApiObject) => rest;

export async function exportCatalogus(db: Db, registry: Registry, config: Config, uuid: string): Promise<CatalogusExport> {
  const ctx = systemCtx(db, registry, config, 'catalogi', 'catalogus_retrieve');
  const one = async (d: Descriptor, where: Record<string, unknown>) => serialize(d, await db(d.table).where(where).orderBy('id'), ctx);
  const [cat] = await one(catalogus, { uuid });
  if (!cat) throw new Error(`No catalogus ${uuid}`);
  const zts = await one(zaaktype, { catalogus: uuid });
  return {
    catalogus: strip(cat),
    informatieobjecttypen: (await one(informatieobjecttype, { catalogus: uuid })).map(strip),
    besluittypen: (await one(besluittype, { catalogus: uuid })).map((b) => ({ ...strip(b), informatieobjecttypen: b.informatieobjecttypeOmschrijvingen })),
    zaaktypen: await Promise.all(zts.map(async (z) => {
      const id = z.url.split('/').pop();
      const children: Record<string, ApiObject[]> = {};
      for (const [key, d] of CHILDREN) children[key] = await one(d, { zaaktype: id }); // urls kept: statustype links are re-pointed on import
      return { ...strip(z), besluittypen: z.besluittypeOmschrijving, deelzaaktypen: z.deelzaaktypeIdentificaties, _children: children };
    })),
  };
}

/** Creates the catalogus and its types as concepts, through the same rules as the API. Returns its URL. */
export async function importCatalogus(db: Db, registry: Registry, config: Config, doc: CatalogusExport): Promise<string> {
  const ctx = (op: string) => systemCtx(db, registry, config, 'catalogi', op);
  const cat = await write(catalogus, ctx('catalogus_create'), 'create', { ...doc.catalogus });
  for (const iot of doc.informatieobjecttypen ?? []) await write(informatieobjecttype, ctx('informatieobjecttype_create'), 'create', { ...iot, catalogus: cat.url });
  for (const bt of doc.besluittypen ?? []) await write(besluittype, ctx('besluittype_create'), 'create', { ...bt, catalogus: cat.url });
  for (const { _children, ...zt } of doc.zaaktypen ?? []) {
    const created = await write(zaaktype, ctx('zaaktype_create'), 'create', { ...zt, catalogus: cat.url });
    const statusByOld = new Map<string, string>();
    for (const [key, d] of CHILDREN) {
      for (const child of _children?.[key] ?? []) {
        const input = { ...child, zaaktype: created.url } as ApiObject;
        if (input.statustype) input.statustype = statusByOld.get(input.statustype) ?? null;
        const made = await write(d, ctx(`${d.name}_create`), 'create', input);
        if (d === statustype) statusByOld.set(String(child.url), made.url);
      }
    }
  }
  return cat.url;
}
