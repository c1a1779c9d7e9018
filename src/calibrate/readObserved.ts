/**
 * Reads back what `observe` wrote in a folder (versions.csv, functions.csv, transitions.csv),
 * into the same rows `observe` built, so calibrate and status.html share one definition of
 * time to patch. Version order comes from versions.csv's row order (runtime, then rank).
 * A missing file, a missing column or a bad cell is one line with file:line, exit code 2.
 */
import { join } from 'node:path';
import { csvRecords } from '../observe/csvRecords.js';
import type { InventoryEntry } from '../observe/inventory.js';
import { ObserveInputError, problemAt } from '../observe/observeError.js';
import { rankKey, type FunctionRow, type Tables, type TransitionRow, type VersionRow } from '../observe/tables.js';
import { textChunks } from '../observe/textChunks.js';

/** The tables observe wrote (but rollout.csv), read back from its folder. */
export interface Observed extends Omit<Tables, 'rollout'> {
  readonly dir: string;
  readonly withInventory: boolean;
}

type Row = (column: string) => string;

async function readCsv(file: string, required: readonly string[], each: (row: Row, line: number) => void): Promise<string[]> {
  let header: string[] | null = null;
  let index = new Map<string, number>();
  for await (const records of csvRecords(file, textChunks(file))) {
    for (const record of records) {
      if (header === null) {
        header = [...record.fields];
        const missing = required.filter((c) => !header!.includes(c));
        if (missing.length > 0) throw problemAt(file, record.line, `no ${missing.join(', ')} column: is this a folder written by observe?`);
        index = new Map(header.map((h, i) => [h, i]));
        continue;
      }
      each((c) => record.fields[index.get(c) ?? -1] ?? '', record.line);
    }
  }
  if (header === null) throw new ObserveInputError([`${file}:1: the file is empty`]);
  return header;
}

function time(file: string, line: number, column: string, text: string, optional = false): number {
  if (text === '' && optional) return Number.NaN;
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || !Number.isFinite(ms)) throw problemAt(file, line, `${column}: ${JSON.stringify(text)} is not an ISO 8601 time`);
  return ms;
}

function count(file: string, line: number, column: string, text: string): number {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n) || n < 0) throw problemAt(file, line, `${column}: ${JSON.stringify(text)} is not a non-negative number`);
  return n;
}

export async function readObserved(dir: string): Promise<Observed> {
  const versions: VersionRow[] = [];
  const vf = join(dir, 'versions.csv');
  await readCsv(vf, ['runtime', 'runtime_version', 'region', 'runtime_version_arn', 'first_seen', 'last_seen', 'functions', 'inits'], (r, line) => {
    versions.push({
      runtime: r('runtime'), label: r('runtime_version'), region: r('region'), arn: r('runtime_version_arn'),
      firstMs: time(vf, line, 'first_seen', r('first_seen')), lastMs: time(vf, line, 'last_seen', r('last_seen')),
      functions: count(vf, line, 'functions', r('functions')), inits: count(vf, line, 'inits', r('inits')),
    });
  });
  if (versions.length === 0) throw new ObserveInputError([`${vf}:2: no runtime version: nothing to calibrate`]);
  const rank = new Map<string, number>();
  const perRuntime = new Map<string, number>();
  for (const v of versions) {
    const k = rankKey(v.runtime, v.label);
    if (rank.has(k)) continue;
    const r = perRuntime.get(v.runtime) ?? 0;
    rank.set(k, r);
    perRuntime.set(v.runtime, r + 1);
  }
  const functions: FunctionRow[] = [];
  const ff = join(dir, 'functions.csv');
  const header = await readCsv(ff, ['function', 'region', 'qualifier', 'runtime', 'runtime_version', 'runtime_version_arn', 'last_init', 'versions_behind', 'days_behind', 'first_init', 'inits'], (r, line) => {
    const inventory: InventoryEntry | null = r('architecture') === '' ? null : {
      fn: r('function'), region: r('region'), qualifier: r('qualifier'), architecture: r('architecture'), packageType: r('package_type'),
      updateMode: r('update_mode') === '' ? null : r('update_mode'),
      lastModifiedMs: r('last_modified') === '' ? null : time(ff, line, 'last_modified', r('last_modified')),
    };
    functions.push({
      fn: r('function'), region: r('region'), qualifier: r('qualifier'), runtime: r('runtime'), label: r('runtime_version'), arn: r('runtime_version_arn'),
      lastMs: time(ff, line, 'last_init', r('last_init')), versionsBehind: count(ff, line, 'versions_behind', r('versions_behind')),
      daysBehind: count(ff, line, 'days_behind', r('days_behind')), firstMs: time(ff, line, 'first_init', r('first_init')),
      inits: count(ff, line, 'inits', r('inits')), inventory,
    });
  });
  const transitions: TransitionRow[] = [];
  const tf = join(dir, 'transitions.csv');
  await readCsv(tf, ['function', 'region', 'qualifier', 'from_version', 'to_version', 'last_old_init', 'first_new_init'], (r, line) => {
    transitions.push({
      fn: r('function'), region: r('region'), qualifier: r('qualifier'), fromLabel: r('from_version'), toLabel: r('to_version'),
      lastOldMs: time(tf, line, 'last_old_init', r('last_old_init')), firstNewMs: time(tf, line, 'first_new_init', r('first_new_init')),
    });
  });
  return {
    dir, versions, functions, transitions, rank,
    startMs: Math.min(...versions.map((v) => v.firstMs)),
    endMs: Math.max(...versions.map((v) => v.lastMs)),
    withInventory: header.includes('update_mode'),
  };
}
