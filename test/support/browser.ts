/**
 * Test helper: pages opened headless in a real browser (Debian's chromium through
 * playwright-core), from file://. `visit` loads a page, waits until every chart says it is
 * drawn, moves the mouse over each chart (so tooltips run too) and collects what went wrong:
 * console errors and warnings (vega reports bad specs and data as warnings), page errors,
 * requests for anything but the page itself, and dialogs (dismissed). `expectClean` asserts
 * none of that happened and that every chart drew marks.
 *
 * The browser is CHROMIUM_PATH, else /usr/bin/chromium. Without it the browser tests are
 * skipped (`browserMissing` says so once), unless REPORT_BROWSER_REQUIRED=1 (CI sets it, after
 * installing chromium), in which case `launchBrowser` fails with what to install.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REQUIRED = process.env.REPORT_BROWSER_REQUIRED === '1';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const MISSING = `${CHROMIUM} not found: install chromium (apt-get install -y chromium) to run the browser tests`;

/** True when the browser tests are to be skipped (no chromium, not required); says so on stderr. */
export function browserMissing(): boolean {
  const skip = !existsSync(CHROMIUM) && !REQUIRED;
  if (skip) console.warn(`browser tests skipped: ${MISSING}, or set CHROMIUM_PATH (REPORT_BROWSER_REQUIRED=1 makes this a failure)`);
  return skip;
}

/** A headless chromium with a fresh profile in the OS temp folder and a 1200 × 900 viewport. */
export async function launchBrowser(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(MISSING);
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'lrs-chromium-')), {
    headless: true,
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport: { width: 1200, height: 900 },
  });
}

export interface Visit {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
  readonly charts: { id: string; rendered: string | null; marks: number }[];
}

/** Opens `file` in a new page of `browser` and waits (up to `timeoutMs`) for every chart to draw. */
export async function visit(browser: BrowserContext, file: string, timeoutMs = 60_000): Promise<Visit> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  const url = pathToFileURL(resolve(file)).href;
  page.on('console', (m) => {
    // vega reports bad specs and data as warnings: those count too.
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((e) => e.hasAttribute('data-rendered')), null, { timeout: timeoutMs });
  // Move over every chart so that tooltips (and anything else on hover) run too.
  for (const svg of await page.$$('[data-chart] svg')) {
    const box = await svg.boundingBox();
    if (box === null) continue;
    for (let i = 1; i < 10; i++) await page.mouse.move(box.x + (box.width * i) / 10, box.y + box.height / 2);
  }
  await page.waitForTimeout(300);
  const charts = await page.evaluate(() => [...document.querySelectorAll('[data-chart]')].map((e) => ({
    id: e.id,
    rendered: e.getAttribute('data-rendered'),
    marks: e.querySelectorAll('svg g.role-mark > path, svg g.role-mark > line, svg g.role-mark > rect, svg g.role-mark > text, svg g.role-mark > g').length,
  })));
  return { page, errors, requests, dialogs, charts };
}

/** No error, no request, and at least one chart, each drawn with marks. */
export function expectClean(v: Visit): void {
  expect(v.errors).toEqual([]);
  expect(v.requests).toEqual([]);
  expect(v.charts.length).toBeGreaterThan(0);
  for (const c of v.charts) {
    expect(c.rendered, c.id).toBe('true');
    expect(c.marks, c.id).toBeGreaterThan(0);
  }
}
