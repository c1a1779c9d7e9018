/**
 * Reports opened headless in a real browser (Debian's chromium through playwright-core),
 * from file://: every chart draws (an SVG with marks), nothing is fetched, nothing logs an
 * error or a warning, and the hostile scenario's markup stays text. Screenshots go to the OS temp folder
 * (paths printed); with UPDATE_SCREENSHOT=1 the README's reports/screenshot.png is redrawn.
 *
 * Skipped when chromium is not installed, unless REPORT_BROWSER_REQUIRED=1 (CI sets it,
 * after installing chromium), in which case a missing browser fails (test/support/browser.ts).
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComparison, buildReport } from '../../src/report/buildReport.js';
import { fileTarget, folderTarget, writeReport } from '../../src/report/writeReport.js';
import { browserMissing, expectClean, launchBrowser, visit } from '../support/browser.js';
import { runScenario, tempDir, writeSweepFixture } from './runResults.js';

const SCREENSHOT = 'reports/screenshot.png';
const SCREENSHOT_MAX_BYTES = 300 * 1024;

describe.skipIf(browserMissing())('reports in a real browser', () => {
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

    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The README's picture: the default scenario at full size, header, stale share and time to patch. */
  async function updateReadmeScreenshot(): Promise<void> {
    const full = join(root, 'default-full');
    await runScenario('scenarios/default.yaml', full, { functions: 1e9, replications: 1e9 });
    writeReport(folderTarget(full), await buildReport(full));
    const v = await visit(browser, join(full, 'report.html'));
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

  it('draws every chart of a run\'s report offline, with no error and no request', async () => {
    const v = await visit(browser, pages.default!);
    expectClean(v);
    expect(v.charts.map((c) => c.id)).toEqual(expect.arrayContaining(['chart-fleet-share', 'chart-time-to-patch', 'chart-rollout', 'chart-failed-over-time', 'chart-init-start']));
    const shot = join(shots, 'default.png');
    await v.page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
    await v.page.close();
    if (process.env.UPDATE_SCREENSHOT === '1') await updateReadmeScreenshot();
  }, 120_000);

  it('keeps the hostile scenario inert: its markup is text, nothing runs', async () => {
    const v = await visit(browser, pages.xss!);
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
      const v = await visit(browser, pages[name]!);
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
