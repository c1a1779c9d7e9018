/**
 * Function versions as the unit of state (issue 10): the constructor from data, phase 2 on
 * every Auto published version (R14), the per-version stale measure, R14's alias rollback for
 * Auto vs FunctionUpdate, configuration updates as a phase-1 trigger (R8, metrics.md result 1)
 * and technical lag (metrics.md), each against a result computed outside the model.
 */
import { describe, expect, it } from 'vitest';
import { FleetState, MODE_AUTO, MODE_FUNCTION_UPDATE, MODE_MANUAL } from '../../../src/model/fleet/fleetState.js';
import { setFunctionVersions, slotIndex } from '../../../src/model/fleet/functionVersions.js';
import { replicationMetrics } from '../../../src/analysis/metrics.js';
import { simulateReplication } from '../../../src/model/simulate.js';
import type { ReleaseSpec } from '../../../src/model/spec.js';
import { DAY, HOUR, release, scenario, weights } from '../scenarioFixture.js';

const v15 = (over: Partial<ReleaseSpec> = {}): ReleaseSpec =>
  release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: DAY, ...over });
const noDeploys = { meanIntervalMs: 14 * DAY, inactiveShare: 1, rateShape: null };

describe('setFunctionVersions: a function from data (an inventory)', () => {
  it('holds $LATEST and N kept published versions, each with its own runtime version, mode and pin, and the alias target', () => {
    const fleet = new FleetState(4, 3);
    const f = fleet.add();
    setFunctionVersions(fleet, f, {
      latest: { version: 3, mode: MODE_FUNCTION_UPDATE, pinned: false },
      published: [
        { number: 4, version: 1, mode: MODE_AUTO, pinned: false },
        { number: 6, version: 2, mode: MODE_MANUAL, pinned: false },
        { number: 7, version: 2, mode: MODE_AUTO, pinned: true },
      ],
      aliasNumber: 7,
    });
    expect(fleet.publishedCount(f)).toBe(3);
    expect(fleet.slotNumber(slotIndex(f, fleet.aliasSlot(f)))).toBe(7);
    expect(fleet.version(f)).toBe(2); // the alias's version serves
    expect(fleet.mode(f)).toBe(MODE_MANUAL); // pinned: effectively Manual (R12)
    expect(fleet.nextNumber(f)).toBe(8); // Lambda never reuses a number
    expect(fleet.slotMode(slotIndex(f, 0))).toBe(MODE_FUNCTION_UPDATE);
  });

  it('refuses data Lambda could not hold: too many versions, an alias on a deleted version, numbers not increasing', () => {
    const fleet = new FleetState(4, 2);
    const f = fleet.add();
    const v = { version: 0, mode: MODE_AUTO, pinned: false };
    expect(() => setFunctionVersions(fleet, f, { latest: v, published: [1, 2, 3].map((number) => ({ ...v, number })), aliasNumber: 3 })).toThrow(RangeError);
    expect(() => setFunctionVersions(fleet, f, { latest: v, published: [{ ...v, number: 2 }], aliasNumber: 1 })).toThrow(RangeError);
    expect(() => setFunctionVersions(fleet, f, { latest: v, published: [{ ...v, number: 2 }, { ...v, number: 2 }], aliasNumber: 2 })).toThrow(RangeError);
  });
});

describe('staleFunctionVersionDays over every kept function version', () => {
  const N = 1000;
  const H = 20 * DAY;
  it('FunctionUpdate aliases that never deploy: all 1 + retain versions stale from publication to the horizon (R9, R14)', () => {
    const s = scenario({ horizonMs: H, fleet: { functions: N, publishedVersionShare: 1, updateModes: weights({ FunctionUpdate: 1 }), deploys: noDeploys }, releases: [v15()] });
    const t = simulateReplication(s, 0, { seed: 1, keepPatches: false }).totals;
    expect(t.ownerStaleVersionMs).toBe(N * 4 * (H - DAY));
    expect(t.lambdaStaleVersionMs).toBe(0);
    expect(t.ownerStaleMs).toBe(N * (H - DAY)); // the headline counts the serving version only
  });

  it('Auto aliases: phase 2 moves $LATEST and every published version together, so version stale time is 4× the live one (R14)', () => {
    const s = scenario({ horizonMs: H, fleet: { functions: N, publishedVersionShare: 1, updateModes: weights({ Auto: 1 }), deploys: noDeploys }, releases: [v15({ phase2: { startAfterMs: DAY, durationMs: 5 * DAY } })] });
    const t = simulateReplication(s, 0, { seed: 2, keepPatches: false }).totals;
    expect(t.lambdaStaleMs).toBeGreaterThan(0);
    expect(t.lambdaStaleVersionMs).toBe(4 * t.lambdaStaleMs);
    expect(t.ownerStaleVersionMs).toBe(0);
  });
});

describe('R14: an alias redirect rolls the runtime back for FunctionUpdate, not for Auto', () => {
  const run = (mode: 'Auto' | 'FunctionUpdate'): ReturnType<typeof replicationMetrics> => {
    const s = scenario({
      horizonMs: 20 * DAY,
      fleet: {
        functions: 3000, publishedVersionShare: 1, updateModes: weights({ [mode]: 1 } as Record<'Auto', number>),
        deploys: { meanIntervalMs: 3 * DAY, inactiveShare: 0, rateShape: null },
      },
      releases: [v15({ phase2: { startAfterMs: 0, durationMs: HOUR }, incompatibility: { share: 0.3, errorRate: 1, architectures: null, regions: null, packageTypes: null } })],
    });
    return replicationMetrics(simulateReplication(s, 0, { seed: 3, keepPatches: false }));
  };
  it('Auto: phase 2 already moved the earlier published versions, so every redirect rolls back nothing and the owner pins', () => {
    const m = run('Auto');
    expect(m.rollbacksByAlias).toBe(0);
    expect(m.aliasRedirectsWithoutRollback).toBeGreaterThan(100);
    expect(m.rollbacksByPin).toBeGreaterThan(100);
  });
  it('FunctionUpdate: the earlier published version is a static snapshot, so redirects roll back', () => {
    const m = run('FunctionUpdate');
    expect(m.rollbacksByAlias).toBeGreaterThan(100);
    // Only a function that deployed the bad version onto every kept version before its owner
    // noticed (3 deploys within hours, at one per 3 days) has no good version left.
    expect(m.aliasRedirectsWithoutRollback!).toBeLessThan(0.02 * m.rollbacksByAlias!);
  });
});

describe('fleet.configUpdates: the second phase-1 trigger (R8), metrics.md result 1', () => {
  it('FunctionUpdate functions updating their configuration at rate λ: stale function-days = N (1 − e^(−λT)) / λ', () => {
    const N = 4000;
    const meanMs = 5 * DAY;
    const T = 19 * DAY; // publication at day 1, horizon at day 20
    const s = scenario({
      horizonMs: 20 * DAY,
      fleet: { functions: N, updateModes: weights({ FunctionUpdate: 1 }), deploys: noDeploys, configUpdates: { meanIntervalMs: meanMs } },
      releases: [v15()],
    });
    const t = simulateReplication(s, 0, { seed: 4, keepPatches: false }).totals;
    const expectedDays = (N * (1 - Math.exp(-T / meanMs)) * meanMs) / DAY;
    // Each function's stale time is min(Exp(λ), T): sd below 1/λ, so the sum's sd is below √N/λ.
    const sdDays = (Math.sqrt(N) * meanMs) / DAY;
    expect(Math.abs(t.ownerStaleMs / DAY - expectedDays)).toBeLessThan(4 * sdDays);
    expect(t.lambdaStaleMs).toBe(0);
  });
});

describe('technical lag (metrics.md)', () => {
  it('Manual functions behind one release published at day 2.5, sampled daily to day 10', () => {
    const s = scenario({ horizonMs: 10 * DAY, sampleEveryMs: DAY, fleet: { functions: 100, updateModes: weights({ Manual: 1 }) }, releases: [v15({ atMs: 2.5 * DAY })] });
    const t = simulateReplication(s, 0, { seed: 5, keepPatches: false }).totals;
    // Samples at days 0…10: 1 version behind from day 3 on (8 of 11 samples), by k − 2.5 days.
    expect(t.technicalLagVersionsMean).toBeCloseTo(8 / 11, 12);
    expect(t.technicalLagDaysMean).toBeCloseTo((0.5 + 1.5 + 2.5 + 3.5 + 4.5 + 5.5 + 6.5 + 7.5) / 11, 12);
    expect(t.technicalLagVersionsP95).toBe(1);
    expect(t.technicalLagDaysP95).toBeCloseTo(7.5, 12);
  });
});
