/**
 * Reads every log file into one Observation (files in the order given; the result does not
 * depend on it). Any unreadable file, unknown shape, non-UTF-8 text, truncated JSON or empty
 * file stops everything with one line naming the file and position, before anything is written.
 */
import { addInit, addMalformed, emptyObservation, type Observation } from './observation.js';
import { readLogBatches, type ReadOptions } from './readLogFile.js';

export async function readObservation(files: readonly string[], options: ReadOptions = {}): Promise<Observation> {
  const o = emptyObservation();
  for (const file of files) {
    for await (const batch of readLogBatches(file, options)) {
      for (const item of batch) {
        if (item.kind === 'init') addInit(o, item.init);
        else if (item.kind === 'malformed') addMalformed(o, item.where, item.reason);
        else o.skipped++;
      }
    }
  }
  return o;
}
