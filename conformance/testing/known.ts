// Failures of our own server that the suite finds and that are not fixed yet, each with why. The
// integration tests (test/integration/conformance*.test.ts) allow exactly these and fail when one
// is fixed, so the list stays true. Keep it short: each entry is a bug to fix in src/.
export const KNOWN_FAILURES: Record<string, string> = {
  'zrc.status.datum-unique':
    'A second status at the same datumStatusGezet hits the unique index status_zaak_datum_unique (src/components/zaken/tables.ts), ' +
    'which the status descriptor does not map (Descriptor.unique), so translateDbError (src/engine/handlers.ts) answers the generic ' +
    '409 "Het object bestaat al." instead of 400 with invalidParams code unique (CONVENTIONS §4; Open Zaak UniqueTogetherValidator).',
};
