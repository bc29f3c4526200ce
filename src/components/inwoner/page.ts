import express, { type Router } from 'express';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const PAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'page');

/** The NL Design System stylesheets the page links to, resolved in node_modules (no copies in the repo). */
const ASSETS: Record<string, string> = {
  'utrecht.css': require.resolve('@utrecht/component-library-css/dist/index.css'),
  'voorbeeld-theme.css': require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'),
};

/**
 * "Mijn dossier" (issue #7): static HTML, JS and CSS under /inwoner/, no build step. Only files
 * are answered here; any other path under /inwoner (the resident API, the dev issuer) falls through.
 * The CSP allows nothing but this origin: the resident's token lives in sessionStorage, so no
 * inline or foreign script may ever run on this page.
 */
export function inwonerPage(): Router {
  const router = express.Router();
  router.get('/assets/:name', (req, res, next) => {
    const file = ASSETS[req.params.name];
    if (!file) return next();
    res.sendFile(file, { maxAge: '1h', headers: { 'X-Content-Type-Options': 'nosniff' } });
  });
  router.use(express.static(PAGE_DIR, { index: 'index.html', setHeaders: secure }));
  return router;
}

// Only on the page's own files: the API responses that fall through keep their own headers.
function secure(res: express.Response): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-cache');
}

const CSP = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
