/**
 * The rollen (omschrijvingGeneriek) through which a resident reaches a zaak he was given by id:
 * any rol he has. Only consents need him to be the initiator.
 */
export const ALLE_ROLLEN = ['adviseur', 'behandelaar', 'belanghebbende', 'beslisser', 'initiator', 'klantcontacter', 'zaakcoordinator', 'mede_initiator'];
