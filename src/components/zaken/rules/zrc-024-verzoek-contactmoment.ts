import { mustResolve } from './resolves.js';

/**
 * zrc-024/025: zaakverzoeken and zaakcontactmomenten name a verzoek / contactmoment in the
 * Klantinteracties APIs, on another server: it must resolve over HTTP (`bad-url`). The mirror
 * there (objectverzoek / objectcontactmoment) is that API's: this server has none to write to.
 */
export const verzoekResolves = mustResolve('verzoek', 'verzoek');
export const contactmomentResolves = mustResolve('contactmoment', 'contactmoment');
