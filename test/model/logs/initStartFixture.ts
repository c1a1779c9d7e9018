/** Fleet columns and change logs for the INIT_START log tests, built directly (no simulation). */
import { ACTION_MOVE, ChangeLog, type ChangeRows } from '../../../src/model/measure/changeLog.js';
import type { InitStartFunctions } from '../../../src/model/logs/initStartLog.js';

export interface FunctionSpec {
  readonly region?: number;
  readonly architecture?: number;
  readonly runtime?: number;
  readonly hasAlias?: boolean;
  readonly invocationsPerDay: number;
  readonly createdMs?: number;
}

export function fleetColumns(specs: readonly FunctionSpec[]): InitStartFunctions {
  const n = specs.length;
  const columns = {
    region: new Uint8Array(n),
    architecture: new Uint8Array(n),
    runtime: new Uint8Array(n),
    hasAlias: new Uint8Array(n),
    qualifier: new Uint16Array(n),
    architecture0: new Uint8Array(n),
    invocationsPerDay: new Float32Array(n),
    createdMs: new Float64Array(n),
    count: n,
  };
  specs.forEach((s, i) => {
    columns.region[i] = s.region ?? 0;
    columns.architecture[i] = s.architecture ?? 0;
    columns.architecture0[i] = s.architecture ?? 0;
    columns.qualifier[i] = s.hasAlias === true ? 1 : 0;
    columns.runtime[i] = s.runtime ?? 0;
    columns.hasAlias[i] = s.hasAlias === true ? 1 : 0;
    columns.invocationsPerDay[i] = s.invocationsPerDay;
    columns.createdMs[i] = s.createdMs ?? 0;
  });
  return columns;
}

export interface ChangeSpec {
  readonly atMs: number;
  readonly functionId: number;
  readonly action?: number;
  readonly fromVersion: number;
  /** Serving qualifier (0 = $LATEST) and architecture after the change. */
  readonly qualifier?: number;
  readonly architecture?: number;
  readonly toVersion: number;
}

/** A change log with these rows, recorded in time order (ties in the given order). */
export function changeRows(rows: readonly ChangeSpec[]): ChangeRows {
  const log = new ChangeLog();
  [...rows]
    .sort((a, b) => a.atMs - b.atMs)
    .forEach((r) => log.record(r.atMs, r.functionId, r.action ?? ACTION_MOVE, r.fromVersion, r.toVersion, 0, r.qualifier ?? 0, r.architecture ?? 0));
  return log.rows.view();
}
