/**
 * `--out` of insights, observe, calibrate and fleet: the one atomic writer
 * (common/atomicFile.ts), with its failures worded for the user (exit code 2).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic as writeAtomically, type Chunk } from '../common/atomicFile.js';
import { ioReason } from '../common/messages.js';
import { InsightsInputError } from './inputError.js';
import { msg } from './messages.js';

export function writeFileAtomic(file: string, chunks: Iterable<Chunk>): void {
  try {
    if (statSync(resolve(file), { throwIfNoEntry: false })?.isDirectory() === true) {
      throw new InsightsInputError([`${file}: ${msg.outIsFolder()}`]);
    }
    writeAtomically(file, chunks);
  } catch (error) {
    if (error instanceof InsightsInputError) throw error;
    throw new InsightsInputError([`${file}: ${msg.cannotWrite(ioReason(error))}`]);
  }
}
