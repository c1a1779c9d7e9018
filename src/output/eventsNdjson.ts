/**
 * events.ndjson (opt-in, `outputs.events`): every state change of every replication, one JSON
 * object a line, in simulated-time order within a replication: to debug and audit a run.
 */
import type { Scenario } from '../scenario/types.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import { HOW_NAMES } from '../model/fleet/fleetState.js';
import { ACTION_MOVE, ACTION_NAMES, NO_VERSION } from '../model/measure/changeLog.js';
import { functionName } from '../model/logs/names.js';
import type { ReplicationResult } from '../model/result.js';
import { DAY_MS } from '../model/units.js';
import { namesOf } from './decode.js';
import { formatNumber } from './csv.js';

export function* eventLines(scenario: Scenario, versions: VersionTable, results: readonly ReplicationResult[]): Generator<string> {
  const names = namesOf(scenario, versions);
  for (const result of results) {
    const rows = result.changes;
    if (rows === null) continue;
    for (let i = 0; i < rows.atMs.length; i++) {
      const from = rows.fromVersion[i]!;
      const to = rows.toVersion[i]!;
      const action = rows.action[i]!;
      yield JSON.stringify({
        replication: result.replication,
        timeMs: rows.atMs[i]!,
        timeDays: Number(formatNumber(rows.atMs[i]! / DAY_MS)),
        function: functionName(rows.functionId[i]!),
        action: ACTION_NAMES[action],
        fromVersion: from === NO_VERSION ? null : names.version[from],
        toVersion: to === NO_VERSION ? null : names.version[to],
        cause: action === ACTION_MOVE ? HOW_NAMES[rows.cause[i]!] ?? null : null,
      }) + '\n';
    }
  }
}
