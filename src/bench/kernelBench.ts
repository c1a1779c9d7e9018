/**
 * The classic hold model on the event queue: `pending` events wait; each one
 * that runs schedules its successor at now + Exponential(meanDelayMs), rounded
 * to integer ms, so the queue size stays constant. Reports events per second
 * of wall time for the hold phase only (filling the queue is not timed).
 *
 * With `drawDelays: false` the delays come from a table of 2^20 draws made
 * beforehand, so the figure is the queue's alone (the draw, a seeded uniform
 * and a logarithm, costs ~15-25 ns an event).
 *
 * Rounding is Math.floor(x + 0.5): Math.round cost ~13 ns a call here.
 * The queue's structure was chosen with this benchmark (see eventQueue.ts).
 */
import { exponential } from '../kernel/distributions.js';
import { EventQueue } from '../kernel/eventQueue.js';
import { createStream, type RandomStream } from '../kernel/random.js';

export interface KernelBenchOptions {
  pending: number;
  events: number;
  repeats: number;
  /** Mean delay between an event and its successor; default 1,000,000 ms. Smaller means more equal times. */
  meanDelayMs?: number;
  /** Draw each delay when it is needed (default), or take it from a table drawn beforehand. */
  drawDelays?: boolean;
}

export interface KernelBenchResult {
  eventsPerSec: number[];
  medianEventsPerSec: number;
}

const TABLE_SIZE = 1 << 20;

export async function benchKernel(opts: KernelBenchOptions): Promise<KernelBenchResult> {
  const { pending, events, repeats } = opts;
  const meanDelayMs = opts.meanDelayMs ?? 1_000_000;
  for (const [name, value] of [['pending', pending], ['events', events], ['repeats', repeats]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`benchKernel: ${name} must be a positive integer, got ${value}`);
  }
  if (!(meanDelayMs > 0 && meanDelayMs < Infinity)) throw new RangeError(`benchKernel: meanDelayMs must be > 0, got ${meanDelayMs}`);
  const eventsPerSec: number[] = [];
  for (let r = 0; r < repeats; r++) {
    eventsPerSec.push(holdOnce(pending, events, meanDelayMs, opts.drawDelays ?? true, r));
    await new Promise((resolve) => setImmediate(resolve)); // let the event loop breathe between repeats
  }
  const sorted = [...eventsPerSec].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianEventsPerSec =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { eventsPerSec, medianEventsPerSec };
}

function delayMs(stream: RandomStream, meanDelayMs: number): number {
  return Math.floor(exponential(stream, meanDelayMs) + 0.5);
}

function holdOnce(pending: number, events: number, meanDelayMs: number, drawDelays: boolean, repeat: number): number {
  const queue = new EventQueue(pending);
  const stream = createStream(repeat, 'kernelBench.hold', 0);
  for (let i = 0; i < pending; i++) queue.schedule(delayMs(stream, meanDelayMs), 0, i);
  let dispatch: (kind: number, target: number, atMs: number) => void;
  if (drawDelays) {
    dispatch = (kind, target, atMs) => {
      queue.schedule(atMs + delayMs(stream, meanDelayMs), kind, target);
    };
  } else {
    const table = new Float64Array(TABLE_SIZE);
    for (let i = 0; i < TABLE_SIZE; i++) table[i] = delayMs(stream, meanDelayMs);
    let next = 0;
    dispatch = (kind, target, atMs) => {
      queue.schedule(atMs + (table[next++ & (TABLE_SIZE - 1)] as number), kind, target);
    };
  }
  // About 1/50 of the events per runUntil call: the rate is pending / meanDelayMs events per ms.
  const stepMs = Math.max(1, Math.round(((events / 50) * meanDelayMs) / pending));
  let done = 0;
  const start = process.hrtime.bigint();
  while (done < events) done += queue.runUntil(queue.nowMs + stepMs, dispatch);
  const elapsedNs = Number(process.hrtime.bigint() - start);
  return done / (elapsedNs / 1e9);
}
