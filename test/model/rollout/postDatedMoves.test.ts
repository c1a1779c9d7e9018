/**
 * Post-dated moves (src/model/rollout/postDatedMoves.ts) against entity timers for every move
 * (`moves: 'timers'`), the way the model ran before: the same scenarios must give the same
 * fleet samples, the same patch rows (as a set: their booking order differs), the same
 * survival histogram, exposure episodes and event count, every total equal (floating-point
 * sums to 1e-9 relative), and the same change trace, still in time order.
 *
 * The scenarios take in what a post-dated move must get right: incompatible releases with
 * halts and rollbacks (moves that must stay timers, and moves that change kind when a bad
 * release reaches a function holding one), expiry, migrations, creations, configuration
 * updates, published versions and aliases, container images, the runtime lifecycle, and moves
 * at exactly a sample's time.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../src/scenario/load.js';
import { simulateReplication } from '../../../src/model/simulate.js';
import type { ReplicationResult } from '../../../src/model/result.js';
import type { Scenario } from '../../../src/model/spec.js';
import { DAY, HOUR, release, scenario, weights } from '../scenarioFixture.js';

async function bundled(name: string, functions: number): Promise<Scenario> {
  const loaded = await loadScenarioFile(`scenarios/${name}`);
  if (!loaded.ok) throw new Error(`${name}: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return { ...loaded.scenario, fleet: { ...loaded.scenario.fleet, functions: Math.min(functions, loaded.scenario.fleet.functions) } };
}

const patchRowSet = (r: ReplicationResult): string[] => {
  const p = r.patches!;
  const rows: string[] = [];
  for (let i = 0; i < p.length; i++) rows.push(`${p.functionId[i]},${p.version[i]},${p.publishedMs[i]},${p.patchedMs[i]},${p.how[i]},${p.mode[i]}`);
  return rows.sort();
};

const changeRows = (r: ReplicationResult): string[] => {
  const c = r.changes!;
  const rows: string[] = [];
  for (let i = 0; i < c.atMs.length; i++) {
    rows.push(`${c.atMs[i]},${c.functionId[i]},${c.action[i]},${c.fromVersion[i]},${c.toVersion[i]},${c.cause[i]},${c.qualifier[i]},${c.architecture[i]}`);
  }
  return rows;
};

function expectSameModel(timers: ReplicationResult, postDated: ReplicationResult): void {
  for (const column of ['sample', 'cell', 'functions'] as const) {
    expect(Array.from(postDated.timeseries[column]), `timeseries.${column}`).toEqual(Array.from(timers.timeseries[column]));
  }
  expect(patchRowSet(postDated)).toEqual(patchRowSet(timers));
  expect(Array.from(postDated.survival.patched)).toEqual(Array.from(timers.survival.patched));
  expect(Array.from(postDated.survival.censored)).toEqual(Array.from(timers.survival.censored));
  for (const [key, value] of Object.entries(timers.totals)) {
    const other = (postDated.totals as Record<string, unknown>)[key];
    if (typeof value === 'number' && !Number.isInteger(value)) expect(other as number, key).toBeCloseTo(value, Math.max(0, 9 - Math.ceil(Math.log10(Math.abs(value) + 1))));
    else expect(other, key).toEqual(value);
  }
  const exposure = Array.from(timers.exposure.totals);
  Array.from(postDated.exposure.totals).forEach((x, i) => expect(Math.abs(x - exposure[i]!)).toBeLessThanOrEqual(1e-9 * Math.abs(exposure[i]!)));
  for (const [column, values] of Object.entries(timers.exposure.episodes)) {
    expect(Array.from((postDated.exposure.episodes as Record<string, ArrayLike<number>>)[column]!), `episodes.${column}`).toEqual(Array.from(values));
  }
  const trace = changeRows(postDated);
  expect([...trace].sort()).toEqual(changeRows(timers).sort());
  const atMs = postDated.changes!.atMs;
  for (let i = 1; i < atMs.length; i++) if (atMs[i - 1]! > atMs[i]!) expect.fail(`change trace out of time order at row ${i}`);
}

function compare(s: Scenario, replications = 2): void {
  for (let r = 0; r < replications; r++) {
    const options = { seed: s.seed, keepPatches: true, keepChanges: true } as const;
    const timers = simulateReplication(s, r, { ...options, moves: 'timers' });
    const postDated = simulateReplication(s, r, options);
    expect(postDated.totals.events).toBeGreaterThan(0);
    expectSameModel(timers, postDated);
  }
}

describe('post-dated moves give the model that entity timers give', () => {
  for (const [name, functions] of [
    ['default.yaml', 4000], ['python-patch-incompatibility.yaml', 5000], ['rollback-alias-vs-pin.yaml', 4000],
    ['forgotten-pins-year.yaml', 3000], ['org-policy-deny.yaml', 4000], ['container-vs-zip.yaml', 4000],
    ['builders-library-waves.yaml', 6000], ['phase2-timing-sweep.yaml', 4000], ['own-fleet.yaml', 300],
  ] as const) {
    it(`scenarios/${name}`, async () => compare(await bundled(name, functions)));
  }

  it('with expiry, migrations, creations, configuration updates, aliases, images and a bad release with a halt', () => {
    compare(scenario({
      horizonMs: 200 * DAY,
      sampleEveryMs: 7 * DAY,
      fleet: {
        functions: 3000,
        regions: weights({ 'us-east-1': 1, 'eu-west-1': 1 }),
        architectures: weights({ x86_64: 1, arm64: 1 }),
        packageTypes: weights({ Zip: 3, Image: 1 }),
        updateModes: weights({ Auto: 6, FunctionUpdate: 3, Manual: 1 }),
        publishedVersionShare: 0.4,
        createdPerDay: 15,
        configUpdates: { meanIntervalMs: 20 * DAY },
      },
      runtimes: [{ id: 'python3.12', current: 'python:3.12.v14', expiresAtMs: 150 * DAY }],
      owners: {
        detectionDelay: { medianMs: 6 * HOUR, sigma: 1 },
        alarms: { share: 0.3, medianMs: 5 * 60_000, sigma: 0.5 },
        rollback: { unpinAfterMs: 10 * DAY, neverUnpinShare: 0.2 },
        migrations: { perFunctionPerDay: 0.01, retryAfterMs: DAY },
      },
      releases: [
        release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: 5 * DAY, regionIntervalMs: 6 * HOUR, expiresAfterMs: 120 * DAY }),
        release({
          runtime: 'python3.12', version: 'python:3.12.v16', atMs: 30 * DAY, regionIntervalMs: 6 * HOUR,
          incompatibility: { share: 0.3, errorRate: 0.05, architectures: null, regions: null, packageTypes: null },
          halt: { afterFailingFunctions: 5, delayMs: 2 * HOUR, rollback: { startAfterMs: 0, durationMs: 3 * DAY } },
        }),
        release({ runtime: 'python3.12', version: 'python:3.12.v17', atMs: 33 * DAY, regionIntervalMs: 6 * HOUR }),
        release({ runtime: 'python3.12', version: 'python:3.12.v18', atMs: 90 * DAY, regionIntervalMs: 6 * HOUR }),
      ],
    }), 3);
  });

  it('with a fix published before the bad release is halted (moves booked after a halt that does not walk them)', () => {
    // v17 reaches the fleet a day after the bad v16, with a phase 2 of one day, and v16 is
    // halted about two days later: the phase-2 moves onto v17 before the halt are post-dated,
    // settled at the weekly sample after it, and must still book v16 as patched then (by the
    // halt's time, R11), not as withdrawn (about 1,400 rows).
    compare(scenario({
      horizonMs: 90 * DAY,
      sampleEveryMs: 7 * DAY,
      fleet: { functions: 4000, updateModes: weights({ Auto: 1, FunctionUpdate: 1 }), deploys: { meanIntervalMs: 5 * DAY } },
      owners: {
        detectionDelay: { medianMs: 3 * DAY, sigma: 0.3 },
        alarms: { share: 0, medianMs: 5 * 60_000, sigma: 0.5 },
        rollback: { unpinAfterMs: 10 * DAY, neverUnpinShare: 0 },
        migrations: { perFunctionPerDay: 0, retryAfterMs: DAY },
      },
      releases: [
        release({
          runtime: 'python3.12', version: 'python:3.12.v16', atMs: 30 * DAY,
          incompatibility: { share: 0.2, errorRate: 0.2, architectures: null, regions: null, packageTypes: null },
          halt: { afterFailingFunctions: 20, delayMs: 0, rollback: { startAfterMs: 0, durationMs: 3 * DAY } },
        }),
        release({ runtime: 'python3.12', version: 'python:3.12.v17', atMs: 31 * DAY, phase2: { startAfterMs: 0, durationMs: DAY } }),
      ],
    }));
  });

  it('with moves at exactly the samples\' times (phase 2 with no spread)', () => {
    compare(scenario({
      horizonMs: 120 * DAY,
      sampleEveryMs: DAY,
      fleet: { functions: 2000, updateModes: weights({ Auto: 3, FunctionUpdate: 1 }), publishedVersionShare: 0.3 },
      releases: [
        release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: 2 * DAY, phase2: { startAfterMs: 5 * DAY, durationMs: 0 } }),
        release({ runtime: 'python3.12', version: 'python:3.12.v16', atMs: 9 * DAY, phase2: { startAfterMs: 0, durationMs: 0 } }),
        release({ runtime: 'python3.12', version: 'python:3.12.v17', atMs: 40 * DAY, phase2: { startAfterMs: 3 * DAY, durationMs: DAY } }),
      ],
    }));
  });
});
