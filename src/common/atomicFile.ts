/**
 * The one file writer: every file the tool writes goes through here, so readers see either
 * the previous file or the complete new one. Bytes go to a temporary file beside the
 * target, every byte is written (a short write is continued, never dropped), flushed, then
 * renamed over the target. A folder of files is staged the same way and swapped in by rename.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export type Chunk = string | Uint8Array;

/** Writes all of `bytes` at the file's position, continuing after short writes. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Creates (or truncates) `path` and writes the chunks, flushed to disk before it returns. */
export function writeSynced(path: string, chunks: Iterable<Chunk>): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of chunks) writeAll(fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The temporary file beside `target` that a write goes to before its rename. */
export function tempBeside(target: string): string {
  const path = resolve(target);
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
}

/**
 * Writes `file` atomically (its folder made as needed). `temp` names the temporary file when
 * a caller recovers leftovers by name; on any failure the temporary file is removed and the
 * error is thrown on, for the caller to word.
 */
export function writeFileAtomic(file: string, chunks: Iterable<Chunk>, temp = tempBeside(file)): void {
  const target = resolve(file);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeSynced(temp, chunks);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Puts the folder `staging` in the place of `target`: the old folder (if any) is moved aside
 * to `.NAME.previous-PID`, the new one renamed in, then the old one removed.
 */
export function swapFolder(target: string, staging: string): void {
  const path = resolve(target);
  const previous = join(dirname(path), `.${basename(path)}.previous-${process.pid}`);
  if (existsSync(path)) {
    renameSync(path, previous);
    renameSync(staging, path);
    rmSync(previous, { recursive: true, force: true });
  } else {
    renameSync(staging, path);
  }
}
