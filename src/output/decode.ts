/**
 * Names for the codes and indices in result columns: the one place that turns the model's
 * numbers back into the scenario's and AWS's names.
 */
import type { Scenario } from '../model/spec.js';
import { PACKAGE_TYPES, UPDATE_MODES } from '../model/catalog/architectures.js';
import { COMMERCIAL_REGIONS } from '../model/catalog/regions.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import type { RolloutResult } from '../model/result.js';
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
 * Whether a version is stale in a fleet region at a time, as the run saw it (metrics.md: not
 * the latest secure version): it had been halted and withdrawn (R11) by then, or some newer
 * version of its runtime had reached the region (for an image: its base image had been
 * published, R3) by then and had not been withdrawn by then.
 */
export function staleness(
  versions: VersionTable, regionCount: number, rollout: RolloutResult,
): (version: number, region: number, atMs: number, image?: boolean) => boolean {
  return (version, region, atMs, image = false) => {
    const own = rollout.haltedAtMs[version]!;
    if (!Number.isNaN(own) && own <= atMs) return true;
    const ladder = versions.byRuntime[versions.runtimeIndex[version]!]!;
    for (let k = versions.rank[version]! + 1; k < ladder.length; k++) {
      const newer = ladder[k]!;
      const reached = image ? rollout.imageReachedMs[newer]! : rollout.reachedMs[newer * regionCount + region]!;
      if (!(reached <= atMs)) continue;
      const halted = rollout.haltedAtMs[newer]!;
      if (Number.isNaN(halted) || halted > atMs) return true;
    }
    return false;
  };
}
