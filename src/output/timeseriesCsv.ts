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
import { csvField } from './csv.js';
import { tableLines, type Cell, type RowTable } from './table.js';
import type { UnitRows } from './unitData.js';

export const timeseriesTable: RowTable = {
  name: 'timeseries',
  columns: [
    ['replication', 'INT32'], ['time_days', 'DOUBLE'], ['region', 'STRING'], ['architecture', 'STRING'], ['runtime', 'STRING'],
    ['package_type', 'STRING'], ['update_mode', 'STRING'], ['runtime_version', 'STRING'], ['functions', 'INT32'], ['stale', 'INT32'],
  ],
  *rows(scenario: Scenario, versions: VersionTable, result: UnitRows): Generator<readonly Cell[]> {
    const { labelsOf, isStale } = decoder(scenario, versions, result);
    const { sample, cell, functions } = result.timeseries;
    for (let i = 0; i < sample.length; i++) {
      const g = labelsOf(cell[i]!);
      const atMs = sample[i]! * scenario.sampleEveryMs;
      yield [result.replication, atMs / DAY_MS, ...g.labels, functions[i]!, isStale(g.version, g.region, atMs, g.image) ? 1 : 0];
    }
  },

  /**
   * The rows' CSV lines, 2.4 million of them for a year of daily samples of a large fleet:
   * a cell's six labels and a sample's first two fields are made into text once, not on every row.
   */
  *csvLines(scenario: Scenario, versions: VersionTable, result: UnitRows): Generator<string> {
    const { labelsOf, isStale } = decoder(scenario, versions, result);
    const { sample, cell, functions } = result.timeseries;
    let lastSample = -1;
    let head = '';
    let atMs = 0;
    for (let i = 0; i < sample.length; i++) {
      if (sample[i] !== lastSample) {
        lastSample = sample[i]!;
        atMs = lastSample * scenario.sampleEveryMs;
        head = `${csvField(result.replication)},${csvField(atMs / DAY_MS)},`;
      }
      const g = labelsOf(cell[i]!);
      yield `${head}${g.text},${csvField(functions[i]!)},${isStale(g.version, g.region, atMs, g.image) ? 1 : 0}\n`;
    }
  },
};

interface CellLabels {
  readonly labels: readonly string[];
  /** The labels as CSV fields. */
  readonly text: string;
  readonly version: number;
  readonly region: number;
  readonly image: boolean;
}

/** A unit's cells decoded once each (a cell is one group: region, architecture, package type, mode, version). */
function decoder(scenario: Scenario, versions: VersionTable, result: UnitRows): {
  labelsOf: (cell: number) => CellLabels;
  isStale: ReturnType<typeof staleness>;
} {
  const names = namesOf(scenario, versions);
  const shape = { regions: names.region.length, architectures: names.architecture.length, packageTypes: PACKAGE_TYPES.length, versions: versions.count };
  const known = new Map<number, CellLabels>();
  return {
    labelsOf: (cell) => {
      let decoded = known.get(cell);
      if (decoded === undefined) {
        const g = decodeCell(shape, cell);
        const labels = [
          names.region[g.region]!, names.architecture[g.architecture]!, names.runtime[versions.runtimeIndex[g.version]!]!,
          names.packageType[g.packageType]!, names.mode[g.modeSlot]!, names.version[g.version]!,
        ];
        decoded = { labels, text: labels.map(csvField).join(','), version: g.version, region: g.region, image: g.packageType === PACKAGE_IMAGE };
        known.set(cell, decoded);
      }
      return decoded;
    },
    isStale: staleness(versions, shape.regions, result.rollout),
  };
}

export const TIMESERIES_COLUMNS = timeseriesTable.columns.map(([name]) => name);

export function timeseriesLines(scenario: Scenario, versions: VersionTable, results: Iterable<UnitRows>): Generator<string> {
  return tableLines(timeseriesTable, scenario, versions, results);
}
