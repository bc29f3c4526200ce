import { col, ref, type ApiObject, type Descriptor } from '../../../engine/descriptor.js';
import type { Ctx } from '../../../core/types.js';
import { typeObject } from '../types.js';
import { underZaak, zaakRef } from './common.js';
import { childRules } from '../rules/index.js';
import { statusGezet } from '../afsluiten.js';
import { mirrorZaakInformatieObject } from '../mirror.js';
import { bsnVault } from '../../../privacy/bsn.js';
import { lookupValue } from './rol-filters.js';

/** Server-set registratiedatum, a date-time in the contract, set on create (zrc-004 for zaakinformatieobjecten). */
const registratiedatum = (input: ApiObject, ctx: Ctx, existing?: ApiObject) => {
  input.registratiedatum = existing?.registratiedatum ?? ctx.now.toISOString();
};

export const status = underZaak({
  name: 'status', path: 'statussen', table: 'status', schema: 'Status', createSchema: 'Status',
  columns: { zaak: zaakRef, statustype: ref('statustype', 'statustype'), datumStatusGezet: col('datum_status_gezet', 'datetime') },
  filters: {
    indicatieLaatstGezetteStatus: (qb, v) => {
      const last = 't.datum_status_gezet = (select max(s2.datum_status_gezet) from status s2 where s2.zaak = t.zaak)';
      qb.whereRaw(v === true || v === 'true' ? last : `not (${last})`);
    },
  },
  order: ['-datum_status_gezet', '-id'],
  rules: childRules.status,
  onWrite: statusGezet,
  // Two statussen of one zaak at the same moment: Open Zaak's UniqueTogetherValidator (zaak, datumStatusGezet), CONVENTIONS §4.
  unique: { status_zaak_datum_unique: { name: 'nonFieldErrors', code: 'unique', reason: 'Deze zaak heeft al een status op dit tijdstip (datumStatusGezet).' } },
  enrich: async (objs, rows, ctx) => {
    const last = await ctx.db('status').whereIn('zaak', rows.map((r) => r.zaak)).groupBy('zaak').select('zaak').max('datum_status_gezet as max');
    const byZaak = new Map(last.map((l: any) => [l.zaak, new Date(l.max).getTime()]));
    objs.forEach((o, i) => {
      o.indicatieLaatstGezetteStatus = byZaak.get(rows[i].zaak) === new Date(rows[i].datum_status_gezet).getTime();
      o.zaakinformatieobjecten ??= [];
    });
  },
});

export const resultaat = underZaak({
  name: 'resultaat', path: 'resultaten', table: 'resultaat', schema: 'Resultaat',
  columns: { zaak: zaakRef, resultaattype: ref('resultaattype', 'resultaattype') },
  order: ['-id'],
  rules: childRules.resultaat,
  unique: { resultaat_zaak_unique: { name: 'zaak', code: 'unique', reason: 'Deze zaak heeft al een resultaat.' } },
});

/** The identifiers inside betrokkeneIdentificatie that the rol filters need as columns. */
function rolIdentifiers(input: ApiObject, ctx: Ctx) {
  const id = input.betrokkeneIdentificatie ?? {};
  const pick = (type: string, field: string) => (input.betrokkeneType === type ? id[field] || null : null);
  const bsn = pick('natuurlijk_persoon', 'inpBsn');
  return {
    // The BSN as its keyed hash: the filter looks up by hash, the object keeps it sealed.
    inp_bsn: bsn && bsnVault(ctx.config).hash(bsn),
    anp_identificatie: pick('natuurlijk_persoon', 'anpIdentificatie'),
    inp_a_nummer: pick('natuurlijk_persoon', 'inpA_nummer'),
    inn_nnp_id: pick('niet_natuurlijk_persoon', 'innNnpId'),
    ann_identificatie: pick('niet_natuurlijk_persoon', 'annIdentificatie'),
    vestigings_nummer: pick('vestiging', 'vestigingsNummer'),
    medewerker_identificatie: pick('medewerker', 'identificatie'),
    organisatorische_eenheid_identificatie: pick('organisatorische_eenheid', 'identificatie'),
  };
}

const ROL_FILTER_COLUMNS: Record<string, string> = {
  betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: 'inp_bsn',
  betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: 'anp_identificatie',
  betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: 'inp_a_nummer',
  betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: 'inn_nnp_id',
  betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: 'ann_identificatie',
  betrokkeneIdentificatie__vestiging__vestigingsNummer: 'vestigings_nummer',
  betrokkeneIdentificatie__organisatorischeEenheid__identificatie: 'organisatorische_eenheid_identificatie',
  betrokkeneIdentificatie__medewerker__identificatie: 'medewerker_identificatie',
};

export const rol = underZaak({
  name: 'rol', path: 'rollen', table: 'rol', schema: 'Rol',
  columns: {
    zaak: zaakRef, betrokkene: col('betrokkene'), betrokkeneType: col('betrokkene_type'), roltype: ref('roltype', 'roltype'),
    omschrijving: col('omschrijving'), omschrijvingGeneriek: col('omschrijving_generiek'),
  },
  filters: Object.fromEntries(Object.entries(ROL_FILTER_COLUMNS).map(([p, c]) => [p, (qb: any, v: unknown, ctx: Ctx) => qb.where(`t.${c}`, lookupValue(c, v, ctx))])),
  order: ['-id'],
  serverFields: ['registratiedatum', 'omschrijving', 'omschrijvingGeneriek'],
  prepare: async (input, ctx, existing) => {
    input.registratiedatum = existing?.registratiedatum ?? ctx.now.toISOString(); // a date-time on a rol
    // omschrijving and omschrijvingGeneriek are the roltype's (read-only on the rol).
    const roltype = await typeObject(ctx, input.roltype, 'roltype');
    input.omschrijving = roltype?.omschrijving ?? '';
    input.omschrijvingGeneriek = roltype?.omschrijvingGeneriek ?? '';
  },
  derive: rolIdentifiers,
  sealed: true,
  rules: childRules.rol,
  enrich: async (objs) => objs.forEach((o) => { o.statussen ??= []; }),
});

export const zaakobject = underZaak({
  name: 'zaakobject', path: 'zaakobjecten', table: 'zaakobject', schema: 'ZaakObject',
  columns: { zaak: zaakRef, object: col('object'), objectType: col('object_type') },
  sealed: true, // objectIdentificatie of a natuurlijk_persoon holds a BSN
  order: ['-id'],
  rules: childRules.zaakobject,
  // The contract gives objectTypeOverige the pattern [a-z\_]+, which an empty string does not
  // match: it is left out when not set rather than sent as "".
  enrich: async (objs) => objs.forEach((o) => { if (!o.objectTypeOverige) delete o.objectTypeOverige; }),
});

export const zaakinformatieobject = underZaak({
  name: 'zaakinformatieobject', path: 'zaakinformatieobjecten', table: 'zaakinformatieobject', schema: 'ZaakInformatieObject',
  columns: { zaak: zaakRef, informatieobject: col('informatieobject') },
  order: ['-id'],
  serverFields: ['registratiedatum', 'aardRelatieWeergave'],
  prepare: (input, ctx, existing) => {
    registratiedatum(input, ctx, existing);
    input.aardRelatieWeergave = 'Hoort bij, omgekeerd: kent'; // zrc-004: set by the server
  },
  rules: childRules.zaakinformatieobject,
  onWrite: mirrorZaakInformatieObject,
  unique: { zio_unique: { name: 'nonFieldErrors', code: 'unique', reason: 'Dit informatieobject is al aan deze zaak gekoppeld.' } },
});

export const zaakeigenschap = underZaak({
  name: 'zaakeigenschap', path: 'zaakeigenschappen', table: 'zaakeigenschap', schema: 'ZaakEigenschap',
  columns: { zaak: zaakRef, eigenschap: ref('eigenschap', 'eigenschap') },
  scopedBy: { param: 'zaak_uuid', column: 'zaak', resource: 'zaak' },
  order: ['-id'],
  serverFields: ['naam'],
  prepare: async (input, ctx) => {
    input.naam = (await typeObject(ctx, input.eigenschap, 'eigenschap'))?.naam ?? input.naam ?? '';
  },
  rules: childRules.zaakeigenschap,
});

export const klantcontact = underZaak({
  name: 'klantcontact', path: 'klantcontacten', table: 'klantcontact', schema: 'KlantContact',
  columns: { zaak: zaakRef },
  order: ['-id'],
  rules: childRules.klantcontact,
  prepare: (input) => {
    input.identificatie ||= Math.random().toString(36).slice(2, 14).padEnd(12, '0'); // CONVENTIONS §3
  },
});

export const zaakcontactmoment = underZaak({
  name: 'zaakcontactmoment', path: 'zaakcontactmomenten', table: 'zaakcontactmoment', schema: 'ZaakContactMoment',
  columns: { zaak: zaakRef, contactmoment: col('contactmoment') },
  order: ['-id'],
  rules: childRules.zaakcontactmoment,
});

export const zaakverzoek = underZaak({
  name: 'zaakverzoek', path: 'zaakverzoeken', table: 'zaakverzoek', schema: 'ZaakVerzoek',
  columns: { zaak: zaakRef, verzoek: col('verzoek') },
  order: ['-id'],
  rules: childRules.zaakverzoek,
});

export const zaakbesluit = underZaak({
  name: 'zaakbesluit', path: 'besluiten', table: 'zaakbesluit', schema: 'ZaakBesluit',
  columns: { besluit: col('besluit') },
  scopedBy: { param: 'zaak_uuid', column: 'zaak', resource: 'zaak' },
  order: ['-id'],
  rules: childRules.zaakbesluit,
});

export const zaaknotitie: Descriptor = underZaak({
  name: 'zaaknotitie', path: 'zaaknotities', table: 'zaaknotitie', schema: 'ZaakNotitie',
  createSchema: 'ZaakNotitieRequest', updateSchema: 'ZaakNotitieRequest',
  zaakColumn: 'gerelateerd_aan',
  columns: {
    gerelateerdAan: ref('gerelateerd_aan', 'zaak', { local: true }),
    onderwerp: col('onderwerp'), tekst: col('tekst'), aangemaaktDoor: col('aangemaakt_door'),
    notitieType: col('notitie_type'), status: col('status'),
    aanmaakdatum: col('aanmaakdatum', 'datetime'), wijzigingsdatum: col('wijzigingsdatum', 'datetime'),
  },
  order: ['-id'],
  serverFields: ['aanmaakdatum', 'wijzigingsdatum'],
  prepare: (input, ctx, existing) => {
    input.aanmaakdatum = existing?.aanmaakdatum ?? ctx.now.toISOString();
    input.wijzigingsdatum = ctx.now.toISOString();
  },
});

export const ZAKEN_CHILDREN: [string, Descriptor][] = [
  ['status', status], ['resultaat', resultaat], ['rol', rol], ['zaakobject', zaakobject],
  ['zaakinformatieobject', zaakinformatieobject], ['zaakeigenschap', zaakeigenschap], ['klantcontact', klantcontact],
  ['zaakcontactmoment', zaakcontactmoment], ['zaakverzoek', zaakverzoek], ['zaakbesluit', zaakbesluit], ['zaaknotitie', zaaknotitie],
];
