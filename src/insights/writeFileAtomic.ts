/**
 * Writes a file so that readers see either the previous file or the complete new one:
 * the text goes to a temporary file beside the target, is flushed, then renamed over it.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ioReason } from '../common/messages.js';
import { InsightsInputError } from './inputError.js';
import { msg } from './messages.js';

export function writeFileAtomic(file: string, chunks: Iterable<string>): void {
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  try {
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory() === true) {
      throw new InsightsInputError([`${file}: ${msg.outIsFolder()}`]);
    }
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(temp, 'w');
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof InsightsInputError) throw error;
    throw new InsightsInputError([`${file}: ${msg.cannotWrite(ioReason(error))}`]);
  }
}
