/**
 * Random valid `Scenario` values for property tests, built directly in the model's units (as
 * test/model/scenarioFixture.ts does), small enough that one replication takes milliseconds:
 * 20–400 functions, 5–60 days, 0–4 releases on 1–2 runtimes, and every feature that moves a
 * function or changes its mode switched on at random (waves, phase 2, deploy rates,
 * creations, incompatibilities with halts, pins, migrations, expiries, policy).
 */
import fc from 'fast-check';
import { ARCHITECTURES, PACKAGE_TYPES, UPDATE_MODES } from '../../src/model/catalog/architectures.js';
import { COMMERCIAL_REGIONS, type RegionName } from '../../src/model/catalog/regions.js';
import { MANAGED_RUNTIMES } from '../../src/model/catalog/runtimes.js';
import { completeRegionWaves, type RegionOrderItem } from '../../src/scenario/regionWaves.js';
import type { ReleaseSpec, Scenario, WeightEntry } from '../../src/model/spec.js';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Normalised weights in the given order, zero weights dropped (as the loader does). */
function normalise<K extends string>(entries: readonly (readonly [K, number])[]): WeightEntry<K>[] {
  const kept = entries.filter(([, w]) => w > 0);
  const sum = kept.reduce((a, [, w]) => a + w, 0);
  return kept.map(([name, w]) => ({ name, weight: w / sum }));
}

/** A share in [0, 1] on a grid of 1/1000, with the ends likely. */
const share = (): fc.Arbitrary<number> =>
  fc.oneof(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000));

/** A duration in whole ms between the bounds, on a grid of `stepMs`. */
const durationMs = (minMs: number, maxMs: number, stepMs = MINUTE): fc.Arbitrary<number> =>
  fc.integer({ min: Math.ceil(minMs / stepMs), max: Math.floor(maxMs / stepMs) }).map((x) => x * stepMs);

/** Mostly `usual`, sometimes a value at the edge of what a file may say (a duration near 2^53 ms, a subnormal rate). */
const orExtreme = <T>(usual: fc.Arbitrary<T>, ...extremes: T[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: usual, weight: 9 }, { arbitrary: fc.constantFrom(...extremes), weight: 1 });

/** A duration near the largest a file may write (Number.MAX_SAFE_INTEGER ms). */
export const HUGE_MS = 4_000_000_000_000_000;

/** Weights for the given names (in a random order), at least one positive. */
function weightsOf<K extends string>(names: readonly K[], minCount = 1, maxCount = names.length): fc.Arbitrary<WeightEntry<K>[]> {
  return fc
    .shuffledSubarray([...names], { minLength: minCount, maxLength: maxCount })
    .chain((picked) => fc.tuple(fc.constant(picked), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: picked.length, maxLength: picked.length })))
    .map(([picked, ws]) => {
      const fixed = ws.every((w) => w === 0) ? ws.map((w, i) => (i === 0 ? 1 : w)) : ws;
      return normalise(picked.map((name, i) => [name, fixed[i]!] as const));
    });
}

const regionWaves = (fleetRegions: readonly RegionName[]): fc.Arbitrary<RegionName[][]> =>
  fc.oneof(
    fc.constant(completeRegionWaves(undefined)),
    fc
      .tuple(
        fc.shuffledSubarray([...new Set<RegionName>([...fleetRegions, ...COMMERCIAL_REGIONS.slice(0, 6)])], { minLength: 1 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      )
      .map(([order, groupWithNext]) => {
        // Consecutive regions are grouped into one wave where the flag says so.
        const items: RegionOrderItem[] = [];
        let wave: RegionName[] = [];
        order.forEach((region, i) => {
          wave.push(region);
          if (!(groupWithNext[i % groupWithNext.length] ?? false) || i === order.length - 1) {
            items.push(wave.length === 1 ? wave[0]! : wave);
            wave = [];
          }
        });
        return completeRegionWaves(items);
      }),
  );

interface ReleaseDraft {
  readonly runtimeSlot: number;
  readonly atShare: number;
}

function releaseArb(horizonMs: number, fleetRegions: readonly RegionName[], runtimes: readonly string[]): fc.Arbitrary<ReleaseSpec & ReleaseDraft> {
  return fc.record({
    runtimeSlot: fc.integer({ min: 0, max: runtimes.length - 1 }),
    atShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.999, noNaN: true })),
    regionWaves: regionWaves(fleetRegions),
    regionIntervalMs: fc.oneof(fc.constant(0), durationMs(MINUTE, 2 * DAY)),
    phase2: fc.record({
      startAfterMs: orExtreme(fc.oneof(fc.constant(0), durationMs(0, 10 * DAY)), HUGE_MS),
      durationMs: orExtreme(fc.oneof(fc.constant(0), durationMs(0, 14 * DAY)), HUGE_MS),
    }),
    incompatibility: fc.option(
      fc.record({
        share: share(),
        errorRate: share(),
        architectures: fc.option(fc.subarray([...ARCHITECTURES], { minLength: 1 }), { nil: null }),
        regions: fc.option(fc.subarray([...fleetRegions], { minLength: 1 }), { nil: null }),
        packageTypes: fc.option(fc.subarray([...PACKAGE_TYPES], { minLength: 1 }), { nil: null }),
      }),
      { nil: null, freq: 2 },
    ),
    halt: fc.option(
      fc.record({
        afterFailingFunctions: fc.integer({ min: 1, max: 10 }),
        delayMs: orExtreme(fc.oneof(fc.constant(0), durationMs(0, 2 * DAY)), HUGE_MS),
        rollback: fc.record({ startAfterMs: fc.oneof(fc.constant(0), durationMs(0, 2 * DAY)), durationMs: orExtreme(durationMs(0, 4 * DAY), HUGE_MS) }),
      }),
      { nil: null },
    ),
    expiresAfterMs: fc.option(orExtreme(durationMs(HOUR, 30 * DAY), 1, HUGE_MS), { nil: null, freq: 3 }),
    fixes: fc.constant(null),
    baseImageAtMs: fc.option(durationMs(0, 30 * DAY), { nil: null, freq: 3 }),
    runtime: fc.constant(''),
    version: fc.constant(''),
    atMs: fc.constant(0),
  }).map((r) => ({ ...r, atMs: Math.floor(r.atShare * horizonMs) }));
}

export interface ScenarioCase {
  readonly scenario: Scenario;
  readonly seed: number;
}

/** A small valid scenario and a seed. */
export function scenarioArbitrary(): fc.Arbitrary<ScenarioCase> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      horizonDays: fc.integer({ min: 5, max: 60 }),
      sampleEveryMs: fc.constantFrom(HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY),
      functions: fc.integer({ min: 20, max: 400 }),
      regions: weightsOf(COMMERCIAL_REGIONS, 1, 4),
      architectures: weightsOf(ARCHITECTURES),
      runtimes: fc.shuffledSubarray([...MANAGED_RUNTIMES], { minLength: 1, maxLength: 2 }),
      runtimeWeights: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 })),
      currentNumber: fc.integer({ min: 1, max: 90 }),
      packageTypes: weightsOf(PACKAGE_TYPES),
      updateModes: weightsOf(UPDATE_MODES),
      deny: fc.boolean(),
      publishedVersionShare: share(),
      meanIntervalMs: orExtreme(durationMs(HOUR, 60 * DAY, HOUR), 1, HUGE_MS),
      inactiveShare: share(),
      rateShape: fc.option(orExtreme(fc.double({ min: 0.2, max: 4, noNaN: true }), 0.01, 0.05, 1000), { nil: null }),
      rebuildMs: orExtreme(durationMs(HOUR, 60 * DAY, HOUR), 1, HUGE_MS),
      median: fc.oneof(fc.constant(1), fc.double({ min: 0.01, max: 1e5, noNaN: true })),
      sigma: fc.double({ min: 0, max: 3, noNaN: true }),
      environmentLifetimeMs: durationMs(MINUTE, 6 * HOUR),
      invocationDurationMs: fc.integer({ min: 1, max: 2000 }),
      createdPerDay: orExtreme(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 20, noNaN: true })), Number.MIN_VALUE, 1e-300),
      retain: fc.integer({ min: 1, max: 5 }),
      configMs: fc.option(orExtreme(durationMs(HOUR, 60 * DAY, HOUR), 1, HUGE_MS), { nil: null }),
      idleEnvironments: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 4, noNaN: true })),
      startExpiresMs: fc.option(durationMs(0, 60 * DAY), { nil: null, freq: 4 }),
      releaseCount: fc.integer({ min: 0, max: 4 }),
      detectionMs: orExtreme(durationMs(10 * MINUTE, 3 * DAY), 1, HUGE_MS),
      detectionSigma: fc.double({ min: 0, max: 2, noNaN: true }),
      alarms: fc.record({ share: share(), medianMs: durationMs(MINUTE, HOUR), sigma: fc.double({ min: 0, max: 1, noNaN: true }) }),
      unpinAfterMs: orExtreme(durationMs(HOUR, 30 * DAY), 1, HUGE_MS),
      neverUnpinShare: share(),
      migrations: orExtreme(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.2, noNaN: true })), Number.MIN_VALUE, 1e-300),
      retryAfterMs: fc.oneof(fc.constant(0), durationMs(0, 3 * DAY)),
      exceptionApprovalMs: fc.oneof(fc.constant(0), durationMs(0, 5 * DAY)),
      arnHashPerRegion: fc.boolean(),
    })
    .chain((d) => {
      const horizonMs = d.horizonDays * DAY;
      const regionNames = d.regions.map((w) => w.name);
      const runtimeIds = d.runtimes.map((r) => r.id);
      return fc
        .tuple(fc.constant(d), fc.array(releaseArb(horizonMs, regionNames, runtimeIds), { minLength: d.releaseCount, maxLength: d.releaseCount }))
        .map(([d, drafts]): ScenarioCase => {
          const runtimes = d.runtimes.map((r) => ({ id: r.id, current: `${r.labelPrefix}.v${d.currentNumber}`, expiresAtMs: d.startExpiresMs }));
          const releases = drafts
            .map((r, i) => {
              const runtime = d.runtimes[r.runtimeSlot]!;
              const { runtimeSlot: _slot, atShare: _at, ...spec } = r;
              return { ...spec, runtime: runtime.id, version: `${runtime.labelPrefix}.v${d.currentNumber + 1 + i}` };
            })
            .sort((a, b) => a.atMs - b.atMs);
          const scenario: Scenario = {
            name: 'fuzzed',
            seed: d.seed,
            horizonMs,
            sampleEveryMs: Math.min(d.sampleEveryMs, horizonMs),
            replications: 1,
            fleet: {
              functions: d.functions,
              regions: d.regions,
              architectures: d.architectures,
              runtimes: normalise(runtimeIds.map((id, i) => [id, d.runtimeWeights[i]!] as const)),
              packageTypes: d.packageTypes,
              updateModes: d.deny ? [{ name: 'Auto', weight: 1 }] : d.updateModes,
              publishedVersionShare: d.publishedVersionShare,
              deploys: { meanIntervalMs: d.meanIntervalMs, inactiveShare: d.inactiveShare, rateShape: d.rateShape },
              imageRebuilds: { meanIntervalMs: d.rebuildMs },
              invocationsPerDay: { median: d.median, sigma: d.sigma },
              environmentLifetimeMs: d.environmentLifetimeMs,
              invocationDurationMs: d.invocationDurationMs,
              createdPerDay: d.createdPerDay,
              publishedVersions: { retain: d.retain },
              configUpdates: { meanIntervalMs: d.configMs },
              idleEnvironments: d.idleEnvironments,
            },
            runtimes,
            releases,
            catalog: { arnHashPerRegion: d.arnHashPerRegion },
            owners: {
              detectionDelay: { medianMs: d.detectionMs, sigma: d.detectionSigma },
              alarms: d.alarms,
              rollback: { unpinAfterMs: d.unpinAfterMs, neverUnpinShare: d.neverUnpinShare },
              migrations: { perFunctionPerDay: d.migrations, retryAfterMs: d.retryAfterMs },
            },
            policy: { denyRuntimeManagementConfig: d.deny, exceptionApprovalMs: d.exceptionApprovalMs },
            outputs: { initStartLog: null, events: true },
            warnings: [],
          };
          return { scenario, seed: d.seed };
        });
    });
}
