/**
 * exposure.csv: exposure to bad releases (metrics.md) per replication, release, region (with
 * its publication wave, R10), architecture and update mode at exposure. Only groups with
 * exposed functions appear.
 */
import type { Scenario } from '../model/spec.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import { EXPOSURE_FIELDS, FIELD } from '../model/exposure/exposureState.js';
import { MODE_SLOTS } from '../model/fleet/fleetState.js';
import { HOUR_MS } from '../model/units.js';
import { namesOf } from './decode.js';
import { tableLines, type Cell, type RowTable } from './table.js';
import type { UnitRows } from './unitData.js';

export const exposureTable: RowTable = {
  name: 'exposure',
  columns: [
    ['replication', 'INT32'], ['release_version', 'STRING'], ['runtime', 'STRING'], ['region', 'STRING'], ['wave', 'INT32'],
    ['architecture', 'STRING'], ['update_mode', 'STRING'], ['exposed_functions', 'INT32'], ['exposure_function_hours', 'DOUBLE'],
    ['exposed_invocations', 'DOUBLE'], ['failed_invocations', 'DOUBLE'], ['detected_functions', 'INT32'], ['rollbacks_by_alias', 'INT32'],
    ['rollbacks_by_pin', 'INT32'], ['rollbacks_by_image', 'INT32'],
  ],
  *rows(scenario: Scenario, versions: VersionTable, result: UnitRows): Generator<readonly Cell[]> {
    const names = namesOf(scenario, versions);
    const width = EXPOSURE_FIELDS.length;
    const { totals, shape } = result.exposure;
    for (let release = 0; release < scenario.releases.length; release++) {
      const spec = scenario.releases[release]!;
      for (let region = 0; region < shape.regions; region++) {
        const regionName = names.region[region]!;
        const wave = spec.regionWaves.findIndex((w) => (w as readonly string[]).includes(regionName));
        for (let arch = 0; arch < shape.architectures; arch++) {
          for (let mode = 0; mode < MODE_SLOTS; mode++) {
            const base = ((((release * shape.regions + region) * shape.architectures + arch) * MODE_SLOTS) + mode) * width;
            if (totals[base + FIELD.exposedFunctions]! === 0) continue;
            yield [
              result.replication, spec.version, spec.runtime, regionName, wave, names.architecture[arch]!, names.mode[mode]!,
              totals[base + FIELD.exposedFunctions]!,
              totals[base + FIELD.exposureMs]! / HOUR_MS,
              totals[base + FIELD.exposedInvocations]!,
              totals[base + FIELD.failedInvocations]!,
              totals[base + FIELD.detectedFunctions]!,
              totals[base + FIELD.rollbacksByAlias]!,
              totals[base + FIELD.rollbacksByPin]!,
              totals[base + FIELD.rollbacksByImage]!,
            ];
          }
        }
      }
    }
  },
};

export const EXPOSURE_COLUMNS = exposureTable.columns.map(([name]) => name);

export function exposureLines(scenario: Scenario, versions: VersionTable, results: Iterable<UnitRows>): Generator<string> {
  return tableLines(exposureTable, scenario, versions, results);
}
