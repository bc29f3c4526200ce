import express, { type NextFunction, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { ApiError, fieldError } from '../core/errors.js';
import { removeSecret, setSecret } from '../operator/clients.js';
import { authenticate } from './api-router.js';
import type { Deps } from './app.js';

/**
 * Our one extension outside the standard: registering the secret of a client id over HTTP.
 * An Applicatie made through the Autorisaties API carries no secret, and the embedded database
 * admits one process, so while the server runs an operator (or a conformance run) cannot use the
 * CLI for it. Needs a JWT-ZGW token with `autorisaties.bijwerken`, like any Autorisaties write.
 *
 *   PUT    /admin/api/v1/client-secrets/{clientId}  {"secret": "…"} → 204; {} → 200 {clientId, secret}
 *   DELETE /admin/api/v1/client-secrets/{clientId}                  → 204, or 404
 */
export function adminRouter(deps: Deps): express.Router {
  const r = express.Router();
  r.use(express.json({ limit: '16kb', type: () => true, strict: true }));
  const guard = (fn: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      (await authenticate(req, deps)).requireScopes(['autorisaties.bijwerken']);
      if (!/^[\w.@:-]{1,50}$/.test(req.params.clientId)) throw fieldError('clientId', 'invalid', 'Een client id heeft 1 tot 50 tekens (letters, cijfers, . _ - @ :).');
      await fn(req, res);
    } catch (e) {
      next(e);
    }
  };
  r.put('/client-secrets/:clientId', guard(async (req, res) => {
    const given = (req.body ?? {}).secret;
    if (given !== undefined && (typeof given !== 'string' || given.length < 16 || given.length > 200)) {
      throw fieldError('secret', 'invalid', 'Een secret heeft 16 tot 200 tekens.');
    }
    const secret = given ?? randomBytes(24).toString('base64url');
    await setSecret(deps.db, req.params.clientId, secret);
    if (given) res.status(204).end();
    else res.status(200).json({ clientId: req.params.clientId, secret });
  }));
  r.delete('/client-secrets/:clientId', guard(async (req, res) => {
    if (!(await removeSecret(deps.db, req.params.clientId))) throw new ApiError(404, 'Niet gevonden.');
    res.status(204).end();
  }));
  return r;
}
