import type { Registry } from '../engine/registry.js';

/**
 * How an object reaches the zaken it belongs to, as SQL over the object's table alias that yields
 * zaak uuids. Both the access log (whose data did a client read?) and the consent filter (which
 * objects may a consent-bound applicatie see?) follow these paths, so they cannot disagree.
 * Objects reach residents only through a zaak: a rol of a natuurlijk persoon names the BSN.
 */
export type DossierPath = (alias: string, registry: Registry) => string;

const UUID_PATTERN = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;
/** A URL of ours as SQL text literal prefix (the base URL is a validated http(s) URL). */
const own = (registry: Registry, path: string) => `'${`${registry.baseUrl}${path}`.replace(/'/g, "''")}'`;

export const dossier = {
  /** The zaak itself. */
  zaak: ((a) => `select ${a}.uuid`) as DossierPath,
  /** An object under a zaak, by the column that holds the zaak's uuid. */
  underZaak: (column: string): DossierPath => (a) => `select ${a}.${column}`,
  /** A besluit names its zaak (stored as uuid when the zaak is ours, as URL when it is not). */
  besluitZelf: ((a) => `select ${a}.zaak::uuid where ${a}.zaak ~ ${UUID_PATTERN}`) as DossierPath,
  /** An object under a besluit, by the column that holds the besluit's uuid. */
  besluit: (column: string): DossierPath => (a) =>
    `select b.zaak::uuid from besluit b where b.uuid = ${a}.${column} and b.zaak ~ ${UUID_PATTERN}`,
  /**
   * A document belongs to the zaken it is linked to directly (zaakinformatieobject) or through a
   * besluit (besluitinformatieobject); both store the document's URL.
   */
  informatieobject: (column: string): DossierPath => (a, registry) => {
    const url = `${own(registry, '/documenten/api/v1/enkelvoudiginformatieobjecten/')} || ${a}.${column}`;
    return `select zio.zaak from zaakinformatieobject zio where zio.informatieobject = ${url}
      union all select b.zaak::uuid from besluitinformatieobject bio join besluit b on b.uuid = bio.besluit
        where bio.informatieobject = ${url} and b.zaak ~ ${UUID_PATTERN}`;
  },
};
