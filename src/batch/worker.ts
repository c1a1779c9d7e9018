/**
 * The worker thread's entry (piscina runs the built `dist/batch/worker.js`): takes a unit
 * spec, returns the packed unit as one transferred ArrayBuffer, so results cross the
 * thread boundary without copying and without per-row objects. Once the units have run,
 * `writeFiles` writes output files beside the main thread (outputTask.ts).
 */
import { move } from 'piscina';
import { widenInliningBudget } from './inliningBudget.js';
import type { OutputFilesTask } from './outputTask.js';
import { simulateUnit, type UnitTask } from './unitTask.js';

widenInliningBudget();

export default function runUnit(task: UnitTask): unknown {
  return move(simulateUnit(task));
}

/** The output writers (CSV, Parquet: about 40 ms of modules) load only when files are to be written, not before the first unit. */
export async function writeFiles(task: OutputFilesTask): Promise<string[]> {
  const { writeOutputFiles } = await import('./outputTask.js');
  return writeOutputFiles(task);
}
