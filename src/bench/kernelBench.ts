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
 * With `timers: true` the waiting things are entity timers (one per entity,
 * set again by entity when it runs: a function's next move) instead of events.
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
  /** Hold entity timers instead of events (default false). */
  timers?: boolean;
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
    eventsPerSec.push(holdOnce(pending, events, meanDelayMs, opts.drawDelays ?? true, opts.timers ?? false, r));
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

function holdOnce(pending: number, events: number, meanDelayMs: number, drawDelays: boolean, timers: boolean, repeat: number): number {
  const queue = new EventQueue(timers ? 1024 : pending);
  const stream = createStream(repeat, 'kernelBench.hold', 0);
  for (let i = 0; i < pending; i++) {
    if (timers) queue.setTimer(delayMs(stream, meanDelayMs), i);
    else queue.schedule(delayMs(stream, meanDelayMs), 0, i);
  }
  const table = new Float64Array(drawDelays ? 0 : TABLE_SIZE);
  for (let i = 0; i < table.length; i++) table[i] = delayMs(stream, meanDelayMs);
  let next = 0;
  const delay = drawDelays ? (): number => delayMs(stream, meanDelayMs) : (): number => table[next++ & (TABLE_SIZE - 1)] as number;
  const dispatch = timers
    ? (_kind: number, target: number, atMs: number): void => void queue.setTimer(atMs + delay(), target)
    : (kind: number, target: number, atMs: number): void => void queue.schedule(atMs + delay(), kind, target);
  // About 1/50 of the events per runUntil call: the rate is pending / meanDelayMs events per ms.
  const stepMs = Math.max(1, Math.round(((events / 50) * meanDelayMs) / pending));
  let done = 0;
  const start = process.hrtime.bigint();
  while (done < events) done += queue.runUntil(queue.nowMs + stepMs, dispatch);
  const elapsedNs = Number(process.hrtime.bigint() - start);
  return done / (elapsedNs / 1e9);
}
