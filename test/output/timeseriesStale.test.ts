/**
 * The `stale` column of timeseries.csv against the model's own window of exposure: summing
 * stale functions over samples (a Riemann sum) must give the staleFunctionDays the model
 * booked — also when a release is halted and withdrawn (R11), after which it no longer makes
 * anyone stale.
 */
import { describe, expect, it } from 'vitest';
import { buildVersionTable } from '../../src/model/catalog/versionTable.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { timeseriesTable } from '../../src/output/timeseriesCsv.js';
import { DAY, HOUR, release, scenario, weights } from '../model/scenarioFixture.js';

const MIN = 60_000;

describe('timeseries.csv stale column', () => {
  const s = scenario({
    horizonMs: 30 * DAY,
    sampleEveryMs: HOUR,
    fleet: {
      functions: 6000,
      regions: weights({ 'us-east-1': 1, 'eu-west-1': 1, 'ap-northeast-2': 1 }),
      updateModes: weights({ Auto: 0.8, FunctionUpdate: 0.2 }),
      deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 0, rateShape: null },
      invocationsPerDay: { median: 5000, sigma: 0.5 },
    },
    releases: [release({
      runtime: 'python3.12', version: 'python:3.12.v15', atMs: DAY + 17 * MIN, // off the hourly sample grid
      regionWaves: [['us-east-1'], ['eu-west-1'], ['ap-northeast-2']], regionIntervalMs: 3 * DAY,
      phase2: { startAfterMs: 0, durationMs: 0 },
      incompatibility: { share: 0.2, errorRate: 1, architectures: null, regions: null, packageTypes: null },
      halt: { afterFailingFunctions: 20, delayMs: 2 * HOUR, rollback: { startAfterMs: 0, durationMs: DAY } },
    })],
    owners: {
      detectionDelay: { medianMs: 6 * HOUR, sigma: 1 },
      alarms: { share: 1, medianMs: 5 * MIN, sigma: 0.5 },
      rollback: { unpinAfterMs: 14 * DAY, neverUnpinShare: 0 },
      migrations: { perFunctionPerDay: 0, retryAfterMs: DAY },
    },
  });

  it('adds up to the staleFunctionDays the model booked, within the sampling error', () => {
    const result = simulateReplication(s, 0, { seed: 61, keepPatches: false });
    expect(Number.isNaN(result.rollout.haltedAtMs[1]!)).toBe(false); // the release was halted
    let staleSampleHours = 0;
    for (const row of timeseriesTable.rows(s, buildVersionTable(s), result)) {
      if (row[9] === 1) staleSampleHours += Number(row[8]);
    }
    const staleDaysFromColumn = staleSampleHours / 24;
    const booked = (result.totals.lambdaStaleMs + result.totals.ownerStaleMs) / DAY;
    expect(booked).toBeGreaterThan(20);
    // Each function's stale stretches start and end between samples: at most an hour per edge.
    expect(Math.abs(staleDaysFromColumn - booked) / booked).toBeLessThan(0.05);
  });
});
