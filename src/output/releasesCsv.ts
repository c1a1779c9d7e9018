/**
 * releases.csv: how each release actually rolled out in each fleet region, per replication:
 * its wave and planned publication (R10), when it really got there (empty if a halt stopped
 * it first, R11), its phase-2 window (R8) and when Lambda halted it.
 */
import type { Scenario } from '../scenario/types.js';
import { COMMERCIAL_REGIONS } from '../model/catalog/regions.js';
import { REGION_COUNT, type VersionTable } from '../model/catalog/versionTable.js';
import type { ReplicationResult } from '../model/result.js';
import { DAY_MS } from '../model/units.js';
import { csvLine } from './csv.js';

export const RELEASES_COLUMNS = [
  'replication', 'release_version', 'runtime', 'region', 'wave', 'planned_at_days', 'published_at_days',
  'phase2_start_days', 'phase2_end_days', 'halted_at_days',
] as const;

export function* releasesLines(scenario: Scenario, versions: VersionTable, results: readonly ReplicationResult[]): Generator<string> {
  yield csvLine(RELEASES_COLUMNS);
  const regions = scenario.fleet.regions.map((w) => w.name);
  for (const result of results) {
    for (let v = 0; v < versions.count; v++) {
      const r = versions.releaseIndex[v]!;
      if (r < 0) continue;
      const spec = scenario.releases[r]!;
      const halted = result.rollout.haltedAtMs[v]!;
      const rows: string[] = [];
      regions.forEach((region, i) => {
        const planned = versions.publishedMs[v * REGION_COUNT + COMMERCIAL_REGIONS.indexOf(region as never)]!;
        const reached = result.rollout.reachedMs[v * regions.length + i]!;
        const published = Number.isFinite(reached) ? reached : null;
        rows.push(csvLine([
          result.replication, spec.version, spec.runtime, region,
          spec.regionWaves.findIndex((w) => (w as readonly string[]).includes(region)),
          planned / DAY_MS,
          published === null ? null : published / DAY_MS,
          published === null ? null : (published + spec.phase2.startAfterMs) / DAY_MS,
          published === null ? null : (published + spec.phase2.startAfterMs + spec.phase2.durationMs) / DAY_MS,
          Number.isNaN(halted) ? null : halted / DAY_MS,
        ]));
      });
      yield* rows;
    }
  }
}
