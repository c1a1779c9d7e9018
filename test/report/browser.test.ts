/**
 * Reports opened headless in a real browser (Debian's chromium through playwright-core),
 * from file://: every chart draws (an SVG with marks), nothing is fetched, nothing logs an
 * error or a warning, and the hostile scenario's markup stays text. Screenshots go to the OS temp folder
 * (paths printed); with UPDATE_SCREENSHOT=1 the README's reports/screenshot.png is redrawn.
 *
 * Skipped when chromium is not installed, unless REPORT_BROWSER_REQUIRED=1 (CI sets it,
 * after installing chromium), in which case a missing browser fails.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComparison, buildReport } from '../../src/report/buildReport.js';
import { fileTarget, folderTarget, writeReport } from '../../src/report/writeReport.js';
import { runScenario, tempDir, writeSweepFixture } from './runResults.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REQUIRED = process.env.REPORT_BROWSER_REQUIRED === '1';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = 'reports/screenshot.png';
const SCREENSHOT_MAX_BYTES = 300 * 1024;

interface Visit {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
  readonly charts: { id: string; rendered: string | null; marks: number }[];
}

describe.skipIf(!existsSync(CHROMIUM) && !REQUIRED)('reports in a real browser', () => {
  const root = tempDir('lrs-browser-');
  const shots = join(root, 'screenshots');
  const pages: Record<string, string> = {};
  let browser: BrowserContext;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const run = join(root, 'default');
    await runScenario('scenarios/default.yaml', run, { functions: 4000, replications: 3 });
    writeReport(folderTarget(run), await buildReport(run));
    pages.default = join(run, 'report.html');

    const xss = join(root, 'xss');
    await runScenario('test/report/fixtures/xss.yaml', xss, { functions: 600, replications: 2 });
    writeReport(folderTarget(xss), await buildReport(xss));
    pages.xss = join(xss, 'report.html');

    const sweep = join(root, 'sweep');
    await writeSweepFixture('scenarios/phase2-timing-sweep.yaml', sweep, [
      { 'releases[0].phase2.startAfter': '2d' }, { 'releases[0].phase2.startAfter': '7d' }, { 'releases[0].phase2.startAfter': '12d' },
    ], { functions: 1200, replications: 2 });
    writeReport(folderTarget(sweep), await buildReport(sweep));
    pages.sweep = join(sweep, 'report.html');

    const cmp = join(root, 'compare.html');
    writeReport(fileTarget(cmp), await buildComparison([{ dir: run, label: 'default' }, { dir: xss }]));
    pages.compare = cmp;

    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install chromium (apt-get install -y chromium) to run the browser tests`);
    browser = await chromium.launchPersistentContext(tempDir('lrs-chromium-'), {
      headless: true,
      executablePath: CHROMIUM,
      args: FLAGS,
      viewport: { width: 1200, height: 900 },
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function visit(file: string): Promise<Visit> {
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
    await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((e) => e.hasAttribute('data-rendered')), null, { timeout: 60_000 });
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

  /** The README's picture: the default scenario at full size, header, stale share and time to patch. */
  async function updateReadmeScreenshot(): Promise<void> {
    const full = join(root, 'default-full');
    await runScenario('scenarios/default.yaml', full, { functions: 1e9, replications: 1e9 });
    writeReport(folderTarget(full), await buildReport(full));
    const v = await visit(join(full, 'report.html'));
    expectClean(v);
    await v.page.evaluate(() => {
      for (const sel of ['#summary', 'nav', '#figure-fleet-share', '#figure-responsibility', '#section-fleet > p.intro']) {
        for (const el of document.querySelectorAll<HTMLElement>(sel)) el.style.setProperty('display', 'none');
      }
    });
    await v.page.setViewportSize({ width: 1100, height: 1080 });
    await v.page.screenshot({ path: SCREENSHOT, fullPage: false });
    console.log(`README screenshot: ${resolve(SCREENSHOT)}`);
    await v.page.close();
  }

  function expectClean(v: Visit): void {
    expect(v.errors).toEqual([]);
    expect(v.requests).toEqual([]);
    expect(v.charts.length).toBeGreaterThan(0);
    for (const c of v.charts) {
      expect(c.rendered, c.id).toBe('true');
      expect(c.marks, c.id).toBeGreaterThan(0);
    }
  }

  it('draws every chart of a run\'s report offline, with no error and no request', async () => {
    const v = await visit(pages.default!);
    expectClean(v);
    expect(v.charts.map((c) => c.id)).toEqual(expect.arrayContaining(['chart-fleet-share', 'chart-time-to-patch', 'chart-rollout', 'chart-failed-over-time', 'chart-init-start']));
    const shot = join(shots, 'default.png');
    await v.page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
    await v.page.close();
    if (process.env.UPDATE_SCREENSHOT === '1') await updateReadmeScreenshot();
  }, 120_000);

  it('keeps the hostile scenario inert: its markup is text, nothing runs', async () => {
    const v = await visit(pages.xss!);
    expectClean(v);
    expect(v.dialogs).toEqual([]);
    const found = await v.page.evaluate(() => ({
      h1: document.querySelector('h1')?.textContent,
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      scenarioText: document.querySelector('#scenario pre')?.textContent ?? '',
    }));
    expect(found.h1).toBe('<img src=x onerror=alert(1)>');
    expect(found.images).toBe(0);
    expect(found.scripts).toBe(5);
    expect(found.scenarioText).toContain('version: <svg/onload=alert(3)>');
    const shot = join(shots, 'xss.png');
    await v.page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
    await v.page.close();
  }, 120_000);

  it('draws a sweep\'s report and a comparison', async () => {
    for (const name of ['sweep', 'compare'] as const) {
      const v = await visit(pages[name]!);
      expectClean(v);
      expect(v.charts.map((c) => c.id)).toContain(name === 'sweep' ? 'chart-sweep-metrics' : 'chart-compare-metrics');
      const shot = join(shots, `${name}.png`);
      await v.page.screenshot({ path: shot, fullPage: true });
      console.log(`screenshot: ${shot}`);
      await v.page.close();
    }
  }, 180_000);

  it('has the README\'s screenshot, small enough to commit', () => {
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(statSync(SCREENSHOT).size).toBeLessThan(SCREENSHOT_MAX_BYTES);
  });
});
