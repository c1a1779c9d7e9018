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

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Tidies what a killed run left beside the target: a `.previous-PID` folder (complete earlier
 * results, moved aside just before the swap) is put back if the target is missing; staging
 * folders and other leftovers of processes that are gone are removed.
 */
export function recoverOutputDir(outDir: string): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const prefix = `.${basename(target)}.`;
  for (const entry of readdirSync(parent)) {
    const m = /^(staging|previous)-(\d+)$/.exec(entry.startsWith(prefix) ? entry.slice(prefix.length) : '');
    if (m === null) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || processIsAlive(pid)) continue;
    const path = join(parent, entry);
    if (m[1] === 'previous' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** Refuses, before any work is done, a target the run may not replace. */
export function checkOutputDir(outDir: string, force: boolean): void {
  recoverOutputDir(outDir);
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
