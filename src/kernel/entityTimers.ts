/**
 * Entity timers: at most one pending timer per entity (0, 1, 2, …), for millions of entities
 * whose timers are set, moved and fired far more often than anything else is scheduled (a
 * function's next move). The event queue (eventQueue.ts) merges them with its other events in
 * one order: by time, then by scheduling sequence number, which both share.
 *
 * Why not entries of the queue's radix heap: there a timer costs a handle slot (a random
 * access to cancel or run it) and three or four pours down the heap's levels, each a copy of
 * its entry; with a million functions those took about a third of a simulation's profile,
 * most of it cache misses (issue 13). Here a timer is one append to a coarse time bucket
 * (2^22 ms ≈ 70 min wide) in the order it was set. When the clock reaches a bucket, its live
 * timers are sorted once by (time, sequence), with a stable radix sort of their times (the
 * order they were set in is sequence order), and run in that order; the sorted run also tells
 * which entities come next (`ahead`), so their data can be read ahead of time. A timer set
 * for a time in a bucket already reached goes into a binary heap merged with the sorted run.
 * A reached bucket holding more than SPLIT_ABOVE entries is first split into sub-buckets of
 * 2^11 ms, so that dense timers are neither sorted all at once nor sent to the heap.
 *
 * Cancelling or moving a timer is O(1): each entity's `token` is the sequence number of its
 * live timer (−1: none), and an entry whose sequence number is not its entity's token is
 * skipped when it comes up. Memory: 8 bytes per entity, 24 per entry (in 64-entry blocks),
 * 12 per bucket up to the latest time set (times beyond 2^42 ms share one last bucket).
 */
import { BlockArena } from './blockArena.js';
import { grown } from './grown.js';
import { TIMER_BLOCK_F64, TimerChains } from './timerChains.js';
import { TimerHeap } from './timerHeap.js';

const BUCKET_BITS = 22;
const BUCKET_MS = 2 ** BUCKET_BITS;
/** Buckets are indexed up to this; later times share the last one (sorted by a comparator). */
const LAST_BUCKET = 2 ** 20;
/** The radix sort's digit: offsets within a bucket (< 2^22 ms) have two, a sub-bucket's (< 2^11 ms) one. */
const DIGIT_BITS = 11;
const DIGIT_VALUES = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGIT_VALUES - 1;
/**
 * Runs shorter than this are sorted by insertion instead: clearing and summing the radix
 * sort's 2048 counts costs more (measured at 32 entries: about 1 µs against 2 to 4 µs).
 */
const INSERTION_BELOW = 48;
/**
 * A bucket holding more entries than this is split into FINE_BUCKETS sub-buckets when reached,
 * so that dense timers (many per bucket) are neither sorted all at once nor, when set into the
 * bucket being run, all sent to the binary heap.
 */
const SPLIT_ABOVE = 1 << 16;
const FINE_BITS = 11;
const FINE_MS = 2 ** FINE_BITS;
const FINE_BUCKETS = 2 ** (BUCKET_BITS - FINE_BITS);

export class EntityTimers {
  /** @param splitAbove a reached bucket with more entries than this is split (tests set it small). */
  constructor(private readonly splitAbove = SPLIT_ABOVE) {}

  /** Live timers. */
  pending = 0;
  /** After `peek()` returned a finite time: the head timer's sequence number and entity. */
  headSeq = 0;
  headEntity = 0;

  private token = new Float64Array(1024).fill(-1);
  private readonly arena = new BlockArena(TIMER_BLOCK_F64, 64);
  private readonly coarse = new TimerChains(this.arena, 1024);
  private maxBucket = -1; // highest bucket holding entries not yet activated
  /** Buckets ≤ this one have been activated (their entries are in the run, the heap or `fine`). */
  private activeBucket = -1;
  // A split bucket: its entries in sub-buckets of FINE_MS; those ≤ fineIndex have been activated.
  private readonly fine = new TimerChains(this.arena, FINE_BUCKETS);
  private fineActive = false;
  private fineIndex = -1;

  // The activated bucket's timers, sorted: run[runPos … runLen).
  private runTime = new Float64Array(1024);
  private runSeq = new Float64Array(1024);
  private runEntity = new Int32Array(1024);
  private runPos = 0;
  private runLen = 0;
  // The radix sort's other copy of the run (it swaps with the run after each pass) and its counts per digit value.
  private spareTime = new Float64Array(1024);
  private spareSeq = new Float64Array(1024);
  private spareEntity = new Int32Array(1024);
  private readonly lowDigitCount = new Int32Array(DIGIT_VALUES);
  private readonly highDigitCount = new Int32Array(DIGIT_VALUES);

  /** Timers set for a time in a bucket already activated. */
  private readonly heap = new TimerHeap();

  /** True when `entity` has a live timer. */
  has(entity: number): boolean {
    return entity < this.token.length && (this.token[entity] as number) >= 0;
  }

  /**
   * Sets `entity`'s timer to `atMs` (an integer ≥ the time of every timer already run), with
   * sequence number `seq` (larger than every earlier one), replacing a live one.
   */
  set(entity: number, atMs: number, seq: number): void {
    if (entity >= this.token.length) this.growEntities(entity + 1);
    if ((this.token[entity] as number) < 0) this.pending++;
    this.token[entity] = seq;
    const b = atMs >= LAST_BUCKET * BUCKET_MS ? LAST_BUCKET : Math.floor(atMs / BUCKET_MS);
    if (b > this.activeBucket) {
      if (b >= this.coarse.size.length) this.coarse.grow(b + 1);
      if (b > this.maxBucket) this.maxBucket = b;
      this.coarse.append(b, atMs, seq, entity);
      return;
    }
    if (b === this.activeBucket && this.fineActive) {
      const k = Math.floor((atMs - b * BUCKET_MS) / FINE_MS);
      if (k > this.fineIndex) {
        this.fine.append(k, atMs, seq, entity);
        return;
      }
    }
    this.heap.push(atMs, seq, entity);
  }

  /** Cancels `entity`'s live timer: true if it had one. */
  cancel(entity: number): boolean {
    if (!this.has(entity)) return false;
    this.token[entity] = -1;
    this.pending--;
    return true;
  }

  /** Time of the earliest live timer (its sequence number and entity in headSeq, headEntity), or Infinity. */
  peek(): number {
    for (;;) {
      const token = this.token;
      while (this.runPos < this.runLen && token[this.runEntity[this.runPos] as number] !== this.runSeq[this.runPos]) this.runPos++;
      const heap = this.heap;
      while (heap.length > 0 && token[heap.entity[0]!] !== heap.seq[0]) heap.pop();
      const inRun = this.runPos < this.runLen;
      if (inRun || heap.length > 0) {
        const p = this.runPos;
        if (inRun && (heap.length === 0 || this.runTime[p]! < heap.time[0]!
          || (this.runTime[p]! === heap.time[0]! && this.runSeq[p]! < heap.seq[0]!))) {
          this.headSeq = this.runSeq[p]!;
          this.headEntity = this.runEntity[p]!;
          return this.runTime[p]!;
        }
        this.headSeq = heap.seq[0]!;
        this.headEntity = heap.entity[0]!;
        return heap.time[0]!;
      }
      if (this.pending === 0 || !this.activateNext()) return Number.POSITIVE_INFINITY;
    }
  }

  /**
   * The entity of the timer `k` places after the head in the sorted run, or −1 (not known
   * yet, or already cancelled ones included: a hint, for touching its data ahead of time).
   */
  ahead(k: number): number {
    const i = this.runPos + k;
    return i < this.runLen ? (this.runEntity[i] as number) : -1;
  }

  /** Removes the head timer that `peek()` found (call peek first) and returns its entity. */
  take(): number {
    const entity = this.headEntity;
    if (this.runPos < this.runLen && this.runSeq[this.runPos] === this.headSeq) this.runPos++;
    else this.heap.pop();
    this.token[entity] = -1;
    this.pending--;
    return entity;
  }

  /** Activates the next bucket (or, in a split bucket, sub-bucket) holding entries; false if there is none. */
  private activateNext(): boolean {
    this.runPos = 0;
    this.runLen = 0;
    if (this.fineActive) {
      let k = this.fineIndex + 1;
      while (k < FINE_BUCKETS && this.fine.size[k] === 0) k++;
      if (k < FINE_BUCKETS) {
        this.fineIndex = k;
        this.gatherAndSort(this.fine, k, this.activeBucket * BUCKET_MS + k * FINE_MS, false);
        return true;
      }
      this.fineActive = false;
    }
    let b = this.activeBucket + 1;
    while (b <= this.maxBucket && this.coarse.size[b] === 0) b++;
    if (b > this.maxBucket) return false;
    this.activeBucket = b;
    if (this.coarse.size[b]! > this.splitAbove && b !== LAST_BUCKET) {
      // Too many to sort at once, and later timers set into this bucket would all go to the
      // binary heap: pour the live entries into sub-buckets, keeping their order.
      this.fineActive = true;
      this.fineIndex = -1;
      const start = b * BUCKET_MS;
      this.coarse.drain(b, this.token, (time, seq, entity) => this.fine.append(Math.floor((time - start) / FINE_MS), time, seq, entity));
      return true; // the run is empty: peek activates the first sub-bucket
    }
    this.gatherAndSort(this.coarse, b, b * BUCKET_MS, b === LAST_BUCKET);
    return true;
  }

  /** Moves chain `c`'s live entries into the run, sorted by (time, seq). */
  private gatherAndSort(chains: TimerChains, c: number, startMs: number, anyTimes: boolean): void {
    const n = chains.size[c]!;
    if (n > this.runTime.length) this.growRun(n);
    let live = 0;
    chains.drain(c, this.token, (time, seq, entity) => {
      this.runTime[live] = time;
      this.runSeq[live] = seq;
      this.runEntity[live] = entity;
      live++;
    });
    if (anyTimes) this.sortByComparator(live);
    else this.sortByTime(live, startMs);
    this.runLen = live;
  }

  /**
   * Sorts run[0 … n), gathered in seq order with times in [startMs, startMs + 2^22), by
   * (time, seq): a stable LSD radix sort of the offset from startMs, by its low then its high
   * 11 bits, so equal times keep their seq order. It replaced the native sort of packed keys
   * (time offset · 2^30 + position) and its three array copies per bucket, which took about 7%
   * of a simulation's CPU time; this costs about two passes over the run and no allocation.
   */
  private sortByTime(n: number, startMs: number): void {
    if (n < INSERTION_BELOW) {
      this.insertionSort(n);
      return;
    }
    const low = this.lowDigitCount.fill(0);
    const high = this.highDigitCount.fill(0);
    const time = this.runTime;
    for (let i = 0; i < n; i++) {
      const offsetMs = time[i]! - startMs;
      low[offsetMs & DIGIT_MASK]!++;
      high[offsetMs >>> DIGIT_BITS]!++;
    }
    this.radixPass(n, startMs, 0, low);
    this.radixPass(n, startMs, DIGIT_BITS, high);
  }

  /**
   * One stable counting pass: moves run[0 … n) into the spare arrays in order of the digit at
   * `shiftBits` of their offset from startMs (`count`: entries per digit value), then swaps the
   * spare arrays with the run's. Nothing to do when all entries have the same digit there.
   */
  private radixPass(n: number, startMs: number, shiftBits: number, count: Int32Array): void {
    if (count[((this.runTime[0]! - startMs) >>> shiftBits) & DIGIT_MASK] === n) return;
    let at = 0;
    for (let d = 0; d < DIGIT_VALUES; d++) {
      const k = count[d]!;
      count[d] = at; // now: where the next entry with digit d goes
      at += k;
    }
    const fromTime = this.runTime;
    const fromSeq = this.runSeq;
    const fromEntity = this.runEntity;
    const toTime = this.spareTime;
    const toSeq = this.spareSeq;
    const toEntity = this.spareEntity;
    for (let i = 0; i < n; i++) {
      const t = fromTime[i]!;
      const to = count[((t - startMs) >>> shiftBits) & DIGIT_MASK]!++;
      toTime[to] = t;
      toSeq[to] = fromSeq[i]!;
      toEntity[to] = fromEntity[i]!;
    }
    this.runTime = toTime;
    this.runSeq = toSeq;
    this.runEntity = toEntity;
    this.spareTime = fromTime;
    this.spareSeq = fromSeq;
    this.spareEntity = fromEntity;
  }

  /** Sorts a short run[0 … n) by time, stably: equal times keep their (seq) order. */
  private insertionSort(n: number): void {
    const time = this.runTime;
    const seq = this.runSeq;
    const entity = this.runEntity;
    for (let i = 1; i < n; i++) {
      const t = time[i]!;
      const s = seq[i]!;
      const e = entity[i]!;
      let j = i;
      for (; j > 0 && time[j - 1]! > t; j--) {
        time[j] = time[j - 1]!;
        seq[j] = seq[j - 1]!;
        entity[j] = entity[j - 1]!;
      }
      time[j] = t;
      seq[j] = s;
      entity[j] = e;
    }
  }

  /** The last bucket's times may be any size: a plain comparator sort. */
  private sortByComparator(n: number): void {
    const order = Array.from({ length: n }, (_, i) => i);
    const time = this.runTime.slice(0, n);
    const seq = this.runSeq.slice(0, n);
    const entity = this.runEntity.slice(0, n);
    order.sort((a, c) => (time[a] as number) - (time[c] as number) || (seq[a] as number) - (seq[c] as number));
    for (let i = 0; i < n; i++) {
      const from = order[i] as number;
      this.runTime[i] = time[from] as number;
      this.runSeq[i] = seq[from] as number;
      this.runEntity[i] = entity[from] as number;
    }
  }

  private growEntities(n: number): void {
    this.token = grown(this.token, Math.max(n, this.token.length * 2), -1);
  }

  private growRun(n: number): void {
    const length = Math.max(n, this.runTime.length * 2);
    this.runTime = new Float64Array(length);
    this.runSeq = new Float64Array(length);
    this.runEntity = new Int32Array(length);
    this.spareTime = new Float64Array(length);
    this.spareSeq = new Float64Array(length);
    this.spareEntity = new Int32Array(length);
  }
}
