/**
 * episodes.csv: one row per episode of a susceptible function running an incompatible
 * version (metrics.md, exposure): when it started, its first failed invocation, when the
 * owner noticed, when and how it was rolled back (R12, R14, R3), and when it ended.
 */
import type { Scenario } from '../model/spec.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import { ROLLBACK_NAMES } from '../model/exposure/exposureState.js';
import { DAY_MS } from '../model/units.js';
import { namesOf } from './decode.js';
import { tableLines, type Cell, type RowTable } from './table.js';
import type { UnitRows } from './unitData.js';

const days = (ms: number): number | null => (Number.isNaN(ms) ? null : ms / DAY_MS);

export const episodesTable: RowTable = {
  name: 'episodes',
  columns: [
    ['replication', 'INT32'], ['function_id', 'INT32'], ['release_version', 'STRING'], ['region', 'STRING'], ['architecture', 'STRING'],
    ['package_type', 'STRING'], ['update_mode', 'STRING'], ['episode', 'INT32'], ['started_at_days', 'DOUBLE'],
    ['first_failure_at_days', 'DOUBLE'], ['detected_at_days', 'DOUBLE'], ['rolled_back_at_days', 'DOUBLE'], ['rollback', 'STRING'],
    ['ended_at_days', 'DOUBLE'],
  ],
  *rows(scenario: Scenario, versions: VersionTable, result: UnitRows): Generator<readonly Cell[]> {
    const names = namesOf(scenario, versions);
    const e = result.exposure.episodes;
    const fn = result.functions;
    for (let i = 0; i < e.functionId.length; i++) {
      const f = e.functionId[i]!;
      yield [
        result.replication, f, scenario.releases[e.release[i]!]!.version,
        names.region[fn.region[f]!]!, names.architecture[fn.architecture[f]!]!, names.packageType[fn.packageType[f]!]!, names.mode[fn.mode[f]!]!,
        e.episode[i]!, days(e.startMs[i]!), days(e.firstFailureMs[i]!), days(e.detectedMs[i]!), days(e.rolledBackMs[i]!),
        ROLLBACK_NAMES[e.rollbackKind[i]!] ?? null, days(e.endMs[i]!),
      ];
    }
  },
};

export const EPISODES_COLUMNS = episodesTable.columns.map(([name]) => name);

export function episodesLines(scenario: Scenario, versions: VersionTable, results: Iterable<UnitRows>): Generator<string> {
  return tableLines(episodesTable, scenario, versions, results);
}
