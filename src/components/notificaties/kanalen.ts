/**
 * The kanalen this server publishes on, with the kenmerken its messages carry (RULES.md "Every
 * API", CONVENTIONS §7). They are seeded by the migration so that abonnementen can be taken on
 * them before the first write, and so that `POST /notificaties` from our own APIs never meets a
 * missing kanaal.
 */
export interface StandardKanaal {
  naam: string;
  documentatieLink: string;
  filters: string[];
}

const DOCS = 'https://vng-realisatie.github.io/gemma-zaken/standaard';

export const STANDARD_KANALEN: StandardKanaal[] = [
  { naam: 'zaken', documentatieLink: `${DOCS}/zaken/`, filters: ['bronorganisatie', 'zaaktype', 'zaaktype.catalogus', 'vertrouwelijkheidaanduiding'] },
  { naam: 'documenten', documentatieLink: `${DOCS}/documenten/`, filters: ['bronorganisatie', 'informatieobjecttype', 'vertrouwelijkheidaanduiding', 'informatieobjecttype.catalogus'] },
  { naam: 'besluiten', documentatieLink: `${DOCS}/besluiten/`, filters: ['verantwoordelijkeOrganisatie', 'besluittype', 'besluittype.catalogus'] },
  { naam: 'zaaktypen', documentatieLink: `${DOCS}/catalogi/`, filters: ['catalogus'] },
  { naam: 'informatieobjecttypen', documentatieLink: `${DOCS}/catalogi/`, filters: ['catalogus'] },
  { naam: 'besluittypen', documentatieLink: `${DOCS}/catalogi/`, filters: ['catalogus'] },
  { naam: 'autorisaties', documentatieLink: `${DOCS}/autorisaties/`, filters: [] },
];
