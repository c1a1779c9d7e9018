/**
 * timeseries.csv: live functions per sample time and group, each function counted once by
 * its live runtime version (R14). `stale` is 1 when that version is older than the latest
 * secure version of its runtime in its region at that time (metrics.md), as the run saw it:
 * a release halted and withdrawn (R11) stops counting from its halt.
 */
import type { Scenario } from '../model/spec.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import { decodeCell } from '../model/measure/groupCounts.js';
import { PACKAGE_TYPES } from '../model/catalog/architectures.js';
import { DAY_MS } from '../model/units.js';
import { namesOf, staleness } from './decode.js';
import { PACKAGE_IMAGE } from '../model/fleet/fleetState.js';
import { tableLines, type Cell, type RowTable } from './table.js';
import type { UnitRows } from './unitData.js';

export const timeseriesTable: RowTable = {
  name: 'timeseries',
  columns: [
    ['replication', 'INT32'], ['time_days', 'DOUBLE'], ['region', 'STRING'], ['architecture', 'STRING'], ['runtime', 'STRING'],
    ['package_type', 'STRING'], ['update_mode', 'STRING'], ['runtime_version', 'STRING'], ['functions', 'INT32'], ['stale', 'INT32'],
  ],
  *rows(scenario: Scenario, versions: VersionTable, result: UnitRows): Generator<readonly Cell[]> {
    const names = namesOf(scenario, versions);
    const shape = {
      regions: names.region.length,
      architectures: names.architecture.length,
      packageTypes: PACKAGE_TYPES.length,
      versions: versions.count,
    };
    const isStale = staleness(versions, shape.regions, result.rollout);
    const { sample, cell, functions } = result.timeseries;
    for (let i = 0; i < sample.length; i++) {
      const g = decodeCell(shape, cell[i]!);
      const atMs = sample[i]! * scenario.sampleEveryMs;
      yield [
        result.replication,
        atMs / DAY_MS,
        names.region[g.region]!,
        names.architecture[g.architecture]!,
        names.runtime[versions.runtimeIndex[g.version]!]!,
        names.packageType[g.packageType]!,
        names.mode[g.modeSlot]!,
        names.version[g.version]!,
        functions[i]!,
        isStale(g.version, g.region, atMs, g.packageType === PACKAGE_IMAGE) ? 1 : 0,
      ];
    }
  },
};

export const TIMESERIES_COLUMNS = timeseriesTable.columns.map(([name]) => name);

export function timeseriesLines(scenario: Scenario, versions: VersionTable, results: Iterable<UnitRows>): Generator<string> {
  return tableLines(timeseriesTable, scenario, versions, results);
}
