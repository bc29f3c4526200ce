// Hand-written audit-trail content (api-009): every write to a main object or its children is an
// entry in the main object's audit trail with the action, the HTTP status, the main object, the
// resource and its URL, the calling applicatie and user, X-Audit-Toelichting, and the old and new
// JSON; entries come in the order of the writes. Writes go through a limited client of the suite's
// own (made through the Autorisaties API), so the applicatie the entries must name is known.
import { check, describeRes, expectStatus } from '../core/expect.js';
import type { Response } from '../core/http.js';
import type { Credentials } from '../core/token.js';
import { fail, skip, type GroupDef, type TestContext, type TestDef } from '../core/types.js';
import { allScopes } from '../generated/ops.js';
import { elfproef } from '../setup/fixtures.js';
import { body as documentBody, EIO } from './documenten.js';

const h = (id: string, title: string, rules: string[], run: TestDef['run']): TestDef => ({ id, title, rules, kind: 'handwritten', run });
const pathOf = (url: unknown) => { try { return new URL(String(url)).pathname; } catch { return String(url); } };
const TOELICHTING = 'ZGW conformance api-009';
/** The user the suite's tokens name (core/token.ts). */
const USER = { id: 'zgw-conformance', weergave: 'ZGW conformance suite' };

/** One write the trail must show: the entry's actie, resultaat, resource and URL, and what oud/nieuw hold. */
interface Write { actie: string; resultaat: number; resources: string[]; url: string; oud?: Record<string, unknown> | null; nieuw?: Record<string, unknown> | null }

interface Writer { creds: Credentials; applicatie: { uuid: string; url: string; label: string } }

/** A limited client with every scope of the API for this type (its applicatie read back from Autorisaties). */
async function writer(ctx: TestContext, component: 'zrc' | 'drc', typeField: 'zaaktype' | 'informatieobjecttype', type: string): Promise<Writer> {
  const api = component === 'zrc' ? 'zaken' : 'documenten';
  const creds = await ctx.clients.limited([{ component, scopes: allScopes(ctx.contracts[api]!), [typeField]: type, maxVertrouwelijkheidaanduiding: 'zeer_geheim' }], `audit ${component}`);
  const res = await ctx.http.get(`${ctx.apis.autorisaties}/applicaties/consumer?clientId=${encodeURIComponent(creds.clientId)}`);
  // The 1.x contract answers a list; some servers answer the applicatie itself.
  const app = Array.isArray(res.body) ? res.body[0] : res.body;
  if (res.status !== 200 || typeof app?.url !== 'string') return skip(`${describeRes(res)}: the applicatie of the suite's limited client cannot be read back`);
  return { creds, applicatie: { uuid: app.url.split('/').pop(), url: app.url, label: app.label } };
}

const made = (res: Response, what: string) => {
  expectStatus(res, 201);
  if (typeof res.body?.url !== 'string') fail(`${describeRes(res)}: the new ${what} has no url`);
  return res.body;
};

/** Where the entry differs from the write (and the calling applicatie and user). */
function differences(e: any, w: Write, main: string, who: Writer): string[] {
  const wrong: string[] = [];
  const want = (field: string, ok: boolean, expected: unknown) => { if (!ok) wrong.push(`${field} ${JSON.stringify(e?.[field])}, expected ${JSON.stringify(expected)}`); };
  want('resultaat', e.resultaat === w.resultaat, w.resultaat);
  want('hoofdObject', pathOf(e.hoofdObject) === pathOf(main), main);
  want('resource', w.resources.includes(e.resource), w.resources.join(' or '));
  want('applicatieId', [who.applicatie.uuid, who.applicatie.url].includes(e.applicatieId), `${who.applicatie.uuid} (the applicatie of the client)`);
  want('applicatieWeergave', e.applicatieWeergave === who.applicatie.label, who.applicatie.label);
  want('gebruikersId', e.gebruikersId === USER.id, USER.id);
  want('gebruikersWeergave', e.gebruikersWeergave === USER.weergave, USER.weergave);
  const side = (name: 'oud' | 'nieuw', expected: Record<string, unknown> | null | undefined) => {
    const got = e.wijzigingen?.[name];
    // No old state on create, no new one on destroy: null (Open Zaak) or absent (the contract's type is a non-nullable object).
    if (expected === null && got != null) wrong.push(`wijzigingen.${name} ${JSON.stringify(got)?.slice(0, 120)}, expected null`);
    if (expected) for (const [k, v] of Object.entries(expected)) {
      if ((k === 'url' ? pathOf(got?.[k]) : got?.[k]) !== (k === 'url' ? pathOf(v) : v)) wrong.push(`wijzigingen.${name}.${k} ${JSON.stringify(got?.[k])}, expected ${JSON.stringify(v)}`);
    }
  };
  side('oud', w.oud);
  side('nieuw', w.nieuw);
  return wrong;
}

/**
 * The main object's trail holds an entry per write, in order, each as `differences` wants; the
 * PATCH (the one write with X-Audit-Toelichting) carries it. Entries of other writes (a lock) may sit in between.
 */
async function expectTrail(ctx: TestContext, main: string, writes: Write[], who: Writer) {
  const res = await ctx.http.get(`${main}/audittrail`);
  expectStatus(res, 200);
  const entries: any[] = Array.isArray(res.body) ? res.body : res.body?.results ?? fail(`${describeRes(res)}: no list of entries`);
  let last = -1;
  for (const w of writes) {
    const at = entries.findIndex((e, i) => i > last && e?.actie === w.actie && pathOf(e?.resourceUrl) === pathOf(w.url));
    if (at < 0) {
      const earlier = entries.some((e) => e?.actie === w.actie && pathOf(e?.resourceUrl) === pathOf(w.url));
      fail(`${describeRes(res)}: ${earlier ? 'out of order, ' : ''}no entry with actie ${w.actie} for ${w.url}${earlier ? ' after the previous write' : ''} (entries: ${entries.map((e) => `${e?.actie} ${e?.resource}`).join(', ')})`);
    }
    const wrong = differences(entries[at], w, main, who);
    if (w.actie === 'partial_update' && entries[at].toelichting !== TOELICHTING) wrong.push(`toelichting ${JSON.stringify(entries[at].toelichting)}, expected the X-Audit-Toelichting "${TOELICHTING}"`);
    check(!wrong.length, `${describeRes(res)}: the ${w.actie} entry of ${w.url}: ${wrong.join('; ')}`);
    last = at;
  }
}

const audited = { headers: { 'X-Audit-Toelichting': TOELICHTING } };

export const zakenAuditGroup: GroupDef = {
  id: 'zrc.audittrail-content', api: 'zaken', title: 'Zaken audit trail: what each write records',
  tests: [
    h('api.audit.zaak', "A zaak's audit trail records, in order, its create (201), a PATCH (200, oud and nieuw omschrijving, X-Audit-Toelichting) and a rol's create and delete (204, nieuw null), each with the zaak as hoofdObject, the resource and its URL, and the calling applicatie and user; once the zaak is deleted its trail is gone", ['api-009'], async (ctx) => {
      const zaaktype = ctx.fixtures.get('catalogi')?.objects['published.zaaktype']?.url ?? skip('no published zaaktype (Catalogi fixtures)');
      const roltype = ctx.fixtures.get('catalogi')?.objects['published.roltype']?.url ?? skip('no published roltype (Catalogi fixtures)');
      const who = await writer(ctx, 'zrc', 'zaaktype', zaaktype);
      const as = { as: who.creds };
      const org = elfproef();
      const zaak = made(await ctx.http.post(`${ctx.apis.zaken}/zaken`, { bronorganisatie: org, verantwoordelijkeOrganisatie: org, zaaktype, startdatum: '2024-01-15', vertrouwelijkheidaanduiding: 'openbaar', omschrijving: 'audit voor' }, as), 'zaak');
      ctx.cleanup(zaak.url);
      const patched = await ctx.http.request({ method: 'PATCH', url: zaak.url, body: { omschrijving: 'audit na' }, ...as, ...audited });
      expectStatus(patched, 200);
      const rol = made(await ctx.http.post(`${ctx.apis.zaken}/rollen`, { zaak: zaak.url, roltype, betrokkeneType: 'medewerker', roltoelichting: 'ZGW conformance api-009', betrokkeneIdentificatie: { identificatie: 'audit' } }, as), 'rol');
      expectStatus(await ctx.http.request({ method: 'DELETE', url: rol.url, ...as }), 204);
      await expectTrail(ctx, zaak.url, [
        { actie: 'create', resultaat: 201, resources: ['zaak'], url: zaak.url, oud: null, nieuw: { url: zaak.url, omschrijving: 'audit voor' } },
        { actie: 'partial_update', resultaat: 200, resources: ['zaak'], url: zaak.url, oud: { omschrijving: 'audit voor' }, nieuw: { omschrijving: 'audit na' } },
        { actie: 'create', resultaat: 201, resources: ['rol'], url: rol.url, oud: null, nieuw: { url: rol.url } },
        { actie: 'destroy', resultaat: 204, resources: ['rol'], url: rol.url, oud: { url: rol.url }, nieuw: null },
      ], who);
      // Deleting the zaak itself writes no entry it could be read from: its trail goes with it (zrc-023).
      expectStatus(await ctx.http.request({ method: 'DELETE', url: zaak.url, ...as }), 204);
      const after = await ctx.http.get(`${zaak.url}/audittrail`);
      const left = Array.isArray(after.body) ? after.body.length : after.body?.count;
      check(after.status === 404 || (after.status === 200 && left === 0), `${describeRes(after)}: the deleted zaak still has an audit trail (${left} entries)`);
    }),
  ],
};

export const documentenAuditGroup: GroupDef = {
  id: 'drc.audittrail-content', api: 'documenten', title: 'Documenten audit trail: what each write records',
  tests: [
    h('api.audit.document', "A document's audit trail records, in order, its create (201), a PATCH with the lock (200, oud and nieuw titel, X-Audit-Toelichting) and a gebruiksrecht's create and delete (204, nieuw null), each with the document as hoofdObject, the resource and its URL, and the calling applicatie and user", ['api-009'], async (ctx) => {
      const b = documentBody(ctx, { titel: 'audit voor' });
      const who = await writer(ctx, 'drc', 'informatieobjecttype', String(b.informatieobjecttype));
      const as = { as: who.creds };
      const doc = made(await ctx.http.post(`${ctx.apis.documenten}${EIO}`, b, as), 'document');
      ctx.cleanup(doc.url);
      const locked = await ctx.http.post(`${doc.url}/lock`, {}, as);
      expectStatus(locked, 200);
      const patched = await ctx.http.request({ method: 'PATCH', url: doc.url, body: { titel: 'audit na', lock: locked.body.lock }, ...as, ...audited });
      expectStatus(await ctx.http.post(`${doc.url}/unlock`, { lock: locked.body.lock }, as), 204, 200);
      expectStatus(patched, 200);
      const recht = made(await ctx.http.post(`${ctx.apis.documenten}/gebruiksrechten`, { informatieobject: doc.url, startdatum: '2024-01-15T00:00:00Z', omschrijvingVoorwaarden: 'ZGW conformance api-009' }, as), 'gebruiksrecht');
      expectStatus(await ctx.http.request({ method: 'DELETE', url: recht.url, ...as }), 204);
      const resources = ['enkelvoudiginformatieobject'];
      await expectTrail(ctx, doc.url, [
        { actie: 'create', resultaat: 201, resources, url: doc.url, oud: null, nieuw: { url: doc.url, titel: 'audit voor' } },
        { actie: 'partial_update', resultaat: 200, resources, url: doc.url, oud: { titel: 'audit voor' }, nieuw: { titel: 'audit na' } },
        { actie: 'create', resultaat: 201, resources: ['gebruiksrechten', 'gebruiksrecht'], url: recht.url, oud: null, nieuw: { url: recht.url } },
        { actie: 'destroy', resultaat: 204, resources: ['gebruiksrechten', 'gebruiksrecht'], url: recht.url, oud: { url: recht.url }, nieuw: null },
      ], who);
    }),
  ],
};
