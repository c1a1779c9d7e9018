/**
 * events.ndjson (opt-in, `outputs.events`): every state change of every replication, one JSON
 * object a line, in simulated-time order within a replication: to debug and audit a run.
 * With a sweep, every object starts with its `point`.
 */
import type { Scenario } from '../model/spec.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import { HOW_NAMES } from '../model/fleet/fleetState.js';
import { MANUAL_LATEST_FROZEN_ERROR } from '../model/api/runtimeManagement.js';
import { ACTION_MIGRATE_REFUSED, ACTION_MOVE, ACTION_NAMES, NO_VERSION } from '../model/measure/changeLog.js';
import { functionName } from '../model/logs/names.js';
import { DAY_MS } from '../model/units.js';
import { namesOf } from './decode.js';
import { formatNumber } from './csv.js';
import { chunksOf } from './rowChunks.js';
import type { UnitRows } from './unitData.js';

export function* eventLines(scenario: Scenario, versions: VersionTable, results: Iterable<UnitRows>): Generator<string> {
  for (const result of results) yield* unitEventLines(scenario, versions, result, null);
}

/** One unit's lines; with a sweep, each object starts with its `point`. */
export function* unitEventLines(scenario: Scenario, versions: VersionTable, result: UnitRows, point: number | null): Generator<string> {
  const names = namesOf(scenario, versions);
  if (result.changes === null) return;
  for (const rows of chunksOf(result.changes)) for (let i = 0; i < rows.atMs.length; i++) {
    const from = rows.fromVersion[i]!;
    const to = rows.toVersion[i]!;
    const action = rows.action[i]!;
    yield JSON.stringify({
      ...(point === null ? {} : { point }),
      replication: result.replication,
      timeMs: rows.atMs[i]!,
      timeDays: Number(formatNumber(rows.atMs[i]! / DAY_MS)),
      function: functionName(rows.functionId[i]!),
      action: ACTION_NAMES[action],
      fromVersion: from === NO_VERSION ? null : names.version[from],
      toVersion: to === NO_VERSION ? null : names.version[to],
      cause: action === ACTION_MOVE ? HOW_NAMES[rows.cause[i]!] ?? null : null,
      ...(action === ACTION_MIGRATE_REFUSED ? { error: MANUAL_LATEST_FROZEN_ERROR } : {}),
    }) + '\n';
  }
}
