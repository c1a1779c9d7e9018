/**
 * report.html stays under 3 MB for a large result: 34 regions × 104 releases over 365 daily
 * samples, two replications (the benchmark's fleet shape, at a size a test can run; the
 * page's size follows versions × regions × sample times, not the number of functions). The
 * charts' series are thinned or aggregated for the page and their captions say so; every
 * chart still draws in a real browser (when chromium is installed, or required as in CI).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchScenarioText } from '../../src/bench/benchScenario.js';
import { runSource, tempDir } from './runResults.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REQUIRED = process.env.REPORT_BROWSER_REQUIRED === '1';
const PAGE_MAX_BYTES = 3 * 1024 * 1024;

describe('report.html of a large result', () => {
  const out = join(tempDir('lrs-pagesize-'), 'big');
  let html = '';

  beforeAll(async () => {
    const source = benchScenarioText({ functions: 6_000, horizonDays: 365, releaseDays: 365, sampleEveryDays: 1 }).replace('seed: 1\n', 'seed: 1\nreplications: 2\n');
    await runSource(source, 'big.yaml', out, ['--no-parquet', '--workers', '1']);
    html = readFileSync(join(out, 'report.html'), 'utf8');
  }, 300_000);

  it('is large data: 104 releases × 34 regions, 366 sample times', () => {
    const releases = readFileSync(join(out, 'releases.csv'), 'utf8').trim().split('\n').length - 1;
    expect(releases).toBeGreaterThanOrEqual(2 * 104 * 34);
    expect(statSync(join(out, 'timeseries.csv')).size).toBeGreaterThan(5 * PAGE_MAX_BYTES);
  });

  it('is under 3 MB, with captions that say what the page thinned or aggregated', () => {
    expect(statSync(join(out, 'report.html')).size).toBeLessThan(PAGE_MAX_BYTES);
    expect(html).toContain('For the page, drawn at about');
    expect(html).toContain('of the 366 sample times (evenly spaced); timeseries.csv holds every one.');
    expect(html).toContain('its 34 regions aggregated for the page (every region&#39;s times are in releases.csv)');
  });

  it.skipIf(!existsSync(CHROMIUM) && !REQUIRED)('draws every chart in a real browser, with no error', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
      await page.goto(pathToFileURL(resolve(join(out, 'report.html'))).href);
      await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((e) => e.hasAttribute('data-rendered')), null, { timeout: 120_000 });
      const charts = await page.evaluate(() => [...document.querySelectorAll('[data-chart]')].map((e) => ({
        id: e.id,
        rendered: e.getAttribute('data-rendered'),
        marks: e.querySelectorAll('svg g.role-mark > path, svg g.role-mark > line, svg g.role-mark > rect, svg g.role-mark > text, svg g.role-mark > g').length,
      })));
      expect(errors).toEqual([]);
      expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining(['chart-fleet-share', 'chart-stale-share', 'chart-rollout', 'chart-time-to-patch']));
      for (const c of charts) {
        expect(c.rendered, c.id).toBe('true');
        expect(c.marks, c.id).toBeGreaterThan(0);
      }
    } finally {
      await browser.close();
    }
  }, 180_000);
});
