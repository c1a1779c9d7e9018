/**
 * Writes a run's files so that the output folder always holds either the complete previous
 * results or the complete new ones: every file is written into a staging folder beside the
 * target, then the folder is swapped in by rename. A folder the tool did not make (no marker
 * file) is never replaced without `force`.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export const MARKER_FILE = '.lambda-rollout-sim';

export interface OutputFile {
  /** File name; may hold `/` for a file in a subfolder (made as needed). */
  readonly name: string;
  readonly chunks: Iterable<string | Uint8Array>;
}

/** A problem with the output folder that the user can fix (exit code 2). */
export class OutputFolderError extends Error {}

/** Refuses, before any work is done, a target the run may not replace. */
export function checkOutputDir(outDir: string, force: boolean): void {
  const target = resolve(outDir);
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new OutputFolderError(`${outDir}: exists and is not a folder`);
  const entries = readdirSync(target);
  if (entries.length > 0 && !entries.includes(MARKER_FILE) && !force) {
    throw new OutputFolderError(
      `${outDir}: folder exists, is not empty and was not made by lambda-rollout-sim (use --force to replace it, or choose another --out)`,
    );
  }
}

export function writeOutputDir(outDir: string, files: readonly OutputFile[], force: boolean): void {
  checkOutputDir(outDir, force);
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.staging-${process.pid}`);
  const previous = join(parent, `.${basename(target)}.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  try {
    for (const file of [...files, { name: MARKER_FILE, chunks: ['made by lambda-rollout-sim; safe to replace\n'] }]) {
      const path = join(staging, file.name);
      mkdirSync(dirname(path), { recursive: true });
      const fd = openSync(path, 'w');
      try {
        for (const chunk of file.chunks) writeAll(fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(target)) {
    renameSync(target, previous);
    renameSync(staging, target);
    rmSync(previous, { recursive: true, force: true });
  } else {
    renameSync(staging, target);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}
