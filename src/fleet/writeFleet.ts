/**
 * The fleet file's text, as chunks for an atomic writer: fixed key order (the schema's),
 * functions in the order given (sorted by ARN), one function per line, so a fleet of
 * 100,000 functions streams out without one giant string and diffs line by line.
 */
import type { FleetFile } from './fleetFile.js';

export function* fleetFileChunks(fleet: FleetFile): Generator<string> {
  yield '{\n';
  yield `  "format": ${JSON.stringify(fleet.format)},\n`;
  yield `  "formatVersion": ${JSON.stringify(fleet.formatVersion)},\n`;
  yield `  "anonymized": ${JSON.stringify(fleet.anonymized)},\n`;
  yield `  "deployStatistics": ${JSON.stringify(fleet.deployStatistics)},\n`;
  yield '  "functions": [';
  let batch = '';
  for (let i = 0; i < fleet.functions.length; i++) {
    batch += `${i === 0 ? '' : ','}\n    ${JSON.stringify(fleet.functions[i])}`;
    if (batch.length > 1 << 20) {
      yield batch;
      batch = '';
    }
  }
  yield batch;
  yield fleet.functions.length === 0 ? ']\n}\n' : '\n  ]\n}\n';
}
