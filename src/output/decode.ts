/**
 * Names for the codes and indices in result columns: the one place that turns the model's
 * numbers back into the scenario's and AWS's names.
 */
import type { Scenario } from '../scenario/types.js';
import { PACKAGE_TYPES, UPDATE_MODES } from '../model/catalog/architectures.js';
import { COMMERCIAL_REGIONS } from '../model/catalog/regions.js';
import { REGION_COUNT, type VersionTable } from '../model/catalog/versionTable.js';
import { MODE_NONE } from '../model/fleet/fleetState.js';

export interface Names {
  readonly region: readonly string[];
  readonly architecture: readonly string[];
  readonly runtime: readonly string[];
  readonly packageType: readonly string[];
  /** By mode code; '' for image functions, which have no update mode (R3). */
  readonly mode: readonly string[];
  readonly version: readonly string[];
}

export function namesOf(scenario: Scenario, versions: VersionTable): Names {
  const mode: string[] = [...UPDATE_MODES];
  mode[MODE_NONE] = '';
  return {
    region: scenario.fleet.regions.map((w) => w.name),
    architecture: scenario.fleet.architectures.map((w) => w.name),
    runtime: scenario.runtimes.map((r) => r.id),
    packageType: [...PACKAGE_TYPES],
    mode,
    version: versions.label,
  };
}

/**
 * The time from which each version is stale in each fleet region: the first publication
 * there of a newer version of its runtime (metrics.md: stale = older than the latest secure
 * version). Infinity when no newer version reaches the region.
 */
export function staleFromMs(scenario: Scenario, versions: VersionTable): Float64Array {
  const regions = scenario.fleet.regions.map((w) => COMMERCIAL_REGIONS.indexOf(w.name));
  const out = new Float64Array(versions.count * regions.length).fill(Number.POSITIVE_INFINITY);
  for (let v = 0; v < versions.count; v++) {
    const ladder = versions.byRuntime[versions.runtimeIndex[v]!]!;
    for (let k = versions.rank[v]! + 1; k < ladder.length; k++) {
      const newer = ladder[k]!;
      regions.forEach((g, r) => {
        const at = versions.publishedMs[newer * REGION_COUNT + g]!;
        if (at < out[v * regions.length + r]!) out[v * regions.length + r] = at;
      });
    }
  }
  return out;
}
