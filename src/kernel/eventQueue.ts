/**
 * The future-event list: a radix heap (Ahuja, Mehlhorn, Orlin & Tarjan 1990)
 * over typed arrays, keyed by integer milliseconds.
 *
 * Order: events run by time, then first-in first-out by scheduling order, so a
 * given sequence of `schedule` calls always runs in exactly one order.
 *
 * Why a radix heap and not a binary or 4-ary heap: simulated time never goes
 * backwards (atMs >= nowMs) and is an integer, which is exactly what a radix
 * heap needs. Measured on the hold model (src/bench/kernelBench.ts), it ran
 * ~10 M events/s at 1 M pending where typed-array binary and 4-ary heaps
 * (separate or packed 16-byte entries, cache-aligned) all stayed at 2.5-3.3 M/s:
 * a heap touches ~log n random cache lines per event, the radix heap mostly
 * appends to and scans arrays in order.
 *
 * How it works. `last` is the time of the latest minimum taken. An event with
 * time t sits in bucket 0 if t === last, else in bucket 1 + (index of the highest
 * bit in which t and last differ), 1..53. Every time in bucket i is smaller than
 * every time in bucket j > i. Events run from bucket 0 in array order. When
 * bucket 0 runs out, the first non-empty bucket's minimum becomes `last` and
 * that bucket is poured into the (empty) lower buckets; each event moves down
 * at most 53 times in its life, typically log2(its delay) times.
 *
 * FIFO without sequence numbers: scheduling appends, and pouring a bucket into
 * empty buckets keeps array order, so within any bucket events of equal time
 * always stand in scheduling order.
 *
 * Cancellation is lazy: the event's slot is marked and the entry dropped when
 * it is reached, or when its bucket is compacted (before it is poured or read
 * for a minimum, and for all buckets once cancelled entries outnumber pending).
 *
 * Handles: each event holds a slot (target, time, state, generation; its kind
 * rides in the bucket entry, so running an event reads one 16-byte record). A
 * handle is `generation * 2^26 + slot`; the generation grows when the slot is
 * freed, so a handle whose event has run or was cancelled never matches the
 * slot's next occupant. A slot whose generation is used up is retired.
 */

export type EventHandle = number;
export type Dispatch = (kind: number, target: number, atMs: number) => void;

const BUCKETS = 54; // bucket 0 plus one per bit of a 53-bit integer
const TWO_POW_32 = 4294967296;
const SLOT_BITS = 26;
const SLOT_SPACE = 2 ** SLOT_BITS; // at most 67,108,864 events in the queue at once
const GEN_LIMIT = 2 ** (53 - SLOT_BITS); // keeps handles below 2^53
const COMPACT_MIN_DEAD = 1024;
const MIN_BUCKET_CAPACITY = 16;

// Slot record, 16 bytes: time (float64 [2s]), generation * 4 + state (int32
// [4s+2]) and target (int32 [4s+3]). The kind travels in the bucket entry.
const S_GEN_STATE = 2;
const S_TARGET = 3;
const STATE_MASK = 3;
const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;

export class EventQueue {
  private now = 0;
  private live = 0; // pending events
  private dead = 0; // cancelled entries still in buckets
  private running = false;

  // Radix heap. Bucket b holds `count[b]` entries of two float64 each at [2i]
  // and [2i+1] of `entries[b]`: time, and kind * 2^26 + slot (exact, < 2^42).
  // Bucket 0 is read from `head0`.
  private last = 0;
  private lastHi = 0;
  private lastLo = 0;
  private head0 = 0;
  private readonly entries: Float64Array[] = [];
  private readonly count = new Int32Array(BUCKETS);
  private readonly deadIn = new Int32Array(BUCKETS); // cancelled entries per bucket
  private readonly minTime = new Float64Array(BUCKETS).fill(Infinity); // min time in the bucket, Infinity if empty

  // Slots: two views of one buffer, see S_*.
  private slotTimes: Float64Array;
  private slotInts: Int32Array;
  private slotCount = 0; // slots ever handed out (high-water mark)
  private freeSlots: Int32Array;
  private freeTop = 0;

  /** @param initialCapacity events the slot table holds before it first grows. */
  constructor(initialCapacity = 1024) {
    if (!Number.isSafeInteger(initialCapacity) || initialCapacity < 1 || initialCapacity > SLOT_SPACE) {
      throw new RangeError(`EventQueue: initialCapacity must be an integer in 1..${SLOT_SPACE}, got ${initialCapacity}`);
    }
    for (let b = 0; b < BUCKETS; b++) this.entries.push(new Float64Array(2 * MIN_BUCKET_CAPACITY));
    const buffer = new ArrayBuffer(initialCapacity * 16);
    this.slotTimes = new Float64Array(buffer);
    this.slotInts = new Int32Array(buffer);
    this.freeSlots = new Int32Array(initialCapacity);
  }

  /** Current simulated time in integer milliseconds; starts at 0. */
  get nowMs(): number {
    return this.now;
  }

  /** Events scheduled and neither run nor cancelled. */
  get pending(): number {
    return this.live;
  }

  /** Time of the next pending event, or Infinity if there is none. */
  peekMs(): number {
    const b = this.firstLiveBucket();
    if (b < 0) return Infinity;
    return b === 0 ? this.last : (this.minTime[b] as number);
  }

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
    const slot = this.freeTop > 0 ? (this.freeSlots[--this.freeTop] as number) : this.newSlot();
    const ints = this.slotInts;
    const genState = ((ints[4 * slot + S_GEN_STATE] as number) & ~STATE_MASK) | PENDING;
    ints[4 * slot + S_GEN_STATE] = genState;
    ints[4 * slot + S_TARGET] = target;
    this.slotTimes[2 * slot] = atMs;
    this.append(this.bucketOf(atMs), atMs, kind * SLOT_SPACE + slot);
    this.live++;
    return (genState >>> 2) * SLOT_SPACE + slot;
  }

  /** Cancels a pending event. False (and no effect) if it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean {
    if (!Number.isSafeInteger(handle) || handle < 0) {
      throw new RangeError(`EventQueue.cancel: not an event handle: ${handle}`);
    }
    const slot = handle % SLOT_SPACE;
    if (slot >= this.slotCount) return false;
    const ints = this.slotInts;
    const pendingGenState = ((handle - slot) / SLOT_SPACE) * 4 + PENDING;
    if (ints[4 * slot + S_GEN_STATE] !== pendingGenState) return false;
    ints[4 * slot + S_GEN_STATE] = pendingGenState - PENDING + CANCELLED;
    this.live--;
    this.dead++;
    this.deadIn[this.bucketOf(this.slotTimes[2 * slot] as number)]++;
    if (this.dead >= COMPACT_MIN_DEAD && this.dead > this.live) {
      for (let b = 0; b < BUCKETS; b++) if ((this.deadIn[b] as number) > 0) this.compact(b);
    }
    return true;
  }

  /**
   * Runs, in order, every event with time <= endMs, including events that
   * `dispatch` schedules; then advances nowMs to endMs (never backwards).
   * Returns the number of events run. While `dispatch` runs, nowMs is the
   * event's time. If `dispatch` throws, the queue stays consistent and nowMs
   * is the time of the event that threw.
   */
  runUntil(endMs: number, dispatch: Dispatch): number {
    if (!Number.isSafeInteger(endMs)) {
      throw new RangeError(`EventQueue.runUntil: endMs must be an integer, got ${endMs}`);
    }
    if (this.running) throw new Error('EventQueue.runUntil: called again from inside dispatch');
    this.running = true;
    let ran = 0;
    try {
      for (;;) {
        if (this.head0 === this.count[0]) {
          if (!this.refill(endMs)) break;
          continue;
        }
        const atMs = this.last;
        if (atMs > endMs) break;
        const kindSlot = (this.entries[0] as Float64Array)[2 * this.head0 + 1] as number;
        this.head0++;
        const slot = kindSlot % SLOT_SPACE;
        const ints = this.slotInts;
        const genState = ints[4 * slot + S_GEN_STATE] as number;
        this.freeSlot(slot, genState);
        if ((genState & STATE_MASK) !== PENDING) {
          this.dead--;
          this.deadIn[0]--;
          continue;
        }
        this.live--;
        this.now = atMs;
        ran++;
        dispatch((kindSlot - slot) / SLOT_SPACE, ints[4 * slot + S_TARGET] as number, atMs);
      }
    } finally {
      this.running = false;
    }
    if (endMs > this.now) this.now = endMs;
    return ran;
  }

  // ---- radix heap ---------------------------------------------------------

  private bucketOf(time: number): number {
    const hi = ((time / TWO_POW_32) | 0) ^ this.lastHi;
    if (hi !== 0) return 64 - Math.clz32(hi);
    const lo = (time >>> 0) ^ this.lastLo;
    return lo !== 0 ? 32 - Math.clz32(lo) : 0;
  }

  private append(b: number, time: number, kindSlot: number): void {
    const n = this.count[b] as number;
    let e = this.entries[b] as Float64Array;
    if (2 * n === e.length) {
      const grown = new Float64Array(2 * e.length);
      grown.set(e);
      this.entries[b] = e = grown;
    }
    e[2 * n] = time;
    e[2 * n + 1] = kindSlot;
    this.count[b] = n + 1;
    if (time < (this.minTime[b] as number)) this.minTime[b] = time;
  }

  /**
   * Bucket 0 is used up: pour the first bucket holding a pending event into the
   * lower buckets, if its minimum is <= endMs. False if nothing is due by endMs.
   */
  private refill(endMs: number): boolean {
    this.head0 = 0;
    this.count[0] = 0;
    this.minTime[0] = Infinity;
    const b = this.firstLiveBucket();
    if (b <= 0) return false;
    const min = this.minTime[b] as number;
    if (min > endMs) return false;
    this.last = min;
    this.lastHi = (min / TWO_POW_32) | 0;
    this.lastLo = min >>> 0;
    const e = this.entries[b] as Float64Array;
    const n = this.count[b] as number;
    this.count[b] = 0;
    this.minTime[b] = Infinity;
    for (let i = 0; i < 2 * n; i += 2) {
      const time = e[i] as number;
      this.append(this.bucketOf(time), time, e[i + 1] as number);
    }
    return true;
  }

  /** The first bucket with a pending event (compacting cancelled entries on the way), or -1. */
  private firstLiveBucket(): number {
    for (let b = 0; b < BUCKETS; b++) {
      if ((this.deadIn[b] as number) > 0) this.compact(b);
      if ((this.count[b] as number) > (b === 0 ? this.head0 : 0)) return b;
    }
    return -1;
  }

  /** Drops the cancelled entries of bucket b, keeping order, and recomputes its minimum. */
  private compact(b: number): void {
    const e = this.entries[b] as Float64Array;
    const ints = this.slotInts;
    const from = b === 0 ? this.head0 : 0;
    let kept = from;
    let min = Infinity;
    for (let i = from; i < (this.count[b] as number); i++) {
      const time = e[2 * i] as number;
      const kindSlot = e[2 * i + 1] as number;
      const slot = kindSlot % SLOT_SPACE;
      const genState = ints[4 * slot + S_GEN_STATE] as number;
      if ((genState & STATE_MASK) !== PENDING) {
        this.freeSlot(slot, genState);
        continue;
      }
      e[2 * kept] = time;
      e[2 * kept + 1] = kindSlot;
      kept++;
      if (time < min) min = time;
    }
    this.dead -= this.deadIn[b] as number;
    this.deadIn[b] = 0;
    this.count[b] = kept;
    this.minTime[b] = min;
  }

  // ---- slots --------------------------------------------------------------

  private newSlot(): number {
    const slot = this.slotCount;
    if (slot === SLOT_SPACE) {
      throw new RangeError(`EventQueue.schedule: more than ${SLOT_SPACE} events in the queue`);
    }
    if (2 * slot === this.slotTimes.length) {
      const buffer = new ArrayBuffer(Math.min(2 * slot, SLOT_SPACE) * 16);
      const times = new Float64Array(buffer);
      times.set(this.slotTimes);
      this.slotTimes = times;
      this.slotInts = new Int32Array(buffer);
    }
    this.slotCount++;
    return slot;
  }

  /** Frees a slot under its next generation; a slot out of generations is retired, never reused. */
  private freeSlot(slot: number, genState: number): void {
    const next = ((genState & ~STATE_MASK) + 4) | FREE; // next generation
    this.slotInts[4 * slot + S_GEN_STATE] = next;
    if (next >>> 2 === GEN_LIMIT) return;
    if (this.freeTop === this.freeSlots.length) {
      const free = new Int32Array(Math.max(2 * this.freeTop, 16));
      free.set(this.freeSlots);
      this.freeSlots = free;
    }
    this.freeSlots[this.freeTop++] = slot;
  }
}
