/**
 * Writes a run's files so that the output folder always holds either the complete previous
 * results or the complete new ones: every file is written into a staging folder beside the
 * target, then the folder is swapped in by rename (both by common/atomicFile.ts). A folder the tool did not make (no marker
 * file) is never replaced without `force`.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { swapFolder, writeSynced } from '../common/atomicFile.js';
import { UserError } from '../common/userError.js';

export const MARKER_FILE = '.lambda-rollout-sim';

export interface OutputFile {
  /** File name; may hold `/` for a file in a subfolder (made as needed). */
  readonly name: string;
  readonly chunks: Iterable<string | Uint8Array>;
}

/** A problem with the output folder that the user can fix (exit code 2). */
export class OutputFolderError extends UserError {}

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

/** Files made from the staged ones just before the swap (e.g. the report, built from the data files). */
export type LateFiles = (stagingDir: string) => Promise<readonly OutputFile[]>;

export function writeOutputDir(outDir: string, files: readonly OutputFile[], force: boolean): void {
  const staging = makeStaging(outDir, force);
  try {
    writeFiles(staging, withMarker(files));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  swapFolder(outDir, staging);
}

/** Files that other threads write into the staging folder while this one writes the rest. */
export interface ElsewhereFiles {
  readonly names: ReadonlySet<string>;
  /** Starts writing them into `stagingDir` (at once: this thread is busy until it awaits); settles when all are written. */
  write(stagingDir: string): Promise<unknown>;
}

/**
 * The same, with files built from the staged ones before the folder is swapped in (`late`),
 * and files written by other threads meanwhile (`elsewhere`). Whatever fails, the staging
 * folder is removed only once the other threads are done with it.
 */
export async function writeOutputDirWith(
  outDir: string, files: readonly OutputFile[], force: boolean, late: LateFiles, elsewhere: ElsewhereFiles | null = null,
): Promise<void> {
  const staging = makeStaging(outDir, force);
  let others: Promise<unknown> = Promise.resolve();
  try {
    if (elsewhere !== null) {
      others = elsewhere.write(staging);
      others.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
    }
    writeFiles(staging, withMarker(elsewhere === null ? files : files.filter((f) => !elsewhere.names.has(f.name))));
    const lateFiles = await late(staging);
    await others;
    writeFiles(staging, lateFiles);
  } catch (error) {
    await others.catch(() => undefined);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  swapFolder(outDir, staging);
}

const withMarker = (files: readonly OutputFile[]): OutputFile[] =>
  [...files, { name: MARKER_FILE, chunks: ['made by lambda-rollout-sim; safe to replace\n'] }];

/** An empty staging folder beside the target, once the target is known to be replaceable. */
function makeStaging(outDir: string, force: boolean): string {
  checkOutputDir(outDir, force);
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  return staging;
}

function writeFiles(dir: string, files: readonly OutputFile[]): void {
  for (const file of files) writeOutputFile(dir, file);
}

/** Writes one file into folder `dir` (its subfolder made as needed). */
export function writeOutputFile(dir: string, file: OutputFile): void {
  const path = join(dir, file.name);
  mkdirSync(dirname(path), { recursive: true });
  writeSynced(path, file.chunks);
}
