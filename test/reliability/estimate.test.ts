/**
 * Resource limits (src/batch/estimate.ts, resources.ts): the estimate is pure and sane on its own, refuses
 * with advice that fits the run, and is within a factor of 2 of what real runs use: the rise
 * of peak RSS of one replication (the median of five child processes, each after a warm-up), and the
 * bytes of the CSV/NDJSON/JSON files the built CLI writes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../src/batch/workerFile.js';
import { estimateRun } from '../../src/batch/estimate.js';
import { checkResources, defaultResourceLimits, MEMORY_BUDGET_SHARE } from '../../src/batch/resources.js';
import { formatScenarioError, loadScenarioFile } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/model/spec.js';
import { PATCH_CHUNK_ROWS } from '../../src/model/measure/patchLog.js';
import { DAY, release, scenario as fixture, weights } from '../model/scenarioFixture.js';

const PATCH_HEAVY = 'test/reliability/fixtures/patch-heavy.yaml';
const EXAMPLE = 'scenarios/python-patch-incompatibility.yaml';

async function load(file: string): Promise<Scenario> {
  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatScenarioError).join('\n'));
  return loaded.scenario;
}

const GB = 1e9;

describe('estimateRun on its own', () => {
  const s = fixture({
    fleet: { functions: 10_000, regions: weights({ 'us-east-1': 1 }) },
    releases: [1, 2, 3, 4].map((k) => release({ runtime: 'python3.12', version: `python:3.12.v${14 + k}`, atMs: k * DAY })),
  });

  it('counts one patch row per function and release that reaches its region (R10), and is pure', () => {
    const e = estimateRun(s, { replications: 3, keepPatches: true, keepChanges: false });
    expect(e.rows.patches).toBe(40_000);
    expect(estimateRun(s, { replications: 3, keepPatches: true, keepChanges: false })).toEqual(e);
    expect(e.outputs['patches.csv']).toBeGreaterThan(3 * 40_000 * 50);
  });

  it('holds one chunk of patch rows, whatever the fleet, when they are spilled to the work folder', () => {
    const big = fixture({
      fleet: { functions: 1_000_000, regions: weights({ 'us-east-1': 1 }) },
      releases: [1, 2, 3, 4].map((k) => release({ runtime: 'python3.12', version: `python:3.12.v${14 + k}`, atMs: k * DAY })),
    });
    const kept = estimateRun(big, { replications: 1, keepPatches: true, keepChanges: false });
    const spilled = estimateRun(big, { replications: 1, keepPatches: true, keepChanges: false, spillPatches: true });
    expect(spilled.replication.patches).toBe(2 * 23 * PATCH_CHUNK_ROWS);
    expect(kept.replication.patches).toBe(2 * 23 * 4_000_000);
    expect(spilled.outputs['patches.csv']).toBe(kept.outputs['patches.csv']);
  });

  it('drops patch memory and patches.csv with --no-patches', () => {
    const e = estimateRun(s, { replications: 3, keepPatches: false, keepChanges: false });
    expect(e.replication.patches).toBe(0);
    expect(e.outputs['patches.csv']).toBeUndefined();
  });

  it('grows with workers, not with replications run one after another', () => {
    const one = estimateRun(s, { replications: 10, keepPatches: true, keepChanges: false, workers: 1 });
    const four = estimateRun(s, { replications: 10, keepPatches: true, keepChanges: false, workers: 4 });
    const many = estimateRun(s, { replications: 1000, keepPatches: true, keepChanges: false, workers: 1 });
    expect(four.peakMemoryBytes).toBeGreaterThan(3 * one.peakMemoryBytes * 0.9);
    expect(many.peakMemoryBytes).toBe(one.peakMemoryBytes);
    expect(many.outputBytes).toBeGreaterThan(50 * one.outputBytes);
  });

  it('gives Infinity, never NaN, for rates that overflow', () => {
    const huge = fixture({
      fleet: { functions: 1000, invocationsPerDay: { median: 1e9, sigma: 40 } },
      outputs: { initStartLog: { sample: 1 }, events: false },
    } as never);
    const e = estimateRun(huge, { replications: 1, keepPatches: true, keepChanges: false });
    expect(e.peakMemoryBytes).toBe(Number.POSITIVE_INFINITY);
    const check = checkResources(e, defaultResourceLimits(4 * GB));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/unbounded amount/);
  });
});

describe('checkResources', () => {
  const big = fixture({
    horizonMs: 365 * DAY,
    sampleEveryMs: 3_600_000,
    fleet: { functions: 2_000_000, regions: weights({ 'us-east-1': 1, 'eu-west-1': 1 }) },
    releases: Array.from({ length: 26 }, (_, k) => release({ runtime: 'python3.12', version: `python:3.12.v${15 + k}`, atMs: (1 + 14 * k) * DAY })),
  });
  const context = { functions: 2_000_000, replications: 20, workers: 2, sampleEveryMs: 3_600_000 };

  it('accepts a run within the budget', () => {
    const small = estimateRun(fixture(), { replications: 1, keepPatches: true, keepChanges: false });
    expect(checkResources(small, defaultResourceLimits(4 * GB))).toEqual({ ok: true });
  });

  it('refuses a run over the memory budget, saying how to shrink it', () => {
    const e = estimateRun(big, { replications: 20, keepPatches: true, keepChanges: false, workers: 2 });
    const check = checkResources(e, defaultResourceLimits(4 * GB), context);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toMatch(/^this run needs about [\d.]+ GB of memory: 2 worker\(s\) × [\d.]+ GB per replication while it is simulated \(patch rows/);
    expect(check.message).toContain('more than the budget of 3.0 GB');
    expect(check.message).toContain('--no-patches (patch rows:');
    expect(check.message).toContain('fewer functions (fleet.functions, now 2,000,000)');
    expect(check.message).toContain('--workers 1 (now 2)');
    // Replications run one after another: they cost output, not memory.
    expect(check.message).not.toContain('replications');
    expect(check.message).not.toMatch(/\n/);
  });

  it('advises a larger sampleEvery when timeseries rows are what is large', () => {
    const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'ap-northeast-1', 'ap-southeast-1'] as const;
    const dense = fixture({
      horizonMs: 365 * DAY,
      sampleEveryMs: 60_000,
      fleet: {
        functions: 100_000,
        regions: weights(Object.fromEntries(regions.map((r) => [r, 1])) as Record<(typeof regions)[number], number>),
        architectures: weights({ x86_64: 1, arm64: 1 }),
        updateModes: weights({ Auto: 1, FunctionUpdate: 1, Manual: 1 }),
      },
      releases: Array.from({ length: 20 }, (_, k) => release({ runtime: 'python3.12', version: `python:3.12.v${15 + k}`, atMs: (1 + 14 * k) * DAY })),
    });
    const e = estimateRun(dense, { replications: 1, keepPatches: false, keepChanges: false });
    const check = checkResources(e, defaultResourceLimits(4 * GB), { functions: 100_000, replications: 1, workers: 1, sampleEveryMs: 60_000 });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/To shrink it: a larger sampleEvery \(now 1m\) \(timeseries rows: [\d.]+ GB\)/);
  });

  it('does not advise --no-patches when patches are already off', () => {
    const e = estimateRun(big, { replications: 20, keepPatches: false, keepChanges: false, workers: 1 });
    const check = checkResources(e, { memoryBytes: 1e6, outputBytes: Number.POSITIVE_INFINITY });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).not.toContain('--no-patches');
  });

  it('refuses output over a given limit', () => {
    const e = estimateRun(big, { replications: 20, keepPatches: true, keepChanges: false });
    const check = checkResources(e, { memoryBytes: Number.POSITIVE_INFINITY, outputBytes: 10 * GB }, context);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.message).toMatch(/^it would write about [\d.]+ (GB|TB) \(patches\.csv/);
      expect(check.message).toContain('--no-patches (patches.csv:');
      expect(check.message).toContain('fewer replications (--replications N, now 20)');
    }
  });

  it('budgets 75% of the heap limit by default', () => {
    expect(MEMORY_BUDGET_SHARE).toBe(0.75);
    expect(defaultResourceLimits(4 * GB)).toEqual({ memoryBytes: 3 * GB, outputBytes: Number.POSITIVE_INFINITY });
  });
});

describe('the estimate against real runs (factor of 2)', () => {
  const within2 = (estimated: number, measured: number, what: string): void => {
    const ratio = estimated / measured;
    expect(ratio, `${what}: estimated ${estimated}, measured ${measured}`).toBeGreaterThan(0.5);
    expect(ratio, `${what}: estimated ${estimated}, measured ${measured}`).toBeLessThan(2);
  };

  // The rise of peak RSS depends on when V8 happens to collect garbage: one replication of the
  // example scenario measured 7.6 to 18.5 MB over a dozen runs of the same build. So the estimate
  // is compared with the median of several runs, each in a fresh process.
  const MEMORY_RUNS = 5;
  type Measured = { estimatedBytes: number; peakRiseBytes: number; patchRows: number; estimatedPatchRows: number };
  const measureOnce = (file: string): Measured => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/reliability/memoryChild.ts', file], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as Measured;
  };
  const median = (xs: number[]): number => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };

  for (const file of [PATCH_HEAVY, EXAMPLE]) {
    it(`memory of one replication: ${file}`, () => {
      const runs = Array.from({ length: MEMORY_RUNS }, () => measureOnce(file));
      const m = runs[0]!;
      within2(m.estimatedBytes, median(runs.map((r) => r.peakRiseBytes)), `median peak RSS rise of ${MEMORY_RUNS} runs (${runs.map((r) => r.peakRiseBytes).join(', ')})`);
      // The simulation is deterministic: every run holds the same patch rows.
      expect(new Set(runs.map((r) => r.patchRows)).size).toBe(1);
      within2(m.estimatedPatchRows, m.patchRows, 'patch rows');
    }, 120_000);
  }

  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  for (const file of [PATCH_HEAVY, EXAMPLE]) {
    it(`output size: ${file}`, async () => {
      ensureBuilt(process.cwd());
      const dir = mkdtempSync(join(tmpdir(), 'lrs-estimate-'));
      dirs.push(dir);
      const out = join(dir, 'out');
      execFileSync(process.execPath, ['dist/cli/main.js', 'run', file, '--out', out, '--quiet', '--no-parquet', '--workers', '1'], { stdio: 'ignore' });
      const s = await load(file);
      const e = estimateRun(s, { replications: s.replications, keepPatches: true, keepChanges: s.outputs.events });
      let total = 0;
      // The report (report.html, charts/) is a few MB whatever the run; the estimate leaves it out.
      for (const name of readdirSync(out).filter((n) => !n.startsWith('.') && n !== 'report.html' && n !== 'charts')) {
        const size = statSync(join(out, name)).size;
        total += size;
        if (size > 1e6) within2(e.outputs[name] ?? 0, size, name);
      }
      within2(e.outputBytes, total, 'all files');
    }, 60_000);
  }
});
