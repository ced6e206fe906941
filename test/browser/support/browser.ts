import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium (apt-get install chromium); CI installs the same package. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Launches Chromium. Playwright gives the browser a fresh temporary profile (--user-data-dir)
 * of its own and removes it on close; each `newContext()` is a further isolated session, so two
 * signed-in users do not share cookies or localStorage.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Browser console errors and uncaught exceptions seen so far. */
  problems: string[];
}

/** A new isolated browser session on the console at `url`, watching for script errors. */
export async function openConsole(browser: Browser, url: string): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { context, page, problems };
}

/** Signs in through the sign-in form, as a person would, and waits for the console frame. */
export async function signIn(page: Page, username: string, password = 'demo-password'): Promise<void> {
  await page.locator('#sign-in-username').fill(username);
  await page.locator('#sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('main-nav').waitFor();
}

export function connectionState(page: Page): Promise<string | null> {
  return page.getByTestId('connection-indicator').getAttribute('data-state');
}

export async function waitForConnectionState(page: Page, state: string, timeout = 30_000): Promise<void> {
  await page.locator(`[data-testid="connection-indicator"][data-state="${state}"]`).waitFor({ timeout });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2 A/AA rules) on the page as it is and returns the serious and critical
 * violations, of the whole page or only of the element `within` selects. Injected through the
 * DevTools protocol, which the console's CSP does not block.
 */
export async function seriousAccessibilityViolations(page: Page, within?: string): Promise<AxeViolation[]> {
  // Judge the settled page: a colour half-way through a fade or a hover state fails contrast at random.
  await page.mouse.move(0, 0);
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (scope: string | null) => {
    const axe = (
      globalThis as unknown as { axe: { run(context: Document | Element, options: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(scope ? document.querySelector(scope)! : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, within ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fails with each violation spelled out, so the report says what to fix. */
export function expectNoSeriousViolations(violations: AxeViolation[]): void {
  const described = violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(described).toEqual([]);
}

/**
 * The consoles one test file opens on one server: `signedIn(user, path)` opens a fresh browser
 * session, signs in through the form, goes to `path` and waits until it is live; `closeAll()`
 * closes every session it opened (call it in afterAll, before closing the browser).
 */
export function consoleSessions(browser: () => Browser, url: () => string) {
  const opened: ConsolePage[] = [];
  return {
    async signedIn(username: string, path: string): Promise<ConsolePage> {
      const view = await openConsole(browser(), url());
      opened.push(view);
      await signIn(view.page, username);
      await view.page.goto(`${url()}${path}`);
      await waitForConnectionState(view.page, 'live');
      return view;
    },
    async closeAll(): Promise<void> {
      for (const { context } of opened.splice(0)) await context.close().catch(() => undefined);
    },
  };
}
