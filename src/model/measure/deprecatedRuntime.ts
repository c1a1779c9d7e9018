/**
 * Functions on a deprecated runtime (issue 11, the real calendar): at the horizon, the
 * functions whose runtime is deprecated by then, and the function-days they spent on it
 * (from the later of deprecation and creation to the horizon). These are the owner's
 * (R18: only the owner can move a function to a supported runtime, R13). Per fleet region and
 * in total. A function that migrated (R13) during the run is counted by its runtime at the
 * horizon. Null without `startDate` (no lifecycle).
 */
import type { Scenario } from '../spec.js';
import type { FleetState } from '../fleet/fleetState.js';
import { DAY_MS } from '../units.js';

export interface DeprecatedRuntimeResult {
  readonly functions: number;
  readonly functionDays: number;
  /** Per fleet region (scenario.fleet.regions order): functions at the horizon. */
  readonly functionsByRegion: Float64Array;
  readonly functionDaysByRegion: Float64Array;
}

export function deprecatedRuntimeAtHorizon(scenario: Scenario, fleet: FleetState, horizonMs: number): DeprecatedRuntimeResult | null {
  if (scenario.calendar === undefined) return null;
  const regions = scenario.fleet.regions.length;
  const functionsByRegion = new Float64Array(regions);
  const functionDaysByRegion = new Float64Array(regions);
  const deprecatedAt = scenario.runtimes.map((r) => r.lifecycle?.deprecatedAtMs ?? null);
  let functions = 0;
  let days = 0;
  for (let f = 0; f < fleet.size; f++) {
    const at = deprecatedAt[fleet.runtime(f)];
    if (at === null || at === undefined || at > horizonMs) continue;
    const d = (horizonMs - Math.max(at, fleet.createdMs(f))) / DAY_MS;
    const region = fleet.region(f);
    functions++;
    days += d;
    functionsByRegion[region]!++;
    functionDaysByRegion[region] = functionDaysByRegion[region]! + d;
  }
  return { functions, functionDays: days, functionsByRegion, functionDaysByRegion };
}
