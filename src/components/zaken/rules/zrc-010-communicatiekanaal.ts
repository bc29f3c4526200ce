import { mustResolve } from './resolves.js';

/**
 * zrc-010: communicatiekanaal resolves (`bad-url`). It lives in a Referentielijsten/Klantinteracties
 * API on another server: fetched over HTTP with the engine's timeout and cache.
 */
export const communicatiekanaalResolves = mustResolve('communicatiekanaal', 'communicatiekanaal');
