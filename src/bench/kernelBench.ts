/**
 * The classic hold model on the event queue: `pending` events wait; each one
 * that runs schedules its successor at now + Exponential(meanDelayMs), rounded
 * to integer ms, so the queue size stays constant. Reports events per second
 * of wall time for the hold phase only (filling the queue is not timed).
 *
 * Heap arity and layout were chosen with this benchmark (see eventQueue.ts).
 */
import { exponential } from '../kernel/distributions.js';
import { EventQueue } from '../kernel/eventQueue.js';
import { createStream } from '../kernel/random.js';

export interface KernelBenchOptions {
  pending: number;
  events: number;
  repeats: number;
  /** Mean delay between an event and its successor; default 1,000,000 ms. Smaller means more equal times. */
  meanDelayMs?: number;
}

export interface KernelBenchResult {
  eventsPerSec: number[];
  medianEventsPerSec: number;
}

export async function benchKernel(opts: KernelBenchOptions): Promise<KernelBenchResult> {
  const { pending, events, repeats } = opts;
  const meanDelayMs = opts.meanDelayMs ?? 1_000_000;
  for (const [name, value] of [['pending', pending], ['events', events], ['repeats', repeats]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`benchKernel: ${name} must be a positive integer, got ${value}`);
  }
  const eventsPerSec: number[] = [];
  for (let r = 0; r < repeats; r++) {
    eventsPerSec.push(holdOnce(pending, events, meanDelayMs, r));
    await new Promise((resolve) => setImmediate(resolve)); // let the event loop breathe between repeats
  }
  const sorted = [...eventsPerSec].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianEventsPerSec =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { eventsPerSec, medianEventsPerSec };
}

function holdOnce(pending: number, events: number, meanDelayMs: number, repeat: number): number {
  const queue = new EventQueue(pending);
  const stream = createStream(repeat, 'kernelBench.hold', 0);
  for (let i = 0; i < pending; i++) queue.schedule(Math.floor(exponential(stream, meanDelayMs) + 0.5), 0, i);
  const dispatch = (kind: number, target: number, atMs: number): void => {
    queue.schedule(atMs + Math.floor(exponential(stream, meanDelayMs) + 0.5), kind, target);
  };
  // About 1/50 of the events per runUntil call: the rate is pending / meanDelayMs events per ms.
  const stepMs = Math.max(1, Math.round(((events / 50) * meanDelayMs) / pending));
  let done = 0;
  const start = process.hrtime.bigint();
  while (done < events) done += queue.runUntil(queue.nowMs + stepMs, dispatch);
  const elapsedNs = Number(process.hrtime.bigint() - start);
  return done / (elapsedNs / 1e9);
}
