/**
 * Prints hold-model throughput of the event queue: `npx tsx src/bench/kernelMain.ts`
 * or, after `npm run build`, `node dist/bench/kernelMain.js`.
 */
import { benchKernel } from './kernelBench.js';

const cases = [
  { pending: 10_000, events: 10_000_000 },
  { pending: 1_000_000, events: 10_000_000 },
];

console.log('pending    events/s (median of 5)   all runs (M/s)');
for (const c of cases) {
  const { eventsPerSec, medianEventsPerSec } = await benchKernel({ ...c, repeats: 5 });
  const all = eventsPerSec.map((e) => (e / 1e6).toFixed(2)).join(' ');
  console.log(`${String(c.pending).padStart(9)}  ${(medianEventsPerSec / 1e6).toFixed(2).padStart(8)} M/s            ${all}`);
}
