// Hand-written Documenten behaviour beyond the lock: gebruiksrechten and indicatieGebruiksrecht
// (drc-006), deleting a document (drc-008), expand on Documenten resources (drc-011, drc-013), and
// the chunked upload of large files in bestandsdelen (drc-010).
import { check, describeRes, expectInvalidParam, expectProblem, expectStatus } from '../core/expect.js';
import type { Response } from '../core/http.js';
import { fail, skip, type GroupDef, type TestContext, type TestDef } from '../core/types.js';
import { bytesOf, finishUpload, sha256, startUpload, uploadPart, type PendingUpload } from '../setup/bestandsdelen.js';
import { body, drc, EIO, fresh, patch, whileLocked, ztc } from './documenten.js';

const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });
const del = (ctx: TestContext, url: string) => ctx.http.request({ method: 'DELETE', url });
const rows = (res: Response): any[] => (Array.isArray(res.body) ? res.body : res.body?.results ?? fail(`${describeRes(res)}: no list`));

async function newGebruiksrecht(ctx: TestContext, informatieobject: string): Promise<any> {
  const res = await ctx.http.post(`${ctx.apis.documenten}/gebruiksrechten`, { informatieobject, startdatum: '2024-01-15T00:00:00Z', omschrijvingVoorwaarden: 'ZGW conformance drc-006' });
  expectStatus(res, 201);
  ctx.cleanup(res.body.url);
  return res.body;
}

async function indicatieOf(ctx: TestContext, document: string): Promise<unknown> {
  const res = await ctx.http.get(document);
  expectStatus(res, 200);
  return res.body?.indicatieGebruiksrecht;
}

const expectIndicatie = async (ctx: TestContext, document: string, want: true | null, after: string) => {
  const got = await indicatieOf(ctx, document);
  check(got === want, `after ${after} the document's indicatieGebruiksrecht is ${JSON.stringify(got)}, expected ${want}`);
};

/** Fails unless the object is still there (a refused DELETE must leave it). */
async function expectStill(ctx: TestContext, url: string, why: string) {
  const res = await ctx.http.get(url);
  check(res.status === 200, `${describeRes(res)}: ${why}, yet the document is gone`);
}

/** Fails unless GET answers 404 (the object is really gone, drc-008: no soft delete). */
async function expectGone(ctx: TestContext, url: string, what: string) {
  const res = await ctx.http.get(url, url.includes('/download') ? { binary: true } : {});
  check(res.status === 404, `${describeRes(res)}: ${what} is still there after the document was deleted, expected 404`);
}

export const documentRelationsGroup: GroupDef = {
  id: 'drc.relations', api: 'documenten', title: 'Documenten: gebruiksrechten and indicatieGebruiksrecht, deleting a document',
  tests: [
    h('drc.gebruiksrecht.sets-indicatie', 'Creating a gebruiksrecht sets indicatieGebruiksrecht of its document to true', ['drc-006'], async (ctx) => {
      const doc = await fresh(ctx);
      check(doc.indicatieGebruiksrecht !== true, `a new document without gebruiksrechten has indicatieGebruiksrecht ${doc.indicatieGebruiksrecht}`);
      await newGebruiksrecht(ctx, doc.url);
      await expectIndicatie(ctx, doc.url, true, 'creating a gebruiksrecht');
    }),
    h('drc.gebruiksrecht.last-resets', 'Deleting a gebruiksrecht keeps indicatieGebruiksrecht true while another remains; deleting the last resets it to null', ['drc-006'], async (ctx) => {
      const doc = await fresh(ctx);
      const [first, second] = [await newGebruiksrecht(ctx, doc.url), await newGebruiksrecht(ctx, doc.url)];
      expectStatus(await del(ctx, first.url), 204);
      await expectIndicatie(ctx, doc.url, true, 'deleting one of two gebruiksrechten');
      expectStatus(await del(ctx, second.url), 204);
      await expectIndicatie(ctx, doc.url, null, 'deleting the last gebruiksrecht');
    }),
    h('drc.gebruiksrecht.not-by-hand', 'indicatieGebruiksrecht true without gebruiksrechten is refused (400 missing-gebruiksrechten), at create and in a PATCH with the lock', ['drc-006'], async (ctx) => {
      const res = await ctx.http.post(`${ctx.apis.documenten}${EIO}`, body(ctx, { indicatieGebruiksrecht: true }));
      if (res.status === 201) ctx.cleanup(res.body.url);
      expectInvalidParam(res, 'missing-gebruiksrechten');
      const doc = await fresh(ctx);
      await whileLocked(ctx, doc, async (lock) => {
        expectInvalidParam(await patch(ctx, doc.url, { indicatieGebruiksrecht: true, lock }), 'missing-gebruiksrechten');
      });
      check(await indicatieOf(ctx, doc.url) !== true, 'a refused PATCH set indicatieGebruiksrecht to true');
    }),
    h('drc.destroy.pending-relations', 'A document linked to a zaak cannot be deleted (400 pending-relations); once the link is gone it can (204)', ['drc-008'], async (ctx) => {
      const zaak = ctx.fixtures.get('zaken')?.objects['/zaken']?.url ?? skip('no zaak of this run (give --zaken)');
      const doc = await fresh(ctx);
      const zio = await ctx.http.post(`${ctx.apis.zaken}/zaakinformatieobjecten`, { zaak, informatieobject: doc.url, titel: 'ZGW conformance drc-008' });
      expectStatus(zio, 201);
      ctx.cleanup(zio.body.url);
      expectInvalidParam(await del(ctx, doc.url), 'pending-relations');
      await expectStill(ctx, doc.url, 'the DELETE was refused');
      expectStatus(await del(ctx, zio.body.url), 204);
      expectStatus(await del(ctx, doc.url), 204);
    }),
    h('drc.destroy.locked', 'A locked document cannot be deleted (400); unlocked it can', ['drc-008'], async (ctx) => {
      const doc = await fresh(ctx);
      await whileLocked(ctx, doc, async () => {
        expectProblem(await del(ctx, doc.url), 400);
        await expectStill(ctx, doc.url, 'the DELETE of the locked document was refused');
      });
      expectStatus(await del(ctx, doc.url), 204);
    }),
    h('drc.destroy.cascade', 'Deleting a document removes it, its gebruiksrechten, its content (download) and its audit trail (404 each)', ['drc-008'], async (ctx) => {
      const doc = await fresh(ctx);
      const recht = await newGebruiksrecht(ctx, doc.url);
      expectStatus(await ctx.http.get(`${doc.url}/download`, { binary: true }), 200);
      expectStatus(await del(ctx, doc.url), 204);
      await expectGone(ctx, doc.url, 'the document');
      await expectGone(ctx, recht.url, 'its gebruiksrecht');
      const listed = rows(await ctx.http.get(`${ctx.apis.documenten}/gebruiksrechten?informatieobject=${encodeURIComponent(doc.url)}`));
      check(!listed.length, `GET /gebruiksrechten?informatieobject=<deleted document> still lists ${listed.length}`);
      await expectGone(ctx, `${doc.url}/download`, 'its content');
      await expectGone(ctx, `${doc.url}/audittrail`, 'its audit trail');
    }),
  ],
};

const pathOf = (url: unknown) => { try { return new URL(String(url)).pathname; } catch { return String(url); } };

/** The object expanded under `field` of `obj`, or a failure naming what was there. */
function expanded(obj: any, field: string, where: string): any {
  const x = obj?._expand?.[field];
  if (!x || typeof x !== 'object' || Array.isArray(x)) fail(`${where}: _expand.${field} is ${JSON.stringify(x)}, expected the related object`);
  return x;
}

const expectSame = (x: any, url: string, where: string) =>
  check(pathOf(x?.url) === pathOf(url), `${where}: the expanded object is ${x?.url}, expected ${url}`);

export const documentExpandGroup: GroupDef = {
  id: 'drc.expand', api: 'documenten', title: 'Documenten expand: shape and resolution',
  tests: [
    h('drc.expand.informatieobjecttype', "GET a document with expand=informatieobjecttype embeds its informatieobjecttype, as the Catalogi API serves it, under _expand", ['drc-011'], async (ctx) => {
      const doc = drc(ctx).document ?? skip('no document of this run');
      const res = await ctx.http.get(`${doc.url}?expand=informatieobjecttype`);
      expectStatus(res, 200);
      const type = expanded(res.body, 'informatieobjecttype', describeRes(res));
      expectSame(type, doc.informatieobjecttype, describeRes(res));
      const own = await ctx.http.get(doc.informatieobjecttype);
      check(type.omschrijving === own.body?.omschrijving && type.vertrouwelijkheidaanduiding === own.body?.vertrouwelijkheidaanduiding,
        `${describeRes(res)}: expanded omschrijving/vertrouwelijkheidaanduiding ${type.omschrijving}/${type.vertrouwelijkheidaanduiding}, the Catalogi API says ${own.body?.omschrijving}/${own.body?.vertrouwelijkheidaanduiding}`);
    }),
    h('drc.expand.gebruiksrechten-list', 'GET /gebruiksrechten?expand=informatieobject embeds each row\'s own document under _expand', ['drc-011'], async (ctx) => {
      const doc = drc(ctx).document ?? skip('no document of this run');
      const res = await ctx.http.get(`${ctx.apis.documenten}/gebruiksrechten?informatieobject=${encodeURIComponent(doc.url)}&expand=informatieobject`);
      expectStatus(res, 200);
      const list = rows(res);
      check(list.length > 0, `${describeRes(res)}: the run's gebruiksrecht is not listed`);
      for (const row of list) expectSame(expanded(row, 'informatieobject', `${describeRes(res)} (row ${row.url})`), row.informatieobject, describeRes(res));
    }),
    h('drc.expand.nested', 'GET a verzending with expand=informatieobject.informatieobjecttype embeds its document, and inside that document\'s _expand its informatieobjecttype (depth 2)', ['drc-011'], async (ctx) => {
      const o = drc(ctx);
      const verzending = o.verzending ?? skip('no verzending of this run (the Documenten fixtures could not make one)');
      const res = await ctx.http.get(`${verzending.url}?expand=informatieobject.informatieobjecttype`);
      expectStatus(res, 200);
      const doc = expanded(res.body, 'informatieobject', describeRes(res));
      expectSame(doc, o.document.url, describeRes(res));
      expectSame(expanded(doc, 'informatieobjecttype', `${describeRes(res)} (inside _expand.informatieobject)`), o.document.informatieobjecttype, describeRes(res));
    }),
    h('drc.expand.authorised', 'An expanded informatieobjecttype is subject to the caller\'s authorisation: a client without a Catalogi autorisatie is refused (403, as Open Zaak since 1.29.3) or gets the document without it (_expand.informatieobjecttype absent or {}); one with catalogi.lezen gets it', ['drc-012'], async (ctx) => {
      const doc = drc(ctx).document ?? skip('no document of this run');
      const documenten = { component: 'drc', scopes: ['documenten.lezen'], informatieobjecttype: doc.informatieobjecttype, maxVertrouwelijkheidaanduiding: 'zeer_geheim' };
      const without = await ctx.clients.limited([documenten], 'drc no ztc');
      const denied = await ctx.http.get(`${doc.url}?expand=informatieobjecttype`, { as: without });
      expectStatus(denied, 200, 403);
      const leaked = denied.status === 403 ? undefined : denied.body?._expand?.informatieobjecttype;
      check(leaked === undefined || (typeof leaked === 'object' && leaked !== null && Object.keys(leaked).length === 0),
        `${describeRes(denied)}: a client without any Catalogi autorisatie got the informatieobjecttype ${leaked?.url ?? String(JSON.stringify(leaked)).slice(0, 120)} embedded`);
      const withCatalogi = await ctx.clients.limited([documenten, { component: 'ztc', scopes: ['catalogi.lezen'] }], 'drc with ztc');
      const allowed = await ctx.http.get(`${doc.url}?expand=informatieobjecttype`, { as: withCatalogi });
      expectStatus(allowed, 200);
      expectSame(expanded(allowed.body, 'informatieobjecttype', describeRes(allowed)), doc.informatieobjecttype, describeRes(allowed));
    }),
    h('drc.expand.unknown-path', 'An expand path the resource does not offer is an error (400 or 404 problem+json), at the top and nested', ['drc-013'], async (ctx) => {
      const o = drc(ctx);
      expectProblem(await ctx.http.get(`${o.document.url}?expand=geenveld`), 400, 404);
      const verzending = o.verzending ?? skip('no verzending of this run (the top-level check passed)');
      expectProblem(await ctx.http.get(`${verzending.url}?expand=informatieobject.geenveld`), 400, 404);
    }),
  ],
};

/** A fresh pending chunked upload of this run; finished (or, failing that, left for cleanup) after `fn`. */
async function withUpload(ctx: TestContext, fn: (u: PendingUpload, created: Response) => Promise<void>): Promise<void> {
  const iot = ztc(ctx)['published.informatieobjecttype']?.url ?? skip('no published informatieobjecttype');
  const { res, upload } = await startUpload(ctx.http, ctx.apis.documenten!, drc(ctx).bronorganisatie, iot);
  if (!upload) return fail(`${describeRes(res)}: a document with bestandsomvang and inhoud null was refused, expected 201: ${res.text.slice(0, 300)}`);
  ctx.cleanup(upload.document.url);
  try {
    await fn(upload, res);
  } finally {
    const after = await ctx.http.get(upload.document.url);
    if (after.body?.locked) await finishUpload(ctx.http, upload);
  }
}

const needParts = (u: PendingUpload, res: Response) => {
  if (!u.parts.length) fail(`${describeRes(res)}: no bestandsdelen for a document of bestandsomvang ${u.content.length} without inhoud`);
  if (!u.lock) fail(`${describeRes(res)}: the new document carries no lock, so its parts cannot be uploaded`);
};

export const bestandsdelenGroup: GroupDef = {
  id: 'drc.bestandsdelen', api: 'documenten', title: 'Documenten: large files in bestandsdelen (chunked upload)',
  tests: [
    h('drc.bestandsdelen.parts', 'A document with bestandsomvang and inhoud null is created locked, with bestandsdelen numbered 1…n whose omvang adds up to the bestandsomvang, none voltooid', ['drc-010'], async (ctx) => {
      await withUpload(ctx, async (u, res) => {
        needParts(u, res);
        const d = u.document;
        check(d.locked === true && d.inhoud === null, `${describeRes(res)}: locked ${d.locked}, inhoud ${JSON.stringify(d.inhoud)}; expected a locked document without content`);
        const numbers = u.parts.map((p) => p.volgnummer).join(',');
        check(numbers === u.parts.map((_p, i) => i + 1).join(','), `${describeRes(res)}: volgnummers ${numbers}, expected 1…${u.parts.length}`);
        const total = u.parts.reduce((n, p) => n + p.omvang, 0);
        check(total === u.content.length && u.parts.every((p) => p.omvang > 0), `${describeRes(res)}: the parts' omvang ${u.parts.map((p) => p.omvang).join('+')} = ${total}, expected ${u.content.length} in parts of at least 1 byte`);
        check(u.parts.every((p) => p.voltooid === false) && new Set(u.parts.map((p) => p.url)).size === u.parts.length, `${describeRes(res)}: expected distinct part urls, none voltooid: ${JSON.stringify(u.parts)}`);
      });
    }),
    h('drc.bestandsdelen.upload-merge', 'Each part uploaded (multipart inhoud + lock) is voltooid; the unlock then merges them: the document is unlocked, of its bestandsomvang, and its download has exactly the uploaded bytes (sha256)', ['drc-010'], async (ctx) => {
      await withUpload(ctx, async (u, res) => {
        needParts(u, res);
        const { uploads, unlock } = await finishUpload(ctx.http, u);
        for (const up of uploads) {
          expectStatus(up, 200);
          check(up.body?.voltooid === true, `${describeRes(up)}: voltooid ${up.body?.voltooid} after its upload`);
        }
        expectStatus(unlock, 204, 200);
        const doc = await ctx.http.get(u.document.url);
        check(doc.body?.locked === false && doc.body?.bestandsomvang === u.content.length, `${describeRes(doc)}: locked ${doc.body?.locked}, bestandsomvang ${doc.body?.bestandsomvang}; expected unlocked, ${u.content.length}`);
        const download = await ctx.http.get(`${u.document.url}/download`, { binary: true });
        expectStatus(download, 200);
        const got = download.bytes ?? Buffer.alloc(0);
        check(sha256(got) === sha256(u.content), `${describeRes(download)}: ${got.length} bytes with sha256 ${sha256(got)}, uploaded ${u.content.length} bytes with sha256 ${sha256(u.content)}`);
      });
    }),
    h('drc.bestandsdelen.incomplete-unlock', 'Unlocking before every part is uploaded is refused (400; incomplete-upload when some parts arrived) and the document stays locked', ['drc-010'], async (ctx) => {
      await withUpload(ctx, async (u, res) => {
        needParts(u, res);
        const unlock = () => ctx.http.post(`${u.document.url}/unlock`, { lock: u.lock });
        const none = await unlock();
        expectProblem(none, 400);
        const stillLocked = async (after: string) => {
          const doc = await ctx.http.get(u.document.url);
          check(doc.body?.locked === true, `${describeRes(doc)}: the document is no longer locked after ${after}`);
        };
        await stillLocked('a refused unlock with no part uploaded');
        if (u.parts.length < 2) return skip(`the server made one bestandsdeel of ${u.content.length} bytes, so no upload can be partial (an unlock with nothing uploaded was refused, 400)`);
        expectStatus(await uploadPart(ctx.http, u.parts[0], bytesOf(u, u.parts[0]), u.lock), 200);
        expectInvalidParam(await unlock(), 'incomplete-upload');
        await stillLocked('a refused unlock with one of the parts uploaded');
      });
    }),
    h('drc.bestandsdelen.wrong-size', 'A part of another size than its omvang (one byte more or less) is refused (400 file-size) and stays unfinished', ['drc-010'], async (ctx) => {
      await withUpload(ctx, async (u, res) => {
        needParts(u, res);
        const part = u.parts[0];
        const bytes = bytesOf(u, part);
        for (const wrong of [Buffer.concat([bytes, Buffer.from('x')]), bytes.subarray(0, bytes.length - 1)]) {
          expectInvalidParam(await uploadPart(ctx.http, part, wrong, u.lock), 'file-size');
        }
        const doc = await ctx.http.get(u.document.url);
        const now = (doc.body?.bestandsdelen ?? []).find((p: any) => p?.url === part.url);
        check(now?.voltooid === false, `${describeRes(doc)}: after two refused uploads part ${part.volgnummer} is ${JSON.stringify(now)}, expected voltooid false`);
      });
    }),
  ],
};
