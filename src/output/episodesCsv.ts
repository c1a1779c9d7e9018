/**
 * episodes.csv: one row per episode of a susceptible function running an incompatible
 * version (metrics.md, exposure): when it started, its first failed invocation, when the
 * owner noticed, when and how it was rolled back (R12, R14, R3), and when it ended.
 */
import type { Scenario } from '../scenario/types.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import { ROLLBACK_NAMES } from '../model/exposure/exposureState.js';
import type { ReplicationResult } from '../model/result.js';
import { DAY_MS } from '../model/units.js';
import { csvLine } from './csv.js';
import { namesOf } from './decode.js';

export const EPISODES_COLUMNS = [
  'replication', 'function_id', 'release_version', 'region', 'architecture', 'package_type', 'update_mode', 'episode',
  'started_at_days', 'first_failure_at_days', 'detected_at_days', 'rolled_back_at_days', 'rollback', 'ended_at_days',
] as const;

const days = (ms: number): number | null => (Number.isNaN(ms) ? null : ms / DAY_MS);

export function* episodesLines(scenario: Scenario, versions: VersionTable, results: readonly ReplicationResult[]): Generator<string> {
  const names = namesOf(scenario, versions);
  yield csvLine(EPISODES_COLUMNS);
  for (const result of results) {
    const e = result.exposure.episodes;
    const fn = result.functions;
    for (let i = 0; i < e.functionId.length; i++) {
      const f = e.functionId[i]!;
      yield csvLine([
        result.replication, f, scenario.releases[e.release[i]!]!.version,
        names.region[fn.region[f]!]!, names.architecture[fn.architecture[f]!]!, names.packageType[fn.packageType[f]!]!, names.mode[fn.mode[f]!]!,
        e.episode[i]!, days(e.startMs[i]!), days(e.firstFailureMs[i]!), days(e.detectedMs[i]!), days(e.rolledBackMs[i]!),
        ROLLBACK_NAMES[e.rollbackKind[i]!] ?? null, days(e.endMs[i]!),
      ]);
    }
  }
}
