/**
 * `auth` is the Authorization header value we send to the subscriber: a secret of theirs.
 * Open Notificaties makes it write-only; our contract (the standard's) lists it as a required
 * response field, so we answer a masked form that keeps the scheme (`Bearer ********`). A PUT
 * or PATCH that sends the masked form back keeps the stored value.
 */
export const MASK = '********';

export function maskAuth(auth: string): string {
  const scheme = /^(\S+)\s+\S/.exec(auth)?.[1];
  return scheme ? `${scheme} ${MASK}` : MASK;
}

export const isMasked = (value: unknown): boolean => typeof value === 'string' && value.endsWith(MASK) && maskAuth(value) === value;
