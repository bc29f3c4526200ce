// Hand-written Zaken behaviour: deleting a zaak removes everything under it (zrc-023): its deelzaken,
// statussen, resultaat, rollen, zaakobjecten, eigenschappen, klantcontacten, document links (and their
// mirror in Documenten, zrc-005) and audit trail; a deelzaak goes on its own.
import { check, describeRes, expectStatus } from '../core/expect.js';
import type { GroupDef, TestContext } from '../core/types.js';
import { h, lifecycle, mirrorsOf, newDocument, newZaak, post, published, status } from './zaken-kit.js';

type Body = Record<string, any>;

async function created(ctx: TestContext, path: string, body: Body): Promise<string> {
  const res = await post(ctx, path, body);
  expectStatus(res, 201);
  return res.body.url;
}

/** A zaak with one of every child the suite can make without other registrations, and a deelzaak. */
async function zaakWithChildren(ctx: TestContext): Promise<{ zaak: string; children: Record<string, string>; lists: Record<string, string> }> {
  const t = lifecycle(ctx);
  const zaak = (await newZaak(ctx)).url;
  const st = await status(ctx, zaak, t.statustypen[0].url, '2024-02-01T10:00:00Z');
  expectStatus(st, 201);
  const children: Record<string, string> = {
    status: st.body.url,
    rol: await created(ctx, '/rollen', { zaak, roltype: t.roltype.url, betrokkeneType: 'medewerker', roltoelichting: 'ZGW conformance', betrokkeneIdentificatie: { identificatie: 'conformance' } }),
    zaakobject: await created(ctx, '/zaakobjecten', { zaak, objectType: 'woz_waarde', relatieomschrijving: 'ZGW conformance', objectIdentificatie: { waardepeildatum: '20240101' } }),
    zaakeigenschap: await created(ctx, `${zaak}/zaakeigenschappen`, { zaak, eigenschap: t.eigenschap.url, waarde: '20240101' }),
    resultaat: await created(ctx, '/resultaten', { zaak, resultaattype: t.resultaattypen.afgehandeld.url, toelichting: 'ZGW conformance' }),
    klantcontact: await created(ctx, '/klantcontacten', { zaak, datumtijd: '2024-02-02T10:00:00Z', kanaal: 'telefoon', onderwerp: 'ZGW conformance' }),
    deelzaak: (await newZaak(ctx, { hoofdzaak: zaak })).url,
    audittrail: `${zaak}/audittrail`,
  };
  const lists = { status: '/statussen', rol: '/rollen', zaakobject: '/zaakobjecten', resultaat: '/resultaten', klantcontact: '/klantcontacten' };
  return { zaak, children, lists };
}

/** What a list filtered on the deleted zaak still shows of `url`: 200 without it, or a 400 for a zaak that no longer resolves. */
async function listedUnder(ctx: TestContext, path: string, zaak: string, url: string): Promise<string | undefined> {
  const res = await ctx.http.get(`${ctx.apis.zaken}${path}?zaak=${encodeURIComponent(zaak)}`);
  if (res.status === 400) return undefined;
  expectStatus(res, 200);
  const rows: Body[] = Array.isArray(res.body) ? res.body : res.body?.results ?? [];
  return rows.some((r) => r?.url === url) ? `${describeRes(res)} still lists ${url}` : undefined;
}

export const deleteGroup: GroupDef = {
  id: 'zrc.delete', api: 'zaken', title: 'Zaken delete: a zaak goes with everything under it',
  tests: [
    h('zrc.delete.cascade', 'Deleting a zaak removes its status, rol, zaakobject, zaakeigenschap, resultaat, klantcontact, deelzaak and audit trail: each reads back 404 and is gone from the lists', ['zrc-023'], async (ctx) => {
      const { zaak, children, lists } = await zaakWithChildren(ctx);
      expectStatus(await ctx.http.request({ method: 'DELETE', url: zaak }), 204);
      expectStatus(await ctx.http.get(zaak), 404);
      const left: string[] = [];
      for (const [name, url] of Object.entries(children)) {
        const res = await ctx.http.get(url);
        if (res.status !== 404) left.push(`${name}: ${describeRes(res)}`);
      }
      for (const [name, path] of Object.entries(lists)) {
        const listed = await listedUnder(ctx, path, zaak, children[name]);
        if (listed) left.push(`${name}: ${listed}`);
      }
      check(!left.length, `after deleting the zaak, still there: ${left.join('; ')}`);
    }),
    h('zrc.delete.document-link', 'Deleting a zaak removes its zaakinformatieobject and the objectinformatieobject mirroring it in Documenten, not the document itself', ['zrc-023', 'zrc-005'], async (ctx) => {
      const zaak = (await newZaak(ctx)).url;
      const doc = await newDocument(ctx, published(ctx, 'informatieobjecttype'));
      const zio = await created(ctx, '/zaakinformatieobjecten', { zaak, informatieobject: doc.url });
      check((await mirrorsOf(ctx, doc.url)).some((o) => o.object === zaak), 'Documenten lists no objectinformatieobject for the new link (zrc-005)');
      expectStatus(await ctx.http.request({ method: 'DELETE', url: zaak }), 204);
      expectStatus(await ctx.http.get(zio), 404);
      const left = (await mirrorsOf(ctx, doc.url)).filter((o) => o.object === zaak);
      check(!left.length, `after deleting the zaak Documenten still lists ${JSON.stringify(left.map((o) => o.url))}`);
      expectStatus(await ctx.http.get(doc.url), 200);
    }),
    h('zrc.delete.deelzaak-alone', 'A deelzaak can be deleted on its own: its hoofdzaak stays and no longer lists it', ['zrc-023'], async (ctx) => {
      const hoofd = (await newZaak(ctx)).url;
      const deel = (await newZaak(ctx, { hoofdzaak: hoofd })).url;
      expectStatus(await ctx.http.request({ method: 'DELETE', url: deel }), 204);
      const res = await ctx.http.get(hoofd);
      expectStatus(res, 200);
      check(!(res.body?.deelzaken ?? []).includes(deel), `the hoofdzaak still lists its deleted deelzaak: ${JSON.stringify(res.body?.deelzaken)}`);
    }),
  ],
};
