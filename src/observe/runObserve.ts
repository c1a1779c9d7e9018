/**
 * `observe`: read → summarise → tables → write. Every input is read and checked before the
 * first byte is written; each output file is then written atomically (a reader sees the old
 * file or the whole new one).
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../insights/writeFileAtomic.js';
import { chunked } from '../output/csv.js';
import { readInventory } from './inventory.js';
import { functionsCsv, rolloutCsv, transitionsCsv, versionsCsv } from './observeCsv.js';
import { ObserveInputError } from './observeError.js';
import { readObservation } from './readObservation.js';
import { statusPage } from './statusPage.js';
import { buildTables, type Tables } from './tables.js';
import type { Observation } from './observation.js';

export interface ObserveOptions {
  readonly logs: readonly string[];
  readonly out: string;
  readonly inventory?: string | undefined;
  readonly logGroup?: string | undefined;
}

export interface ObserveResult {
  readonly observation: Observation;
  readonly tables: Tables;
  readonly files: readonly string[];
}

export const OBSERVE_FILES = ['versions.csv', 'functions.csv', 'transitions.csv', 'rollout.csv', 'status.html'] as const;

export async function runObserve(options: ObserveOptions): Promise<ObserveResult> {
  const inventory = options.inventory === undefined ? null : readInventory(options.inventory);
  const observation = await readObservation(options.logs, { logGroup: options.logGroup });
  if (observation.inits === 0) {
    throw new ObserveInputError([`${options.logs.join(', ')}: no INIT_START line in ${options.logs.length === 1 ? 'this file' : 'these files'} (${observation.skipped} other lines skipped, ${observation.malformed} malformed); nothing written`]);
  }
  const tables = buildTables(observation, inventory);
  const html = statusPage(observation, tables, inventory !== null);
  const withInventory = inventory !== null;
  const outputs: [string, Iterable<string>][] = [
    ['versions.csv', chunked(versionsCsv(tables.versions))],
    ['functions.csv', chunked(functionsCsv(tables.functions, withInventory))],
    ['transitions.csv', chunked(transitionsCsv(tables.transitions))],
    ['rollout.csv', chunked(rolloutCsv(tables.rollout))],
    ['status.html', [html]],
  ];
  const files: string[] = [];
  for (const [name, chunks] of outputs) {
    const file = join(options.out, name);
    writeFileAtomic(file, chunks);
    files.push(file);
  }
  return { observation, tables, files };
}
