import { ZipArchive } from 'archiver';
import type { Ctx, Handler } from '../../../core/types.js';
import { bsnVault } from '../../../privacy/bsn.js';
import { store } from '../../documenten/content.js';
import { mijnZaken, statussenOf, toInwonerZaken, withSummary, type Row } from '../zaken.js';
import { toDocument, zichtbareDocumenten } from '../documenten.js';
import { berichtenOf } from '../berichten.js';
import { toToestemmingen } from '../toestemmingen.js';
import { mijnInzage, toInzage } from './inzage.js';
import { residentOf } from '../signin/resident.js';
import { ALLE_ROLLEN } from '../rollen.js';

const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n');
const safe = (name: string) => name.replace(/[^\w.() -]+/g, '_').slice(0, 120) || 'bestand';

/**
 * GET /export: everything the dossier holds about the resident, as a zip streamed while it is
 * made (document contents are read from the store one after another, never all in memory).
 * The same zaken as the dossier shows, through any rol he has in them.
 */
export const exportRetrieve: Handler = async (_req, ctx) => {
  const { bsn, hash } = residentOf(ctx);
  const rows = await withSummary(mijnZaken(ctx, ALLE_ROLLEN), ctx.db).orderBy('z.id');
  const zaken = await toInwonerZaken(ctx, rows);
  const documenten: Row[] = [];
  const files: { key: string; path: string }[] = [];
  for (const z of zaken) {
    z.statussen = await statussenOf(ctx, z.uuid);
    z.berichten = await berichtenOf(ctx, z.uuid);
    for (const d of await zichtbareDocumenten(ctx, z.uuid)) {
      const path = d.inhoud_key ? `documenten/${z.identificatie}/${d.uuid}-${safe(d.bestandsnaam || d.titel)}` : null;
      documenten.push({ zaak: z.uuid, ...toDocument(ctx, z.uuid, d), bestand: path });
      if (path) files.push({ key: d.inhoud_key, path });
    }
  }
  const archive = new ZipArchive({ zlib: { level: 6 } });
  archive.append(json({ bsn, gemaaktOp: ctx.now.toISOString() }), { name: 'mij.json' });
  archive.append(json(zaken), { name: 'zaken.json' });
  archive.append(json(await rollenOf(ctx, hash)), { name: 'rollen.json' });
  archive.append(json(documenten), { name: 'documenten.json' });
  archive.append(json((await mijnInzage(ctx).orderBy('tijdstip', 'desc')).map(toInzage)), { name: 'inzage.json' });
  archive.append(json(await toToestemmingen(ctx, await ctx.db('toestemming').where('bsn_hash', hash).orderBy('id'))), { name: 'toestemmingen.json' });
  const s = await store(ctx);
  for (const f of files) archive.append(s.get(f.key), { name: f.path });
  void archive.finalize().catch(() => undefined); // an error mid-way aborts the transfer (sendStream)
  const name = `mijn-dossier-${ctx.now.toISOString().slice(0, 10)}.zip`;
  return { status: 200, headers: { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${name}"` }, stream: archive };
};

/** His rollen in zaken of the dossier, with his own identification opened (it is his). */
async function rollenOf(ctx: Ctx, hash: string): Promise<Row[]> {
  const vault = bsnVault(ctx.config);
  const rows = await ctx.db('rol as r').where('r.inp_bsn', hash).whereIn('r.zaak', mijnZaken(ctx, ALLE_ROLLEN).select('z.uuid')).orderBy('r.id').select('r.zaak', 'r.omschrijving', 'r.omschrijving_generiek', 'r.data');
  return rows.map((r) => {
    const data = vault.openTree(r.data ?? {});
    return { zaak: r.zaak, omschrijving: r.omschrijving, omschrijvingGeneriek: r.omschrijving_generiek, roltoelichting: data.roltoelichting ?? '', betrokkeneIdentificatie: data.betrokkeneIdentificatie ?? null };
  });
}
