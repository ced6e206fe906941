import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/** Serves the built console at `/`, with the SPA's index.html for its client-side routes. */
export function serveConsole(app: Express, dist: string): boolean {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return false;
  app.use(
    express.static(dist, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) => {
        if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  app.get(/^\/(?!graphql|healthz|readyz).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    // Relative to `root`: with an absolute path, send refuses any dot-segment in it (e.g. ~/.local/…).
    res.sendFile('index.html', { root: dist });
  });
  return true;
}
