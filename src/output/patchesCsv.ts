/**
 * patches.csv: one row per (replication, function, release that reached its region), in the
 * order the simulation produced them. `patched_at_days` is empty when the function still did
 * not run the release (or a newer one) at the horizon; `how` is then empty too, unless Lambda
 * withdrew the release before the function ran it (R11): `how = withdrawn`. `update_mode` is
 * the effective mode of the serving function version when the row was written: the mode the
 * move happened under (Manual while pinned), never `phase2` with FunctionUpdate or Manual (R9).
 */
import type { Scenario } from '../model/spec.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import { HOW_NAMES, HOW_WITHDRAWN } from '../model/fleet/fleetState.js';
import { DAY_MS } from '../model/units.js';
import { namesOf } from './decode.js';
import { patchChunks } from './patchChunks.js';
import { tableLines, type Cell, type RowTable } from './table.js';
import type { UnitRows } from './unitData.js';

export const patchesTable: RowTable = {
  name: 'patches',
  columns: [
    ['replication', 'INT32'], ['function_id', 'INT32'], ['region', 'STRING'], ['architecture', 'STRING'], ['runtime', 'STRING'],
    ['package_type', 'STRING'], ['update_mode', 'STRING'], ['release_version', 'STRING'], ['published_at_days', 'DOUBLE'],
    ['patched_at_days', 'DOUBLE'], ['how', 'STRING'],
  ],
  *rows(scenario: Scenario, versions: VersionTable, result: UnitRows): Generator<readonly Cell[]> {
    const names = namesOf(scenario, versions);
    const fn = result.functions;
    if (result.patches === null) throw new Error(`replication ${result.replication} kept no patch rows`);
    for (const rows of patchChunks(result.patches)) {
      for (let i = 0; i < rows.length; i++) {
        const f = rows.functionId[i]!;
        const patchedMs = rows.patchedMs[i]!;
        yield [
          result.replication,
          f,
          names.region[fn.region[f]!]!,
          names.architecture[fn.architecture[f]!]!,
          names.runtime[fn.runtime[f]!]!,
          names.packageType[fn.packageType[f]!]!,
          names.mode[rows.mode[i]!]!,
          names.version[rows.version[i]!]!,
          rows.publishedMs[i]! / DAY_MS,
          Number.isNaN(patchedMs) ? null : patchedMs / DAY_MS,
          Number.isNaN(patchedMs) && rows.how[i] !== HOW_WITHDRAWN ? null : HOW_NAMES[rows.how[i]!] ?? null,
        ];
      }
    }
  },
};

export const PATCHES_COLUMNS = patchesTable.columns.map(([name]) => name);

export function patchesLines(scenario: Scenario, versions: VersionTable, results: Iterable<UnitRows>): Generator<string> {
  return tableLines(patchesTable, scenario, versions, results);
}
