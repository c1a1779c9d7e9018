/**
 * patches.csv: one row per (replication, function, release that reached its region), in the
 * order the simulation produced them. `patched_at_days` is empty when the function still did
 * not run the release (or a newer one) at the horizon; `how` is then empty too. `update_mode`
 * is the mode the function was created with (a rollback's pin does not change it here).
 */
import type { Scenario } from '../scenario/types.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import { HOW_NAMES } from '../model/fleet/fleetState.js';
import type { ReplicationResult } from '../model/result.js';
import { DAY_MS } from '../model/units.js';
import { csvLine } from './csv.js';
import { namesOf } from './decode.js';

export const PATCHES_COLUMNS = [
  'replication', 'function_id', 'region', 'architecture', 'runtime', 'package_type', 'update_mode',
  'release_version', 'published_at_days', 'patched_at_days', 'how',
] as const;

export function* patchesLines(scenario: Scenario, versions: VersionTable, results: readonly ReplicationResult[]): Generator<string> {
  const names = namesOf(scenario, versions);
  yield csvLine(PATCHES_COLUMNS);
  for (const result of results) {
    const rows = result.patches;
    const fn = result.functions;
    if (rows === null) throw new Error(`replication ${result.replication} kept no patch rows`);
    for (let i = 0; i < rows.length; i++) {
      const f = rows.functionId[i]!;
      const patchedMs = rows.patchedMs[i]!;
      yield csvLine([
        result.replication,
        f,
        names.region[fn.region[f]!]!,
        names.architecture[fn.architecture[f]!]!,
        names.runtime[fn.runtime[f]!]!,
        names.packageType[fn.packageType[f]!]!,
        names.mode[fn.mode[f]!]!,
        names.version[rows.version[i]!]!,
        rows.publishedMs[i]! / DAY_MS,
        Number.isNaN(patchedMs) ? null : patchedMs / DAY_MS,
        Number.isNaN(patchedMs) ? null : HOW_NAMES[rows.how[i]!] ?? null,
      ]);
    }
  }
}
