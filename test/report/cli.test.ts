/**
 * `report DIR` and `compare DIR DIR... --out FILE` through the real command line: files written
 * atomically, clear refusals (exit code 2).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { EXIT_USAGE, type CliIo } from '../../src/cli/io.js';
import { captureIo, runScenario, tempDir } from './runResults.js';

/** The real command line (src/cli/cli.ts), where both commands are registered. */
const cli = (args: readonly string[], io: CliIo): Promise<number> => runCli(args, io);

describe('report and compare commands', () => {
  const root = tempDir();
  const a = join(root, 'a');
  const b = join(root, 'b');
  beforeAll(async () => {
    await runScenario('scenarios/container-vs-zip.yaml', a, { functions: 1000, replications: 2 });
    await runScenario('scenarios/patch-speed-by-mode.yaml', b, { functions: 1000, replications: 2 });
  }, 240_000);

  it('report DIR writes report.html and charts/ into the folder, replacing an older report whole', async () => {
    const io = captureIo();
    expect(await cli(['report', a], io)).toBe(0);
    expect(io.err).toContain(join(a, 'report.html'));
    expect(readFileSync(join(a, 'report.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    const charts = readdirSync(join(a, 'charts')).sort();
    expect(charts).toContain('fleet-share.svg');
    // A stale chart from an earlier report is gone after a rebuild; no temporary files are left.
    writeFileSync(join(a, 'charts', 'old-chart.svg'), '<svg/>');
    expect(await cli(['report', a, '--quiet'], captureIo())).toBe(0);
    expect(readdirSync(join(a, 'charts')).sort()).toEqual(charts);
    expect(readdirSync(a).filter((f) => f.startsWith('.') && f !== '.lambda-rollout-sim')).toEqual([]);
  }, 120_000);

  it('compare writes one page and its charts beside it', async () => {
    const out = join(root, 'cmp', 'side-by-side.html');
    const io = captureIo();
    expect(await cli(['compare', a, b, '--out', out, '--label', 'images', '--label', 'modes'], io)).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page.includes('<h1>Comparison: images vs modes</h1>')).toBe(true);
    expect(readdirSync(join(root, 'cmp', 'side-by-side-charts'))).toContain('compare-metrics.svg');
  }, 120_000);

  it('refuses what it cannot do, with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['report', join(root, 'missing')], /no such folder/],
      [['report', tempDir()], /summary\.json: not found/],
      [['compare', a, '--out', join(root, 'x.html')], /two or more/],
      [['compare', a, b, '--out', join(root, 'x.txt')], /\.html/],
      [['compare', a, b, '--out', join(root, 'x.html'), '--label', 'only-one'], /--label given 1/],
    ];
    for (const [args, message] of cases) {
      const io = captureIo();
      expect(await cli(args, io), args.join(' ')).toBe(EXIT_USAGE);
      expect(io.err).toMatch(message);
    }
    expect(existsSync(join(root, 'x.html'))).toBe(false);
  }, 60_000);
});
