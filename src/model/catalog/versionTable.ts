/**
 * The runtime versions a scenario knows (R1, R4, R5): each runtime's current version plus
 * every release, with its order within the runtime and its publication time in every
 * commercial region (R10). Versions of one runtime are ordered by release time: a newer
 * release overtakes an older one. Labels are never parsed (domain.md: no label grammar).
 */
import type { Scenario } from '../spec.js';
import { COMMERCIAL_REGIONS } from './regions.js';

export const REGION_COUNT = COMMERCIAL_REGIONS.length;

export interface VersionTable {
  readonly count: number;
  readonly label: readonly string[];
  /** Index of the version's runtime in `scenario.runtimes`. */
  readonly runtimeIndex: Uint8Array;
  /**
   * Order within the runtime: an inventory's earlier versions first (0 …, RuntimeSpec.earlier),
   * then the runtime's current version, then 1 more per release in release order. Without an
   * inventory the current version has rank 0.
   */
  readonly rank: Uint16Array;
  /** Index into `scenario.releases`, or -1 for a current version. */
  readonly releaseIndex: Int32Array;
  /** Publication time, ms, at [version * REGION_COUNT + commercial region index]; 0 for current versions. */
  readonly publishedMs: Float64Array;
  /** Version ids of each runtime, by rank. */
  readonly byRuntime: readonly (readonly number[])[];
  /** Version id of each runtime's current version (the one new functions start on at time 0). */
  readonly currentVersion: Uint16Array;
}

/** Publication time of release `release` in each commercial region, by wave (R10), or as `publishedAt` gives it. */
export function releasePublicationMs(release: Scenario['releases'][number]): Float64Array {
  const out = new Float64Array(REGION_COUNT).fill(Number.NaN);
  release.regionWaves.forEach((wave, waveIndex) => {
    for (const region of wave) {
      out[COMMERCIAL_REGIONS.indexOf(region)] = release.atMs + waveIndex * release.regionIntervalMs;
    }
  });
  for (const { region, atMs } of release.publishedAtMs ?? []) out[COMMERCIAL_REGIONS.indexOf(region)] = atMs;
  return out;
}

export function buildVersionTable(scenario: Scenario): VersionTable {
  const runtimeIds = scenario.runtimes.map((r) => r.id);
  const labels: string[] = [];
  const runtimeIndex: number[] = [];
  const rank: number[] = [];
  const releaseIndex: number[] = [];
  const byRuntime: number[][] = runtimeIds.map(() => []);
  const published: Float64Array[] = [];

  const add = (runtime: number, label: string, release: number, pub: Float64Array): void => {
    const id = labels.length;
    const versionsOfRuntime = byRuntime[runtime]!;
    labels.push(label);
    runtimeIndex.push(runtime);
    rank.push(versionsOfRuntime.length);
    releaseIndex.push(release);
    versionsOfRuntime.push(id);
    published.push(pub);
  };

  const currentVersion = new Uint16Array(runtimeIds.length);
  scenario.runtimes.forEach((runtime, i) => {
    for (const label of runtime.earlier ?? []) add(i, label, -1, new Float64Array(REGION_COUNT));
    currentVersion[i] = labels.length;
    add(i, runtime.current, -1, new Float64Array(REGION_COUNT));
  });
  scenario.releases.forEach((release, i) => {
    const runtime = runtimeIds.indexOf(release.runtime);
    if (runtime < 0) throw new Error(`release ${release.version}: runtime ${release.runtime} is not in the fleet`);
    add(runtime, release.version, i, releasePublicationMs(release));
  });
  if (labels.length > 0xffff) throw new Error(`too many runtime versions (${labels.length}); at most 65535`);

  const publishedMs = new Float64Array(labels.length * REGION_COUNT);
  published.forEach((pub, v) => publishedMs.set(pub, v * REGION_COUNT));
  return {
    count: labels.length,
    label: labels,
    runtimeIndex: Uint8Array.from(runtimeIndex),
    rank: Uint16Array.from(rank),
    releaseIndex: Int32Array.from(releaseIndex),
    publishedMs,
    byRuntime,
    currentVersion,
  };
}
