/**
 * Prints hold-model throughput of the event queue (median of 5 runs of 10 M
 * events): `npx tsx src/bench/kernelMain.ts`, or after `npm run build`,
 * `node dist/bench/kernelMain.js`. "with draws" includes drawing each delay
 * (seeded uniform + logarithm); "queue only" takes delays from a table.
 */
import { benchKernel } from './kernelBench.js';

const MILLION = 1e6;

console.log('  pending   with draws (M events/s)          queue only (M events/s)');
for (const pending of [10_000, 1_000_000]) {
  const cells: string[] = [];
  for (const drawDelays of [true, false]) {
    const { eventsPerSec, medianEventsPerSec } = await benchKernel({ pending, events: 10_000_000, repeats: 5, drawDelays });
    const runs = eventsPerSec.map((e) => (e / MILLION).toFixed(1)).join(' ');
    cells.push(`${(medianEventsPerSec / MILLION).toFixed(2).padStart(6)}  [${runs}]`);
  }
  console.log(`${String(pending).padStart(9)}   ${cells[0]}   ${cells[1]}`);
}
