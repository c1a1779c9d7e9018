/**
 * Property tests: random small scenarios (scenarioArbitrary.ts) run through one replication,
 * and every invariant of invariants.ts must hold (R3, R7, R9, R10, R18; metrics finite;
 * determinism). A quick run of 60 scenarios is part of the normal suite; with
 * LRS_SLOW_FUZZ=1 a slow job runs 1,000 and prints its figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/simulate.js';
import { checkInitStart, checkReplication } from './invariants.js';
import { scenarioArbitrary, type ScenarioCase } from './scenarioArbitrary.js';
import { DAY, release, scenario, wavesStartingWith, weights } from '../model/scenarioFixture.js';

const SLOW = process.env.LRS_SLOW_FUZZ === '1';
/** Fixed so the quick run is the same every time; the slow job takes its own (printed) seed. */
const QUICK_SEED = 20_260_101;

function runCase({ scenario, seed }: ScenarioCase, initStartSample: number | null): void {
  const options = { seed, keepPatches: true, keepChanges: true, ...(initStartSample === null ? {} : { initStartSample }) };
  const first = simulateReplication(scenario, 0, options);
  const problems = [...checkReplication(scenario, first), ...checkInitStart(scenario, first)];
  // Determinism: the same scenario and seed give the same digest, and keeping rows or not changes nothing.
  const again = simulateReplication(scenario, 0, options);
  if (again.digest !== first.digest) problems.push(`two runs gave different digests: ${first.digest} vs ${again.digest}`);
  const lean = simulateReplication(scenario, 0, { seed, keepPatches: false, keepChanges: false });
  if (lean.digest !== first.digest) problems.push(`digest changes without patch rows and change trace: ${lean.digest} vs ${first.digest}`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

const property = fc.property(scenarioArbitrary(), fc.option(fc.constantFrom(0.0005, 0.002), { nil: null, freq: 3 }), runCase);

describe('invariants of random scenarios (property tests)', () => {
  it('hold for 60 random scenarios', () => {
    fc.assert(property, { numRuns: 60, seed: QUICK_SEED, endOnFailure: false });
  });

  it.runIf(SLOW)('hold for 1,000 random scenarios (slow job)', () => {
    const seed = Number(process.env.LRS_FUZZ_SEED ?? Date.now() % 2 ** 31);
    const started = performance.now();
    let scenarios = 0;
    let functions = 0;
    let releases = 0;
    const counted = fc.property(scenarioArbitrary(), fc.option(fc.constantFrom(0.0005, 0.002), { nil: null, freq: 3 }), (c, s) => {
      scenarios++;
      functions += c.scenario.fleet.functions;
      releases += c.scenario.releases.length;
      runCase(c, s);
    });
    fc.assert(counted, { numRuns: 1000, seed });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `slow fuzz: ${scenarios} scenarios (seed ${seed}), ${functions} initial functions, ${releases} releases, ` +
        `each run 3 times (twice with rows kept, once without), ${seconds.toFixed(1)} s`,
    );
    expect(scenarios).toBeGreaterThanOrEqual(1000);
  }, 1_800_000);
});

/** Counterexamples the fuzzers found, kept as plain cases (each threw or broke an invariant before its fix). */
describe('edge values a scenario file may hold', () => {
  const base = scenario({ fleet: { functions: 200 } });
  const MAX = Number.MAX_SAFE_INTEGER;
  const cases: Record<string, typeof base> = {
    // A Gamma spread this wide gives some functions a deploy rate so small that the next deploy is past 2^53 ms.
    'FunctionUpdate with rateShape 0.01': scenario({ fleet: { functions: 200, updateModes: weights({ FunctionUpdate: 1 }), deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 0, rateShape: 0.01 } } }),
    'deploys.meanInterval of 2^53 − 1 ms': scenario({ fleet: { functions: 200, updateModes: weights({ FunctionUpdate: 1 }), deploys: { meanIntervalMs: MAX, inactiveShare: 0, rateShape: null } } }),
    'phase 2 start and duration of 2^53 − 1 ms': {
      ...scenario({ fleet: { functions: 200, deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 1, rateShape: null } } }),
      releases: base.releases.map((r) => ({ ...r, phase2: { startAfterMs: MAX, durationMs: MAX } })),
    },
    'subnormal creation and migration rates': {
      ...scenario({ fleet: { functions: 200, createdPerDay: Number.MIN_VALUE } }),
      owners: { ...base.owners, migrations: { perFunctionPerDay: Number.MIN_VALUE, retryAfterMs: 0 } },
    },
    // R10: a function created on a bad release, in a region an earlier release has not reached yet, rolls back to a published version.
    'rollback of a created function where the earlier release is not yet published': scenario({
      horizonMs: 5 * DAY,
      sampleEveryMs: 3_600_000,
      fleet: { functions: 20, regions: weights({ 'eu-west-2': 1 }), packageTypes: weights({ Image: 1 }), createdPerDay: 20, deploys: { meanIntervalMs: 3_600_000, inactiveShare: 0, rateShape: null }, imageRebuilds: { meanIntervalMs: 3_600_000 } },
      owners: { ...base.owners, detectionDelay: { medianMs: 600_000, sigma: 0 } },
      releases: [
        release({ runtime: 'python3.12', version: 'python:3.12.v15', regionWaves: wavesStartingWith('us-east-1'), regionIntervalMs: 86_460_000 }),
        release({ runtime: 'python3.12', version: 'python:3.12.v16', regionWaves: wavesStartingWith('us-west-1'), regionIntervalMs: 60_000, incompatibility: { share: 1, errorRate: 0.078, architectures: null, regions: null, packageTypes: null } }),
      ],
    } as never),
  };
  for (const [name, s] of Object.entries(cases)) {
    it(name, () => runCase({ scenario: s, seed: 0 }, null));
  }
});
