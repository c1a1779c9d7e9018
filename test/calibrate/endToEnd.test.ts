/**
 * "Done when" of observe/calibrate: the simulator's own full INIT_START log (sample 1) of a
 * scenario with three regions, one release and a known phase-2 window (fixtures/three-regions.yaml)
 * is observed and calibrated through the command line, and the fitted region order, publication
 * times and phase-2 window match the scenario. The same log written as filter-log-events JSON
 * pages (one file per log group, `aws_lambda_NAME.json`, pages one after another) and as a Logs
 * Insights console CSV gives the same functions.csv, byte for byte.
 *
 * Tolerances, from the model of what the logs show:
 *   - publication: a region's first sighting comes after its publication by the first of Poisson
 *     deploys (n ≈ 200 functions × 1/20 d → 1/Λ ≈ 2.4 h) plus an init wait (≈ 2 h); calibrate
 *     subtracts the expected delay (≈ 3.5 h), leaving an error of about one such delay (the delay
 *     is close to exponential): 12 h is over three standard errors. The waves are 2 days apart,
 *     so the order is safe by far.
 *   - phase 2: the change points are found on 6 h bins, the moves are known only between two inits
 *     (≈ 2 h apart), and the pooled regions carry their publication errors: 12 h on each edge.
 *   - --check: with ≈ 200 observed and 600 simulated functions per region, the 95% two-sample
 *     Kolmogorov-Smirnov distance is 1.36·sqrt(800/120000) ≈ 0.11; publication errors add a
 *     few hours of shift: 0.2.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { buildVersionTable, REGION_COUNT } from '../../src/model/catalog/versionTable.js';
import { COMMERCIAL_REGIONS } from '../../src/model/catalog/regions.js';
import { formatScenarioError, loadScenarioFile } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/model/spec.js';
import { captureIo, tempDir } from '../report/runResults.js';

const H = 3_600_000;
const D = 24 * H;
const FIXTURE = 'test/calibrate/fixtures/three-regions.yaml';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

async function scenarioOf(file: string): Promise<Scenario> {
  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatScenarioError).join('\n'));
  return loaded.scenario;
}

/** Publication time of the first release in each fleet region, as the model computes it. */
function publications(s: Scenario): Map<string, number> {
  const table = buildVersionTable(s);
  const v = table.byRuntime[0]![1]!;
  return new Map(s.fleet.regions.map((r) => [r.name, table.publishedMs[v * REGION_COUNT + COMMERCIAL_REGIONS.indexOf(r.name)]!]));
}

describe('observe and calibrate the simulator\'s own log', () => {
  const root = tempDir('lrs-calibrate-');
  const run = join(root, 'run');
  const observed = join(root, 'observed');
  const fitted = join(root, 'fitted.yaml');
  let checkOut = '';

  beforeAll(async () => {
    const r = await cli(['run', FIXTURE, '--out', run, '--quiet', '--force', '--no-parquet']);
    expect(r.code, r.err).toBe(0);
    const o = await cli(['observe', join(run, 'init_start.ndjson'), '--out', observed, '--quiet']);
    expect(o.code, o.err).toBe(0);
    const c = await cli(['calibrate', observed, '--out', fitted, '--check', '--quiet']);
    expect(c.code, c.err).toBe(0);
    checkOut = c.out;
  }, 300_000);

  it('fits the region order and publication times within 12 h', async () => {
    const truth = publications(await scenarioOf(FIXTURE));
    const fit = publications(await scenarioOf(fitted));
    const order = (m: Map<string, number>) => [...m].sort((a, b) => a[1] - b[1]).map(([r]) => r);
    expect(order(fit)).toEqual(['eu-west-1', 'ap-south-1', 'us-east-1']);
    expect(order(fit)).toEqual(order(truth));
    for (const [region, at] of truth) expect(Math.abs(fit.get(region)! - at), region).toBeLessThanOrEqual(12 * H);
  });

  it('fits the phase-2 window within 12 h on each edge', async () => {
    const p = (await scenarioOf(fitted)).releases[0]!.phase2;
    expect(Math.abs(p.startAfterMs - 5 * D)).toBeLessThanOrEqual(12 * H);
    expect(Math.abs(p.startAfterMs + p.durationMs - 9 * D)).toBeLessThanOrEqual(12 * H);
  });

  it('fits the fleet: functions, regions, runtime, current version, Auto share', async () => {
    const s = await scenarioOf(fitted);
    expect(s.fleet.functions).toBe(600);
    expect(s.fleet.regions.map((r) => r.name).sort()).toEqual(['ap-south-1', 'eu-west-1', 'us-east-1']);
    expect(s.runtimes).toEqual([{ id: 'python3.12', current: 'python:3.12.v14', expiresAtMs: null }]);
    expect(s.releases.map((r) => r.version)).toEqual(['python:3.12.v15']);
    // Auto share: 0.8 ± 0.08 (binomial sd of 600 functions is 0.016, plus the deploy correction's error).
    const auto = s.fleet.updateModes.find((m) => m.name === 'Auto')?.weight ?? 0;
    expect(Math.abs(auto - 0.8)).toBeLessThan(0.08);
  });

  it('writes a comment with evidence beside every fitted value', () => {
    const text = readFileSync(fitted, 'utf8');
    for (const key of ['functions', 'meanInterval', 'environmentLifetime', 'at', 'startAfter', 'duration']) {
      expect(text, key).toMatch(new RegExp(`^\\s*(- )?${key}: \\S+\\s+# \\S`, 'm'));
    }
  });

  it('--check prints a distance under 0.2 per release and region', () => {
    const rows = checkOut.trim().split('\n').slice(1).map((l) => l.split('\t'));
    expect(rows.map((r) => r[1]).sort()).toEqual(['ap-south-1', 'eu-west-1', 'us-east-1']);
    for (const r of rows) expect(Number(r[4]), r.join(' ')).toBeLessThan(0.2);
  });

  it('gives the same functions.csv from filter-log-events pages and from a Logs Insights CSV', async () => {
    const events = readFileSync(join(run, 'init_start.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { timestamp: number; logGroupName: string; logStreamName: string; message: string });
    // FilterLogEvents pages: one file per log group, no log group in the events (aws-shapes.md).
    const pagesDir = tempDir('lrs-pages-');
    const byGroup = new Map<string, typeof events>();
    for (const e of events) byGroup.set(e.logGroupName, [...(byGroup.get(e.logGroupName) ?? []), e]);
    for (const [group, list] of byGroup) {
      const pages: string[] = [];
      for (let i = 0; i < list.length; i += 100) {
        const page = list.slice(i, i + 100).map((e, k) => ({ logStreamName: e.logStreamName, timestamp: e.timestamp, message: e.message, ingestionTime: e.timestamp + 180, eventId: String(i + k).padStart(56, '0') }));
        pages.push(JSON.stringify({ events: page, searchedLogStreams: [], ...(i + 100 < list.length ? { nextToken: `f/${i}` } : {}) }, null, 4));
      }
      writeFileSync(join(pagesDir, `aws_lambda_${group.slice('/aws/lambda/'.length)}.json`), pages.join('\n'));
    }
    // Logs Insights console CSV: @timestamp as `YYYY-MM-DD HH:MM:SS.mmm` UTC, @log as account:log group, every field quoted.
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = ['@timestamp,@message,@logStream,@log', ...[...events].reverse().map((e) => [new Date(e.timestamp).toISOString().replace('T', ' ').replace('Z', ''), e.message, e.logStreamName, `123456789012:${e.logGroupName}`].map(q).join(','))];
    const csvFile = join(tempDir('lrs-csv-'), 'insights.csv');
    writeFileSync(csvFile, csv.join('\n') + '\n');

    const fromPages = join(root, 'from-pages');
    const fromCsv = join(root, 'from-csv');
    const files = readdirSync(pagesDir).map((f) => join(pagesDir, f));
    expect((await cli(['observe', ...files.reverse(), '--out', fromPages, '--quiet'])).code).toBe(0);
    expect((await cli(['observe', csvFile, '--out', fromCsv, '--quiet'])).code).toBe(0);
    const base = readFileSync(join(observed, 'functions.csv'), 'utf8');
    expect(base.split('\n').length).toBe(602);
    expect(readFileSync(join(fromPages, 'functions.csv'), 'utf8')).toBe(base);
    expect(readFileSync(join(fromCsv, 'functions.csv'), 'utf8')).toBe(base);
    for (const name of ['versions.csv', 'transitions.csv', 'rollout.csv', 'status.html']) {
      expect(readFileSync(join(fromPages, name), 'utf8'), name).toBe(readFileSync(join(observed, name), 'utf8'));
    }
  }, 300_000);
});

describe('irregular waves come back as publishedAt', () => {
  const FILE = 'test/calibrate/fixtures/irregular-waves.yaml';
  it('fits explicit per-region times within 12 h, in order, and the window', async () => {
    const root = tempDir('lrs-irregular-');
    expect((await cli(['run', FILE, '--out', join(root, 'run'), '--quiet', '--force', '--no-parquet'])).code).toBe(0);
    expect((await cli(['observe', join(root, 'run', 'init_start.ndjson'), '--out', join(root, 'obs'), '--quiet'])).code).toBe(0);
    const c = await cli(['calibrate', join(root, 'obs'), '--out', join(root, 'fit.yaml'), '--quiet']);
    expect(c.code, c.err).toBe(0);
    // Gaps of 1 d and 4 d differ by far more than 25% or two standard errors (≈ 10 h): not waves.
    expect(readFileSync(join(root, 'fit.yaml'), 'utf8')).toMatch(/^ {4}publishedAt:\n {6}"eu-west-1": \d+m {2}# first seen/m);
    const truth = publications(await scenarioOf(FILE));
    const fitted = await scenarioOf(join(root, 'fit.yaml'));
    const fit = publications(fitted);
    expect([...fit].sort((a, b) => a[1] - b[1]).map(([r]) => r)).toEqual(['eu-west-1', 'ap-south-1', 'us-east-1']);
    for (const [region, at] of truth) expect(Math.abs(fit.get(region)! - at), region).toBeLessThanOrEqual(12 * H);
    const p = fitted.releases[0]!.phase2;
    expect(Math.abs(p.startAfterMs - 5 * D)).toBeLessThanOrEqual(12 * H);
    expect(Math.abs(p.startAfterMs + p.durationMs - 9 * D)).toBeLessThanOrEqual(12 * H);
  }, 300_000);
});
