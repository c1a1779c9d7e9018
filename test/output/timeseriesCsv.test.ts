/**
 * timeseries.csv's fast lines (labels and times made into text once per cell and sample) are
 * byte for byte the CSV of its rows, over fleets with images, several runtimes and regions,
 * a halted release, times off the day grid and a replication other than 0.
 */
import { describe, expect, it } from 'vitest';
import { benchScenario } from '../../src/bench/benchScenario.js';
import { buildVersionTable } from '../../src/model/catalog/versionTable.js';
import type { Scenario } from '../../src/model/spec.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { csvLine } from '../../src/output/csv.js';
import { timeseriesTable } from '../../src/output/timeseriesCsv.js';
import { DAY, HOUR, release, scenario, weights } from '../model/scenarioFixture.js';

function sameLines(s: Scenario, replication: number): number {
  const result = simulateReplication(s, replication, { seed: 5, keepPatches: false });
  const versions = buildVersionTable(s);
  const fromRows = [...timeseriesTable.rows(s, versions, result)].map(csvLine);
  const fast = [...timeseriesTable.csvLines!(s, versions, result)];
  expect(fast).toEqual(fromRows);
  return fast.length;
}

describe('timeseries.csv lines', () => {
  it('are the CSV of the rows: a fleet with images in 34 regions and 4 runtimes', () => {
    const lines = sameLines(benchScenario({ functions: 3000, horizonDays: 60, releaseDays: 60 }), 2);
    expect(lines).toBeGreaterThan(5_000);
  });

  it('are the CSV of the rows: hourly samples and a halted release (stale from its halt)', () => {
    const s = scenario({
      horizonMs: 10 * DAY,
      sampleEveryMs: 7 * HOUR,
      fleet: { functions: 2000, regions: weights({ 'us-east-1': 1, 'eu-west-1': 1 }), updateModes: weights({ Auto: 0.7, FunctionUpdate: 0.2, Manual: 0.1 }) },
      releases: [release({
        runtime: 'python3.12', version: 'python:3.12.v15', atMs: DAY,
        regionWaves: [['us-east-1'], ['eu-west-1']], regionIntervalMs: DAY,
        phase2: { startAfterMs: 0, durationMs: DAY },
        incompatibility: { share: 0.3, errorRate: 1, architectures: null, regions: null, packageTypes: null },
        halt: { afterFailingFunctions: 10, delayMs: HOUR, rollback: { startAfterMs: 0, durationMs: DAY } },
      })],
    });
    const result = simulateReplication(s, 1, { seed: 5, keepPatches: false });
    expect(Number.isNaN(result.rollout.haltedAtMs[1]!)).toBe(false);
    expect(sameLines(s, 1)).toBeGreaterThan(100);
  });
});
