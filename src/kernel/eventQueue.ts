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
 * Memory: 32 bytes an entry (in 64-entry blocks) and 5 bytes a slot, both
 * growing by doubling to the peak number of events held.
 *
 * Entity timers (entityTimers.ts): besides events, the queue holds at most one
 * timer per entity of one kind (`timerKind`, a function's next move), set,
 * moved and cancelled by entity instead of by handle. They run in the same
 * order as events (by time, then by scheduling order: a timer and an event
 * share one sequence), so choosing a timer instead of an event for the same
 * thing changes nothing but the cost.
 */
import { EntityTimers } from './entityTimers.js';
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
  private readonly timers = new EntityTimers();
  /** Sequence number of the next event or timer scheduled. */
  private seq = 0;
  private runSeq = -1;

  /**
   * @param initialCapacity events the queue holds before it first grows.
   * @param timerKind the kind that entity timers run as (`setTimer`).
   */
  constructor(initialCapacity = 1024, private readonly timerKind = 0) {
    if (!Number.isSafeInteger(initialCapacity) || initialCapacity < 1 || initialCapacity > SLOT_SPACE) {
      throw new RangeError(`EventQueue: initialCapacity must be an integer in 1..${SLOT_SPACE}, got ${initialCapacity}`);
    }
    if ((timerKind & 0xffff) !== timerKind) throw new RangeError(`EventQueue: timerKind must be an integer in 0..65535, got ${timerKind}`);
    this.slots = new SlotTable(initialCapacity);
    this.buckets = new RadixBuckets(initialCapacity, this.slots);
  }

  /**
   * During `dispatch`: the sequence number of the event or timer being run, which places it
   * among everything at the same time (−1 before the first). A thing the caller keeps outside
   * the queue but orders with it (the model's post-dated moves) compares with this.
   */
  get runningSeq(): number {
    return this.runSeq;
  }

  /**
   * Takes the next sequence number without scheduling anything: for a thing the caller keeps
   * outside the queue but that must stand in the queue's order as if it had been scheduled now.
   */
  takeSeq(): number {
    return this.seq++;
  }

  /** Current simulated time in integer milliseconds; starts at 0. */
  get nowMs(): number {
    return this.now;
  }

  /** Events and entity timers scheduled and neither run nor cancelled. */
  get pending(): number {
    return this.slots.pending + this.timers.pending;
  }

  /**
   * Time of the next pending event or timer, or Infinity. O(1), except right
   * after the earliest event of a bucket was cancelled: then O(that bucket's size).
   */
  peekMs(): number {
    const event = this.slots.pending === 0 ? Infinity : this.buckets.minPendingTime();
    return Math.min(event, this.timers.peek());
  }

  /**
   * Sets `entity`'s timer (an integer ≥ 0) to run at atMs (an integer >= nowMs) as
   * (timerKind, entity), replacing the one it had. Returns the timer's sequence number.
   */
  setTimer(atMs: number, entity: number): number {
    if (!(atMs >= this.now) || !Number.isSafeInteger(atMs)) {
      throw new RangeError(`EventQueue.setTimer: atMs must be an integer >= nowMs (${this.now}), got ${atMs}`);
    }
    if ((entity | 0) !== entity || entity < 0) throw new RangeError(`EventQueue.setTimer: entity must be an integer in 0..2^31-1, got ${entity}`);
    const seq = this.seq++;
    this.timers.set(entity, atMs, seq);
    return seq;
  }

  /** Cancels `entity`'s timer: true if it had one. */
  cancelTimer(entity: number): boolean {
    return this.timers.cancel(entity);
  }

  /** A hint: the entity whose timer is likely to run `k` timers from now, or −1. */
  timerAhead(k: number): number {
    return this.timers.ahead(k);
  }

  /** True when `entity` has a timer pending. */
  hasTimer(entity: number): boolean {
    return this.timers.has(entity);
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
    this.buckets.add(atMs, kind * SLOT_SPACE + slot, (target >>> 0) + genHigh * TWO_POW_32, this.seq++);
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
   * Runs, in order, every event and timer with time <= endMs (an integer),
   * including those that `dispatch` schedules; then advances nowMs to endMs
   * (never backwards). Returns the number run. During `dispatch`, nowMs is
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
    const timers = this.timers;
    const timerKind = this.timerKind;
    let ran = 0;
    try {
      for (;;) {
        // The earliest timer runs first when it is before the earliest event, or at the
        // same time and scheduled first. Events are poured only up to it, so that the radix
        // heap's minimum never passes the clock.
        const timerMs = timers.pending === 0 ? Infinity : timers.peek();
        if (buckets.size[0] === 0) {
          if (buckets.refill(timerMs < endMs ? timerMs : endMs)) continue;
        }
        if (timerMs <= endMs && (buckets.size[0] === 0 || timerMs < buckets.last
          || (timerMs === buckets.last && timers.headSeq < (buckets.arena.data[buckets.headOffset() + 3] as number)))) {
          this.runSeq = timers.headSeq;
          const entity = timers.take();
          this.now = timerMs;
          ran++;
          dispatch(timerKind, entity, timerMs);
          continue;
        }
        if (buckets.size[0] === 0) break;
        const atMs = buckets.last;
        if (atMs > endMs) break;
        const o = buckets.headOffset();
        const data = buckets.arena.data;
        const kindSlot = data[o + 1] as number;
        const targetGen = data[o + 2] as number;
        const seq = data[o + 3] as number;
        buckets.takeHead();
        if (!slots.release(slotOf(kindSlot), (targetGen / TWO_POW_32) | 0)) continue; // cancelled
        this.now = atMs;
        this.runSeq = seq;
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
