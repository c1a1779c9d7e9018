/**
 * The worker thread's entry (piscina runs the built `dist/batch/worker.js`): takes a unit
 * spec, returns the packed unit as one transferred ArrayBuffer, so results cross the
 * thread boundary without copying and without per-row objects.
 */
import { move } from 'piscina';
import { simulateUnit, type UnitTask } from './unitTask.js';

export default function runUnit(task: UnitTask): unknown {
  return move(simulateUnit(task));
}
