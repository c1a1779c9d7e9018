/**
 * The worker thread's entry (piscina runs the built `dist/batch/worker.js`): takes a unit
 * spec, returns the packed unit as one transferred ArrayBuffer, so results cross the
 * thread boundary without copying and without per-row objects. Once the units have run,
 * `writeFiles` writes output files beside the main thread (outputTask.ts).
 */
import { move } from 'piscina';
import { widenInliningBudget } from './inliningBudget.js';
import { writeOutputFiles, type OutputFilesTask } from './outputTask.js';
import { simulateUnit, type UnitTask } from './unitTask.js';

widenInliningBudget();

export default function runUnit(task: UnitTask): unknown {
  return move(simulateUnit(task));
}

export function writeFiles(task: OutputFilesTask): string[] {
  return writeOutputFiles(task);
}
