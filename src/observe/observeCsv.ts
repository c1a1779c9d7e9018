/**
 * The four CSV files of `observe` (times ISO 8601 UTC; empty cell = never reached/unknown):
 *   versions.csv     runtime, runtime_version, region, runtime_version_arn, first_seen, last_seen, functions, inits
 *   functions.csv    function, region, qualifier, runtime, runtime_version, runtime_version_arn, last_init,
 *                    versions_behind, days_behind, first_init, inits
 *                    [, architecture, package_type, update_mode, last_modified  — with --inventory]
 *   transitions.csv  function, region, qualifier, from_version, to_version, last_old_init, first_new_init
 *   rollout.csv      runtime, runtime_version, region, first_seen, functions_before, moved, moved_50, moved_95,
 *                    days_to_50, days_to_95
 */
import { csvLine } from '../output/csv.js';
import { DAY_MS, type FunctionRow, type RolloutRow, type TransitionRow, type VersionRow } from './tables.js';

export const VERSIONS_HEADER = ['runtime', 'runtime_version', 'region', 'runtime_version_arn', 'first_seen', 'last_seen', 'functions', 'inits'];
export const FUNCTIONS_HEADER = ['function', 'region', 'qualifier', 'runtime', 'runtime_version', 'runtime_version_arn', 'last_init', 'versions_behind', 'days_behind', 'first_init', 'inits'];
export const INVENTORY_COLUMNS = ['architecture', 'package_type', 'update_mode', 'last_modified'];
export const TRANSITIONS_HEADER = ['function', 'region', 'qualifier', 'from_version', 'to_version', 'last_old_init', 'first_new_init'];
export const ROLLOUT_HEADER = ['runtime', 'runtime_version', 'region', 'first_seen', 'functions_before', 'moved', 'moved_50', 'moved_95', 'days_to_50', 'days_to_95'];

/** ISO 8601 UTC with milliseconds; empty for NaN (never). */
export function iso(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

export function* versionsCsv(rows: readonly VersionRow[]): Generator<string> {
  yield csvLine(VERSIONS_HEADER);
  for (const r of rows) yield csvLine([r.runtime, r.label, r.region, r.arn, iso(r.firstMs), iso(r.lastMs), r.functions, r.inits]);
}

export function* functionsCsv(rows: readonly FunctionRow[], withInventory: boolean): Generator<string> {
  yield csvLine(withInventory ? [...FUNCTIONS_HEADER, ...INVENTORY_COLUMNS] : FUNCTIONS_HEADER);
  for (const r of rows) {
    const base = [r.fn, r.region, r.qualifier, r.runtime, r.label, r.arn, iso(r.lastMs), r.versionsBehind, r.daysBehind, iso(r.firstMs), r.inits];
    const inv = r.inventory;
    yield csvLine(withInventory ? [...base, inv?.architecture ?? '', inv?.packageType ?? '', inv?.updateMode ?? '', inv?.lastModifiedMs == null ? '' : iso(inv.lastModifiedMs)] : base);
  }
}

export function* transitionsCsv(rows: readonly TransitionRow[]): Generator<string> {
  yield csvLine(TRANSITIONS_HEADER);
  for (const r of rows) yield csvLine([r.fn, r.region, r.qualifier, r.fromLabel, r.toLabel, iso(r.lastOldMs), iso(r.firstNewMs)]);
}

const days = (fromMs: number, toMs: number): number => (Number.isFinite(toMs) ? Math.round(((toMs - fromMs) / DAY_MS) * 1000) / 1000 : Number.NaN);

export function* rolloutCsv(rows: readonly RolloutRow[]): Generator<string> {
  yield csvLine(ROLLOUT_HEADER);
  for (const r of rows) {
    yield csvLine([r.runtime, r.label, r.region, iso(r.firstMs), r.functionsBefore, r.moved, iso(r.moved50Ms), iso(r.moved95Ms), days(r.firstMs, r.moved50Ms), days(r.firstMs, r.moved95Ms)]);
  }
}
