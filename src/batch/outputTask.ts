/**
 * Output files written on a pool thread while the main thread writes the others (issue 13):
 * after the units have run, the pool's threads are idle, and the Parquet twins cost about as
 * much as the CSVs and the report together. A task names the files to write and carries what
 * the output files are a function of (plan, units, targetCi, meta), structured-cloneable; the
 * thread builds the same file list from the work folder (batchOutputs) and writes the named
 * files, whole, into the staging folder. Every file is a function of its rows alone, so it is
 * the same, byte for byte, whichever thread writes it (test/batch/shards.test.ts compares a run
 * with a merge, which writes every file on one thread).
 */
import type { TargetCiOutcome } from '../output/summaryJson.js';
import { writeOutputFile } from '../output/writeOutputDir.js';
import { batchOutputs, type BatchOutputMeta } from './batchOutputs.js';
import { rememberLastUnit } from './lastUnit.js';
import type { BatchPlan } from './plan.js';
import type { UnitSummary } from './unitCodec.js';
import { WorkFolder } from './workDir.js';

export interface OutputFilesTask {
  readonly plan: BatchPlan;
  readonly units: readonly UnitSummary[];
  readonly targetCi: TargetCiOutcome | null;
  readonly meta: BatchOutputMeta;
  /** The batch's work folder, which holds the units' rows. */
  readonly workDir: string;
  /** The staging folder the files go into. */
  readonly dir: string;
  /** Names of the files to write (as batchOutputs names them). */
  readonly names: readonly string[];
}

/** Writes the task's files; returns their names, in the order written. */
export function writeOutputFiles(task: OutputFilesTask): string[] {
  const folder = WorkFolder.reader(task.workDir);
  const load = rememberLastUnit((u) => folder.loadRows(u));
  const { files } = batchOutputs(task.plan, task.units, load, task.targetCi, task.meta);
  const wanted = new Set(task.names);
  const written: string[] = [];
  for (const file of files) {
    if (!wanted.has(file.name)) continue;
    writeOutputFile(task.dir, file);
    written.push(file.name);
  }
  const missing = task.names.filter((n) => !written.includes(n));
  if (missing.length > 0) throw new Error(`output task: no such output file: ${missing.join(', ')}`);
  return written;
}

/** Files that grow with the fleet and the horizon; the rest are small. */
const LARGE = ['patches.parquet', 'timeseries.parquet'];

/**
 * Splits `names` over at most `threads` tasks, round robin with the large files first (so
 * that each gets a thread of its own when there are threads enough). One task per thread:
 * a thread's second task would wait for the busy main thread to hand it out.
 */
export function splitOverThreads(names: readonly string[], threads: number): string[][] {
  const rank = (name: string): number => (LARGE.includes(name) ? LARGE.indexOf(name) : LARGE.length);
  const ordered = [...names].sort((a, b) => rank(a) - rank(b));
  const groups: string[][] = Array.from({ length: Math.max(1, Math.min(threads, names.length)) }, () => []);
  ordered.forEach((name, i) => groups[i % groups.length]!.push(name));
  return groups;
}
