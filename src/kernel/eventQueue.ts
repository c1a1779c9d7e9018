/**
 * The future-event list: schedule, cancel, and run events in order.
 *
 * Order: by time (integer ms), then first-in first-out by scheduling order, so
 * a given sequence of `schedule` calls always runs in exactly one order.
 *
 * An event is (time, kind, target): kind names the handler, target the entity,
 * both plain integers, so running an event allocates nothing and the kernel
 * knows nothing of what they mean.
 *
 * Structure (radixBuckets.ts, slotTable.ts): a radix heap, not a binary heap,
 * because simulated time is an integer that never goes backwards. Measured
 * with src/bench/kernelBench.ts (hold model, queue only) on a 2-core machine:
 * typed-array binary and 4-ary heaps (separate arrays, or packed cache-aligned
 * 16-byte entries) ran ~9.5 M events/s at 10 k pending but 2.5-3.3 M/s at 1 M,
 * where each event walks ~log n cold cache lines; the radix heap, which moves
 * an entry ~3 times through arrays in order, ran ~11 M/s at 10 k and 1 M.
 * Memory: 24 bytes an entry (in 64-entry blocks) and 5 bytes a slot, both
 * growing by doubling to the peak number of events held.
 */
import { RadixBuckets } from './radixBuckets.js';
import { SLOT_SPACE, SlotTable, slotOf } from './slotTable.js';

export type EventHandle = number;
export type Dispatch = (kind: number, target: number, atMs: number) => void;

const TWO_POW_32 = 4294967296;
const COMPACT_MIN_CANCELLED = 1024;

export class EventQueue {
  private now = 0;
  private running = false;
  private readonly slots: SlotTable;
  private readonly buckets: RadixBuckets;

  /** @param initialCapacity events the queue holds before it first grows. */
  constructor(initialCapacity = 1024) {
    if (!Number.isSafeInteger(initialCapacity) || initialCapacity < 1 || initialCapacity > SLOT_SPACE) {
      throw new RangeError(`EventQueue: initialCapacity must be an integer in 1..${SLOT_SPACE}, got ${initialCapacity}`);
    }
    this.slots = new SlotTable(initialCapacity);
    this.buckets = new RadixBuckets(initialCapacity, this.slots);
  }

  /** Current simulated time in integer milliseconds; starts at 0. */
  get nowMs(): number {
    return this.now;
  }

  /** Events scheduled and neither run nor cancelled. */
  get pending(): number {
    return this.slots.pending;
  }

  /**
   * Time of the next pending event, or Infinity. O(1), except right after the
   * earliest event of a bucket was cancelled: then O(that bucket's size).
   */
  peekMs(): number {
    return this.slots.pending === 0 ? Infinity : this.buckets.minPendingTime();
  }

  /** Schedules (kind, target) at atMs, an integer >= nowMs. Returns a handle for `cancel`. */
  schedule(atMs: number, kind: number, target: number): EventHandle {
    if (!(atMs >= this.now) || !Number.isSafeInteger(atMs)) {
      throw new RangeError(`EventQueue.schedule: atMs must be an integer >= nowMs (${this.now}), got ${atMs}`);
    }
    if ((kind & 0xffff) !== kind) {
      throw new RangeError(`EventQueue.schedule: kind must be an integer in 0..65535, got ${kind}`);
    }
    if ((target | 0) !== target) {
      throw new RangeError(`EventQueue.schedule: target must be a 32-bit signed integer, got ${target}`);
    }
    const slots = this.slots;
    const slot = slots.acquire();
    const genHigh = slots.acquiredGenHigh;
    this.buckets.add(atMs, kind * SLOT_SPACE + slot, (target >>> 0) + genHigh * TWO_POW_32);
    return slots.handleOf(slot, genHigh);
  }

  /** Cancels a pending event: true if it was pending; false, and no effect, if it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean {
    if (!Number.isSafeInteger(handle) || handle < 0) {
      throw new RangeError(`EventQueue.cancel: not an event handle: ${handle}`);
    }
    const slots = this.slots;
    if (!slots.cancel(handle)) return false;
    if (slots.cancelled >= COMPACT_MIN_CANCELLED && slots.cancelled > slots.pending) this.buckets.compactAll();
    return true;
  }

  /**
   * Runs, in order, every event with time <= endMs (an integer), including
   * events that `dispatch` schedules; then advances nowMs to endMs (never
   * backwards). Returns the number of events run. During `dispatch`, nowMs is
   * the event's time. If `dispatch` throws, the queue stays consistent and
   * nowMs stays at the time of the event that threw.
   */
  runUntil(endMs: number, dispatch: Dispatch): number {
    if (!Number.isSafeInteger(endMs)) {
      throw new RangeError(`EventQueue.runUntil: endMs must be an integer, got ${endMs}`);
    }
    if (this.running) throw new Error('EventQueue.runUntil: called again from inside dispatch');
    this.running = true;
    const buckets = this.buckets;
    const slots = this.slots;
    let ran = 0;
    try {
      for (;;) {
        if (buckets.size[0] === 0) {
          if (!buckets.refill(endMs)) break;
          continue;
        }
        const atMs = buckets.last;
        if (atMs > endMs) break;
        const o = buckets.headOffset();
        const data = buckets.arena.data;
        const kindSlot = data[o + 1] as number;
        const targetGen = data[o + 2] as number;
        buckets.takeHead();
        if (!slots.release(slotOf(kindSlot), (targetGen / TWO_POW_32) | 0)) continue; // cancelled
        this.now = atMs;
        ran++;
        dispatch((kindSlot / SLOT_SPACE) | 0, targetGen | 0, atMs);
      }
    } finally {
      this.running = false;
    }
    if (endMs > this.now) this.now = endMs;
    return ran;
  }
}
