/**
 * summary.json's `deprecatedRuntimeByRegion` (only with `startDate`): per fleet region, the mean
 * over replications of the functions on a deprecated runtime at the horizon and of their
 * function-days (model/measure/deprecatedRuntime.ts); the owner's (R18). Absent without a
 * calendar, so summaries of runs without `startDate` are unchanged.
 */
import type { ReplicationResult } from '../model/result.js';
import type { Scenario } from '../model/spec.js';
import type { DeprecatedRuntimeJson } from './summaryShape.js';
import type { UnitSummary } from './unitData.js';

/** The unit summary's per-region part of one replication, or nothing. */
export function deprecatedByRegionOf(result: ReplicationResult): Pick<UnitSummary, 'deprecatedRuntimeByRegion'> {
  const d = result.deprecatedRuntime;
  return d === undefined ? {} : { deprecatedRuntimeByRegion: { functions: [...d.functionsByRegion], functionDays: [...d.functionDaysByRegion] } };
}

/** `{deprecatedRuntimeByRegion: {region: {functions, functionDays}}}` averaged over `units`, or nothing. */
export function deprecatedByRegion(scenario: Scenario, units: readonly UnitSummary[]): { readonly deprecatedRuntimeByRegion?: DeprecatedRuntimeJson } {
  const rows = units.map((u) => u.deprecatedRuntimeByRegion).filter((r) => r !== undefined);
  if (rows.length === 0 || rows.length !== units.length) return {};
  const mean = (pick: (r: (typeof rows)[number]) => readonly number[], i: number): number => rows.reduce((s, r) => s + (pick(r)[i] ?? 0), 0) / rows.length;
  return {
    deprecatedRuntimeByRegion: Object.fromEntries(scenario.fleet.regions.map((w, i) => [w.name, {
      functions: mean((r) => r.functions, i),
      functionDays: mean((r) => r.functionDays, i),
    }])),
  };
}
