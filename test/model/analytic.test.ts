/**
 * The analytic results of metrics.md, reproduced by the simulator. Each check allows four
 * standard errors of sampling noise over the number of functions (a false alarm about once
 * in 16,000 checks), so a wrong model fails while a right one passes.
 */
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/simulate.js';
import { DAY, release, scenario, weights } from './scenarioFixture.js';
import { binomialTolerance, empiricalSurvival } from './survivalOf.js';

const N = 20_000;

describe('analytic result 1: FunctionUpdate functions deploying as a Poisson process (R7, R8 phase 1, R9)', () => {
  const lambdaPerDay = 1 / 10;
  const horizonDays = 60;
  const s = scenario({
    horizonMs: horizonDays * DAY,
    fleet: { functions: N, updateModes: weights({ FunctionUpdate: 1 }), deploys: { meanIntervalMs: 10 * DAY, inactiveShare: 0, rateShape: null } },
  });
  const result = simulateReplication(s, 0, { seed: 11, keepPatches: true });

  it.each([1, 3, 7, 14, 30])('S(%i d) = e^(−λt)', (tDays) => {
    const expected = Math.exp(-lambdaPerDay * tDays);
    expect(Math.abs(empiricalSurvival(result, tDays * DAY) - expected)).toBeLessThan(binomialTolerance(expected, N));
  });

  it('stale function-days up to H = N(1 − e^(−λH))/λ, owner-attributed (R18)', () => {
    const l = lambdaPerDay;
    const H = horizonDays;
    const meanPerFunction = (1 - Math.exp(-l * H)) / l;
    const secondMoment = 2 * (1 / (l * l) - Math.exp(-l * H) * (H / l + 1 / (l * l)));
    const sd = Math.sqrt(N * (secondMoment - meanPerFunction ** 2));
    const staleDays = (result.totals.lambdaStaleMs + result.totals.ownerStaleMs) / DAY;
    expect(Math.abs(staleDays - N * meanPerFunction)).toBeLessThan(4 * sd);
    expect(result.totals.lambdaStaleMs).toBe(0);
  });

  it('phase 2 never moves them: every patch comes from a deploy (R9)', () => {
    const rows = result.patches!;
    for (let i = 0; i < rows.length; i++) {
      if (!Number.isNaN(rows.patchedMs[i]!)) expect(rows.how[i]).toBe(0 /* phase1 */);
    }
  });
});

describe('analytic result 2: an inactive share plus Gamma-distributed deploy rates', () => {
  const k = 2;
  const meanDays = 10;
  const w0 = 0.3;
  const s = scenario({
    horizonMs: 60 * DAY,
    fleet: { functions: N, updateModes: weights({ FunctionUpdate: 1 }), deploys: { meanIntervalMs: meanDays * DAY, inactiveShare: w0, rateShape: k } },
  });
  const result = simulateReplication(s, 0, { seed: 12, keepPatches: true });

  it.each([2, 10, 30, 59])('S(%i d) = w0 + (1 − w0)(1 + t/(k m))^(−k)', (tDays) => {
    const expected = w0 + (1 - w0) * (1 + tDays / (k * meanDays)) ** -k;
    expect(Math.abs(empiricalSurvival(result, tDays * DAY) - expected)).toBeLessThan(binomialTolerance(expected, N));
  });
});

describe('analytic result 3: Auto functions, phase 2 spread evenly over [T2, T2 + D] (R8)', () => {
  const lambdaPerDay = 1 / 14;
  const T2 = 7;
  const D = 7;
  const s = scenario({
    horizonMs: 30 * DAY,
    fleet: { functions: N, updateModes: weights({ Auto: 1 }), deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 0, rateShape: null } },
    releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: 2 * DAY, phase2: { startAfterMs: T2 * DAY, durationMs: D * DAY } })],
  });
  const result = simulateReplication(s, 0, { seed: 13, keepPatches: true });

  it.each([1, 5, 7, 8, 10, 12, 13.5])('S(%f d) = e^(−λt)·(1 − clip((t − T2)/D, 0, 1))', (tDays) => {
    const clip = Math.min(1, Math.max(0, (tDays - T2) / D));
    const expected = Math.exp(-lambdaPerDay * tDays) * (1 - clip);
    expect(Math.abs(empiricalSurvival(result, tDays * DAY) - expected)).toBeLessThan(binomialTolerance(expected, N));
  });

  it('everything is patched once the phase-2 window has closed', () => {
    expect(empiricalSurvival(result, (T2 + D) * DAY)).toBe(0);
  });

  it("all stale time of Auto Zip functions is Lambda's (R18)", () => {
    expect(result.totals.ownerStaleMs).toBe(0);
    expect(result.totals.lambdaStaleMs).toBeGreaterThan(0);
  });
});

describe('analytic result 3, Manual: S(t) = 1 (R7, R9)', () => {
  const s = scenario({
    horizonMs: 40 * DAY,
    fleet: { functions: 2000, updateModes: weights({ Manual: 1 }), deploys: { meanIntervalMs: 1 * DAY, inactiveShare: 0, rateShape: null } },
    releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: 5 * DAY, phase2: { startAfterMs: 0, durationMs: DAY } })],
  });
  const result = simulateReplication(s, 0, { seed: 14, keepPatches: true });

  it('no Manual function ever moves, despite daily deploys and a finished phase 2', () => {
    expect(empiricalSurvival(result, 35 * DAY - 1)).toBe(1);
    const rows = result.patches!;
    expect(rows.length).toBe(2000);
    for (let i = 0; i < rows.length; i++) expect(rows.patchedMs[i]).toBeNaN();
  });

  it("every function is stale from publication to horizon, all of it the owner's (R18)", () => {
    expect(result.totals.ownerStaleMs).toBe(2000 * 35 * DAY);
    expect(result.totals.lambdaStaleMs).toBe(0);
  });
});
