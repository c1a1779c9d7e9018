/**
 * releases.csv: how each release actually rolled out in each fleet region, per replication:
 * its wave and planned publication (R10), when it really got there (empty if a halt stopped
 * it first, R11), its phase-2 window (R8) and when Lambda halted it.
 */
import type { Scenario } from '../model/spec.js';
import { COMMERCIAL_REGIONS } from '../model/catalog/regions.js';
import { REGION_COUNT, type VersionTable } from '../model/catalog/versionTable.js';
import { DAY_MS } from '../model/units.js';
import { tableLines, type Cell, type RowTable } from './table.js';
import type { UnitRows } from './unitData.js';

export const releasesTable: RowTable = {
  name: 'releases',
  columns: [
    ['replication', 'INT32'], ['release_version', 'STRING'], ['runtime', 'STRING'], ['region', 'STRING'], ['wave', 'INT32'],
    ['planned_at_days', 'DOUBLE'], ['published_at_days', 'DOUBLE'], ['phase2_start_days', 'DOUBLE'], ['phase2_end_days', 'DOUBLE'],
    ['halted_at_days', 'DOUBLE'],
  ],
  *rows(scenario: Scenario, versions: VersionTable, result: UnitRows): Generator<readonly Cell[]> {
    const regions = scenario.fleet.regions.map((w) => w.name);
    for (let v = 0; v < versions.count; v++) {
      const r = versions.releaseIndex[v]!;
      if (r < 0) continue;
      const spec = scenario.releases[r]!;
      const halted = result.rollout.haltedAtMs[v]!;
      for (let i = 0; i < regions.length; i++) {
        const region = regions[i]!;
        const planned = versions.publishedMs[v * REGION_COUNT + COMMERCIAL_REGIONS.indexOf(region)]!;
        const reached = result.rollout.reachedMs[v * regions.length + i]!;
        const published = Number.isFinite(reached) ? reached : null;
        yield [
          result.replication, spec.version, spec.runtime, region,
          spec.regionWaves.findIndex((w) => (w as readonly string[]).includes(region)),
          planned / DAY_MS,
          published === null ? null : published / DAY_MS,
          published === null ? null : (published + spec.phase2.startAfterMs) / DAY_MS,
          published === null ? null : (published + spec.phase2.startAfterMs + spec.phase2.durationMs) / DAY_MS,
          Number.isNaN(halted) ? null : halted / DAY_MS,
        ];
      }
    }
  },
};

export const RELEASES_COLUMNS = releasesTable.columns.map(([name]) => name);

export function releasesLines(scenario: Scenario, versions: VersionTable, results: Iterable<UnitRows>): Generator<string> {
  return tableLines(releasesTable, scenario, versions, results);
}
