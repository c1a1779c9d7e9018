/**
 * report.html stays under 3 MB for a large result: 34 regions × 104 releases over 365 daily
 * samples, two replications (the benchmark's fleet shape, at a size a test can run; the
 * page's size follows versions × regions × sample times, not the number of functions). The
 * charts' series are thinned or aggregated for the page and their captions say so; every
 * chart still draws in a real browser (when chromium is installed, or required as in CI).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchScenarioText } from '../../src/bench/benchScenario.js';
import { browserMissing, expectClean, launchBrowser, visit } from '../support/browser.js';
import { runSource, tempDir } from './runResults.js';

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

  it.skipIf(browserMissing())('draws every chart in a real browser, with no error', async () => {
    const browser = await launchBrowser();
    try {
      const v = await visit(browser, join(out, 'report.html'), 120_000);
      expectClean(v);
      expect(v.charts.map((c) => c.id)).toEqual(expect.arrayContaining(['chart-fleet-share', 'chart-stale-share', 'chart-rollout', 'chart-time-to-patch']));
    } finally {
      await browser.close();
    }
  }, 180_000);
});
