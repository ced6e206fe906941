import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

// Found by CI in a clone under /work/.ci-clone: res.sendFile refused the absolute path because
// one of its directories starts with a dot, and every client route answered 404.
describe('a console installed under a directory whose name starts with a dot', () => {
  let t: TestApp;
  beforeAll(async () => {
    const dist = path.join(mkdtempSync(path.join(os.tmpdir(), 'cc-')), '.hidden', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="app"></div>');
    t = await startTestApp({ env: { CONSOLE_DIST: dist } });
  });
  afterAll(() => t?.close());

  it('serves the console at / and at its client-side routes', async () => {
    for (const route of ['/', '/incidents', '/dispatch/board']) {
      const response = await fetch(`${t.url}${route}`, { headers: { accept: 'text/html' } });
      expect(response.status, route).toBe(200);
      expect(await response.text()).toContain('<div id="app"></div>');
    }
  });
});
