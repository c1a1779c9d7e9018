/**
 * status.html opened headless in a real browser (Debian's chromium through playwright-core), from
 * file://, like the simulation report (test/report/browser.test.ts): every chart draws (an SVG
 * with marks), nothing is fetched, nothing logs an error or a warning, and the stale table is there.
 * The page comes from observing a small run of the three-region scenario.
 *
 * Skipped when chromium is not installed, unless REPORT_BROWSER_REQUIRED=1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { captureIo, runSource, shrinkSource, tempDir } from '../report/runResults.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REQUIRED = process.env.REPORT_BROWSER_REQUIRED === '1';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!existsSync(CHROMIUM) && !REQUIRED)('status.html in a real browser', () => {
  it('draws every chart offline, with no error and no request', async () => {
    const root = tempDir('lrs-status-');
    const source = shrinkSource(readFileSync('test/calibrate/fixtures/three-regions.yaml', 'utf8'), { functions: 150, replications: 1 });
    await runSource(source, 'three-regions.yaml', join(root, 'run'), ['--no-parquet']);
    const io = captureIo();
    expect(await runCli(['observe', join(root, 'run', 'init_start.ndjson'), '--out', join(root, 'obs'), '--quiet'], io), io.err).toBe(0);
    const file = join(root, 'obs', 'status.html');

    const browser = await chromium.launchPersistentContext(tempDir('lrs-chromium-'), { headless: true, executablePath: CHROMIUM, args: FLAGS, viewport: { width: 1200, height: 900 } });
    try {
      const page = await browser.newPage();
      const url = pathToFileURL(resolve(file)).href;
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
      page.on('request', (r) => {
        if (r.url() !== url) requests.push(r.url());
      });
      await page.goto(url);
      await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((e) => e.hasAttribute('data-rendered')), null, { timeout: 60_000 });
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
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(charts.map((c) => c.id)).toEqual(['chart-fleet-share', 'chart-rollout-regions', 'chart-time-to-patch']);
      for (const c of charts) {
        expect(c.rendered, c.id).toBe('true');
        expect(c.marks, c.id).toBeGreaterThan(0);
      }
      const staleCaption = await page.evaluate(() => document.querySelector('#section-stale caption')?.textContent ?? '');
      expect(staleCaption).toMatch(/^Functions on stale versions now: \d+ of \d+ function versions/);
      const shot = join(root, 'status.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`screenshot: ${shot}`);
    } finally {
      await browser.close();
    }
  }, 300_000);
});
