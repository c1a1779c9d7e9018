/**
 * status.html opened headless in a real browser (Debian's chromium through playwright-core), from
 * file://, like the simulation report (test/report/browser.test.ts): every chart draws (an SVG
 * with marks), nothing is fetched, nothing logs an error or a warning, and the stale table is there.
 * The page comes from observing a small run of the three-region scenario.
 *
 * Skipped when chromium is not installed, unless REPORT_BROWSER_REQUIRED=1 (test/support/browser.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { captureIo, runSource, shrinkSource, tempDir } from '../report/runResults.js';
import { browserMissing, expectClean, launchBrowser, visit } from '../support/browser.js';

describe.skipIf(browserMissing())('status.html in a real browser', () => {
  it('draws every chart offline, with no error and no request', async () => {
    const root = tempDir('lrs-status-');
    const source = shrinkSource(readFileSync('test/calibrate/fixtures/three-regions.yaml', 'utf8'), { functions: 150, replications: 1 });
    await runSource(source, 'three-regions.yaml', join(root, 'run'), ['--no-parquet']);
    const io = captureIo();
    expect(await runCli(['observe', join(root, 'run', 'init_start.ndjson'), '--out', join(root, 'obs'), '--quiet'], io), io.err).toBe(0);
    const file = join(root, 'obs', 'status.html');

    const browser = await launchBrowser();
    try {
      const v = await visit(browser, file);
      expectClean(v);
      expect(v.charts.map((c) => c.id)).toEqual(['chart-fleet-share', 'chart-rollout-regions', 'chart-time-to-patch']);
      const staleCaption = await v.page.evaluate(() => document.querySelector('#section-stale caption')?.textContent ?? '');
      expect(staleCaption).toMatch(/^Functions on stale versions now: \d+ of \d+ function versions/);
      const shot = join(root, 'status.png');
      await v.page.screenshot({ path: shot, fullPage: true });
      console.log(`screenshot: ${shot}`);
    } finally {
      await browser.close();
    }
  }, 300_000);
});
