/**
 * Confidence: every metric at every point has a mean and a 95% CI (Student t) that narrows
 * with replications; common random numbers (replication r draws the same streams at every
 * point) make the CI of a difference between two points narrower than independent seeds do;
 * --target-ci adds replications until the CI is narrow enough.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meanCi95 } from '../../src/analysis/meanCi.js';
import { METRIC_NAMES, replicationMetrics, summarizeMetricRows } from '../../src/analysis/metrics.js';
import { studentTQuantile } from '../../src/analysis/studentT.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { runCli } from '../../src/cli/cli.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { captureIo, summaryOf, SMALL, SWEEP, tmp } from './helpers.js';

const halfWidth = (ci: readonly [number, number] | null): number => (ci === null ? Number.POSITIVE_INFINITY : (ci[1] - ci[0]) / 2);

describe('confidence intervals', async () => {
  const loaded = await loadScenarioFile(SWEEP);
  if (!loaded.ok || loaded.sweep === null) throw new Error('fixture does not load');
  // Points 0 and 1 differ only in fleet.updateModes.Auto (0.5 vs 0.95).
  const [a, b] = [loaded.sweep.points[0]!.scenario, loaded.sweep.points[1]!.scenario];
  const staleDays = (scenario: typeof a, seed: number, r: number): number =>
    replicationMetrics(simulateReplication(scenario, r, { seed, keepPatches: false })).staleFunctionDays!;
  const n = 10;
  const aSeed11 = Array.from({ length: n }, (_, r) => staleDays(a, 11, r));
  const bSeed11 = Array.from({ length: n }, (_, r) => staleDays(b, 11, r));
  const bSeed99 = Array.from({ length: n }, (_, r) => staleDays(b, 99, r));

  it('narrow with more replications', () => {
    const few = summarizeMetricRows(aSeed11.slice(0, 3).map((v) => ({ staleFunctionDays: v }) as never)).staleFunctionDays;
    const many = summarizeMetricRows(aSeed11.map((v) => ({ staleFunctionDays: v }) as never)).staleFunctionDays;
    expect(halfWidth(many.ci95)).toBeLessThan(halfWidth(few.ci95));
    expect(many.replications).toBe(10);
  });

  it('of a difference between points are narrower with common random numbers than with independent seeds', () => {
    // Paired (CRN): replication r of both points used the same streams.
    const paired = meanCi95(aSeed11.map((x, r) => x - bSeed11[r]!));
    // Independent: point b run with another seed; the difference's CI from both samples' variances.
    const variance = (xs: number[]): number => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    };
    const independentHalf = studentTQuantile(0.975, 2 * n - 2) * Math.sqrt(variance(aSeed11) / n + variance(bSeed99) / n);
    expect(halfWidth(paired.ci95)).toBeLessThan(0.75 * independentHalf);
    // Both estimate the same difference. They share point a's sample, so they differ by
    // mean(b, seed 99) − mean(b, seed 11): two independent samples of point b, whose 95%
    // half-width is t · sqrt(var₁₁/n + var₉₉/n).
    const independentMean = aSeed11.reduce((s, x) => s + x, 0) / n - bSeed99.reduce((s, x) => s + x, 0) / n;
    const bHalf = studentTQuantile(0.975, 2 * n - 2) * Math.sqrt(variance(bSeed11) / n + variance(bSeed99) / n);
    expect(Math.abs(paired.mean - independentMean)).toBeLessThan(bHalf);
  });

  it('are given for every metric at every point in sweep.csv and summary.json', async () => {
    const out = join(tmp(), 'out');
    expect(await runCli(['run', SWEEP, '--out', out, '--quiet', '--workers', '2'], captureIo())).toBe(0);
    const lines = readFileSync(join(out, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('point,releases[0].phase2.duration,fleet.updateModes.Auto,metric,mean,ci95_lo,ci95_hi,replications,unit');
    // one row per metric (34 since the deprecated-runtime metrics) at each of the 4 points
    expect(METRIC_NAMES).toHaveLength(34);
    expect(lines).toHaveLength(1 + 4 * METRIC_NAMES.length);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[3]))).toEqual(new Set(METRIC_NAMES));
    expect(lines[1]).toMatch(/^0,2d,0\.5,staleFunctionDays,[\d.]+,[\d.]+,[\d.]+,4,function-days$/);
    const summary = summaryOf(out);
    expect(summary.points.map((p: { point: number; parameters: object }) => [p.point, p.parameters])).toEqual([
      [0, { 'releases[0].phase2.duration': '2d', 'fleet.updateModes.Auto': 0.5 }],
      [1, { 'releases[0].phase2.duration': '2d', 'fleet.updateModes.Auto': 0.95 }],
      [2, { 'releases[0].phase2.duration': '10d', 'fleet.updateModes.Auto': 0.5 }],
      [3, { 'releases[0].phase2.duration': '10d', 'fleet.updateModes.Auto': 0.95 }],
    ]);
    const m = summary.points[1].metrics.staleFunctionDays;
    expect(m.mean).toBeCloseTo(bSeed11.slice(0, 4).reduce((s, x) => s + x, 0) / 4, 6);
    expect(m.ci95[0]).toBeLessThan(m.mean);
    expect(summary).not.toHaveProperty('metrics');
  }, 60_000);
});

describe('--target-ci', () => {
  it('adds replications until the target metrics\' CIs are within the target, and reports it', async () => {
    const out = join(tmp(), 'out');
    const io = captureIo();
    const code = await runCli(
      ['run', SMALL, '--out', out, '--quiet', '--workers', '2', '-r', '2', '--target-ci', '3%', '--target-metrics', 'staleFunctionDays,lambdaStaleFunctionDays', '--max-replications', '40'],
      io,
    );
    expect(code, io.err).toBe(0);
    const summary = summaryOf(out);
    expect(summary.replications).toBeGreaterThan(2);
    expect(summary.targetCi).toMatchObject({ relativeHalfWidth: 0.03, maxReplications: 40, metrics: ['staleFunctionDays', 'lambdaStaleFunctionDays'] });
    expect(summary.targetCi.met).toBe(true);
    for (const name of ['staleFunctionDays', 'lambdaStaleFunctionDays']) {
      const m = summary.metrics[name];
      expect(halfWidth(m.ci95) / Math.abs(m.mean)).toBeLessThanOrEqual(0.03);
      expect(summary.targetCi.relativeHalfWidths[name]).toBeCloseTo(halfWidth(m.ci95) / Math.abs(m.mean), 12);
    }
    expect(io.out).toContain('target CI ±3% of the mean: met');
  }, 60_000);

  it('stops at --max-replications and says the target was not met', async () => {
    const out = join(tmp(), 'out');
    const io = captureIo();
    expect(await runCli(['run', SMALL, '--out', out, '--quiet', '-r', '2', '--target-ci', '0.1%', '--target-metrics', 'staleFunctionDays', '--max-replications', '5'], io)).toBe(0);
    expect(summaryOf(out).replications).toBe(5);
    expect(summaryOf(out).targetCi.met).toBe(false);
    expect(io.out).toContain('not met within 5 replications');
  }, 60_000);
});
