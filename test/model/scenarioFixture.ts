/**
 * Builds validated `Scenario` values directly (no YAML), so model tests state exactly the
 * conditions of the analytic result they check.
 */
import { DEFAULT_REGION_WAVES, type RegionName } from '../../src/model/catalog/regions.js';
import type { ReleaseSpec, Scenario, WeightEntry } from '../../src/model/spec.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

export function weights<K extends string>(w: Record<K, number>): WeightEntry<K>[] {
  const total = Object.values<number>(w).reduce((a, b) => a + b, 0);
  return (Object.entries(w) as [K, number][]).filter(([, x]) => x > 0).map(([name, x]) => ({ name, weight: x / total }));
}

/** Waves with `first` alone first, then every other commercial region in default order. */
export function wavesStartingWith(...first: RegionName[]): RegionName[][] {
  const rest = DEFAULT_REGION_WAVES.map((w) => w.filter((r) => !first.includes(r))).filter((w) => w.length > 0);
  return [...first.map((r) => [r]), ...rest];
}

export function release(partial: Partial<ReleaseSpec> & Pick<ReleaseSpec, 'runtime' | 'version'>): ReleaseSpec {
  return {
    atMs: 0,
    regionWaves: wavesStartingWith('us-east-1'),
    regionIntervalMs: 0,
    phase2: { startAfterMs: 7 * DAY, durationMs: 7 * DAY },
    incompatibility: null,
    halt: null,
    expiresAfterMs: null,
    fixes: null,
    baseImageAtMs: null,
    ...partial,
  };
}

export function scenario(over: DeepPartial<Scenario> & { releases?: ReleaseSpec[] } = {}): Scenario {
  const base: Scenario = {
    name: 'test',
    seed: 1,
    horizonMs: 60 * DAY,
    sampleEveryMs: DAY,
    replications: 1,
    fleet: {
      functions: 1000,
      regions: weights({ 'us-east-1': 1 }),
      architectures: weights({ x86_64: 1 }),
      runtimes: weights({ 'python3.12': 1 }),
      packageTypes: weights({ Zip: 1 }),
      updateModes: weights({ Auto: 1 }),
      publishedVersionShare: 0,
      deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 0, rateShape: null },
      imageRebuilds: { meanIntervalMs: 30 * DAY },
      invocationsPerDay: { median: 1000, sigma: 1 },
      environmentLifetimeMs: 2 * HOUR,
      invocationDurationMs: 200,
      createdPerDay: 0,
      publishedVersions: { retain: 3 },
      configUpdates: { meanIntervalMs: null },
      idleEnvironments: 1,
    },
    runtimes: [{ id: 'python3.12', current: 'python:3.12.v14', expiresAtMs: null }],
    releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15' })],
    catalog: { arnHashPerRegion: false },
    owners: {
      detectionDelay: { medianMs: 6 * HOUR, sigma: 1 },
      alarms: { share: 0, medianMs: 5 * 60_000, sigma: 0.5 },
      rollback: { unpinAfterMs: 14 * DAY, neverUnpinShare: 0 },
      migrations: { perFunctionPerDay: 0, retryAfterMs: DAY },
    },
    policy: { denyRuntimeManagementConfig: false, exceptionApprovalMs: 2 * DAY },
    outputs: { initStartLog: null, events: false },
    warnings: [],
  };
  return {
    ...base,
    ...over,
    fleet: { ...base.fleet, ...(over.fleet ?? {}), deploys: { ...base.fleet.deploys, ...(over.fleet?.deploys ?? {}) } } as Scenario['fleet'],
    releases: over.releases ?? base.releases,
    runtimes: (over.runtimes as Scenario['runtimes'] | undefined) ?? base.runtimes,
  } as Scenario;
}
