/** An abonnement's interest in one kanaal: `{naam, filters}` (FilterGroup in the contract). */
export interface FilterGroup {
  naam: string;
  filters?: Record<string, string>;
}

/**
 * Does a message on `kanaal` with these kenmerken match the abonnement's kanalen? As Open
 * Notificaties matches: a group for the kanaal whose every filter either names a kenmerk the
 * message does not carry, is `*`, or equals the message's value.
 */
export function matches(groups: FilterGroup[], kanaal: string, kenmerken: Record<string, string>): boolean {
  return groups.some((g) => g.naam === kanaal && Object.entries(g.filters ?? {}).every(
    ([key, value]) => !(key in kenmerken) || value === '*' || kenmerken[key] === value,
  ));
}
