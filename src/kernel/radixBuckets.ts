/**
 * A radix heap (Ahuja, Mehlhorn, Orlin & Tarjan 1990) of event entries keyed
 * by integer time, with digits of K = 8 bits. It relies on what a simulation
 * clock guarantees: no key is ever below the last minimum taken.
 *
 * `last` is the time of the latest minimum taken. An entry with time t sits in
 * bucket 0 if t === last; otherwise find the highest 8-bit digit in which t and
 * last differ, at level L (0 = lowest digit), and t's value v of that digit:
 * the bucket is 1 + L * 256 + v. Every time in a bucket is smaller than every
 * time in a later bucket. Entries are taken from bucket 0 in order. When it is
 * empty, the first non-empty bucket's minimum becomes `last` and that bucket is
 * poured into the lower buckets, all empty then. An entry thus moves down at
 * most 7 times, about log256(its delay) times; a level-0 bucket (a single time)
 * becomes bucket 0 without moving.
 *
 * FIFO for free: adding appends to a bucket, and pouring into empty buckets
 * keeps order, so entries of equal time always stand in the order added.
 *
 * An entry is four float64: time, kind * 2^26 + slot,
 * (target >>> 0) + genHigh * 2^32, and the event's scheduling sequence number
 * (the queue's order among equal times, kept so that the queue's entity timers
 * can be merged in the same order), all exact integers below 2^53. Buckets are
 * chains of 64-entry blocks from one arena, all full but the last (bucket 0:
 * but its first, read from `head0`), so memory follows the entries held.
 *
 * Cancelled entries are dropped lazily: when taken from bucket 0 (by the
 * caller), when `minPendingTime` finds one at a bucket's minimum, or by
 * `compactAll`.
 */
import { BlockArena, NONE } from './blockArena.js';
import { slotOf, type SlotTable } from './slotTable.js';

const TWO_POW_32 = 4294967296;
const K = 8;
const LOG2_K = 3;
const DIGIT_MASK = (1 << K) - 1;
const LEVELS = Math.ceil(53 / K);
const BUCKETS = 1 + (LEVELS << K);
const LEVEL0_LAST = 1 << K; // buckets 1..256: time differs from last only in the lowest digit
const MASK_WORDS = (BUCKETS + 31) >> 5;
const SUMMARY_WORDS = (MASK_WORDS + 31) >> 5;
const BLOCK = 64;
/** float64 per entry. */
export const ENTRY = 4;
const BLOCK_F64 = BLOCK * ENTRY;

/** Index of the lowest set bit of a non-zero int32. */
function lowestBit(bits: number): number {
  return 31 - Math.clz32(bits & -bits);
}

export class RadixBuckets {
  readonly arena: BlockArena;
  /** Time of the latest minimum taken; every entry's time is >= it. */
  last = 0;
  private lastHi = 0;
  private lastLo = 0;
  /** Entries per bucket (bucket 0: not yet taken). */
  readonly size = new Int32Array(BUCKETS);
  private readonly firstBlock = new Int32Array(BUCKETS).fill(NONE);
  private readonly lastBlock = new Int32Array(BUCKETS).fill(NONE);
  private readonly tailFill = new Int32Array(BUCKETS); // entries in the last block
  private head0 = 0; // index of bucket 0's next entry in its first block
  private readonly minTime = new Float64Array(BUCKETS).fill(Infinity); // buckets > 0
  private readonly minSlot = new Int32Array(BUCKETS); // slot of an entry at minTime
  private readonly nonEmpty = new Int32Array(MASK_WORDS); // bit b: size[b] > 0
  private readonly nonEmptyWords = new Int32Array(SUMMARY_WORDS); // bit w: nonEmpty[w] !== 0

  constructor(
    initialCapacity: number,
    private readonly slots: SlotTable,
  ) {
    this.arena = new BlockArena(BLOCK_F64, Math.ceil(initialCapacity / BLOCK) + 16);
  }

  /** Adds an entry; time must be >= last. */
  add(time: number, kindSlot: number, targetGen: number, seq: number): void {
    this.append(this.bucketOf(time), time, kindSlot, targetGen, seq);
  }

  /** Offset in arena.data of bucket 0's next entry (bucket 0 must not be empty). */
  headOffset(): number {
    return (this.firstBlock[0] as number) * BLOCK_F64 + this.head0 * ENTRY;
  }

  /** Takes bucket 0's next entry out (read it first, at headOffset()). */
  takeHead(): void {
    const block = this.firstBlock[0] as number;
    const left = (this.size[0] as number) - 1;
    this.size[0] = left;
    if (left === 0) {
      this.arena.release(block);
      this.setEmpty(0);
    } else if (++this.head0 === BLOCK) {
      this.firstBlock[0] = this.arena.next[block] as number;
      this.arena.release(block);
      this.head0 = 0;
    }
  }

  /**
   * Bucket 0 is empty: pour the first non-empty bucket into the lower ones if
   * its minimum is <= endMs. False if nothing is due by endMs. (The minimum may
   * be a cancelled entry's; it is still a valid `last`, since every entry is
   * >= it, and the caller's clock ends >= it.)
   */
  refill(endMs: number): boolean {
    const b = this.nextNonEmpty(1);
    if (b < 0) return false;
    const min = this.minTime[b] as number;
    if (min > endMs) return false;
    this.last = min;
    this.lastHi = (min / TWO_POW_32) | 0;
    this.lastLo = min >>> 0;
    let block = this.firstBlock[b] as number;
    let n = this.size[b] as number;
    if (b <= LEVEL0_LAST) {
      // A level-0 bucket holds one time, the new `last`: it becomes bucket 0 as it is.
      this.firstBlock[0] = block;
      this.lastBlock[0] = this.lastBlock[b] as number;
      this.tailFill[0] = this.tailFill[b] as number;
      this.size[0] = n;
      this.markNonEmpty(0);
      this.setEmpty(b);
      return true;
    }
    this.setEmpty(b);
    const arena = this.arena;
    while (n > 0) {
      const inBlock = n < BLOCK ? n : BLOCK;
      for (let o = block * BLOCK_F64, end = o + inBlock * ENTRY; o < end; o += ENTRY) {
        const data = arena.data; // append may grow the arena
        const time = data[o] as number;
        this.append(this.bucketOf(time), time, data[o + 1] as number, data[o + 2] as number, data[o + 3] as number);
      }
      const next = arena.next[block] as number;
      arena.release(block); // only now: the appends above must not reuse it
      block = next;
      n -= inBlock;
    }
    return true;
  }

  /**
   * Time of the earliest pending entry, or Infinity. Drops cancelled entries
   * at the head of bucket 0; compacts a bucket whose minimum was cancelled.
   */
  minPendingTime(): number {
    const slots = this.slots;
    while (this.size[0] !== 0) {
      const o = this.headOffset();
      const slot = slotOf(this.arena.data[o + 1] as number);
      if (slots.isPending(slot)) return this.last;
      this.drop(o);
      this.takeHead();
    }
    for (let b = this.nextNonEmpty(1); b > 0; b = this.nextNonEmpty(b + 1)) {
      if (!slots.isPending(this.minSlot[b] as number)) this.compact(b);
      if (this.size[b] !== 0) return this.minTime[b] as number;
    }
    return Infinity;
  }

  /** Drops every cancelled entry. */
  compactAll(): void {
    for (let b = this.nextNonEmpty(0); b >= 0; b = this.nextNonEmpty(b + 1)) this.compact(b);
  }

  private bucketOf(time: number): number {
    const hi = (time / TWO_POW_32) | 0;
    const hiDiff = hi ^ this.lastHi;
    if (hiDiff !== 0) {
      const level = (63 - Math.clz32(hiDiff)) >> LOG2_K;
      return 1 + (level << K) + ((hi >>> (level * K - 32)) & DIGIT_MASK);
    }
    const lo = time >>> 0;
    const loDiff = lo ^ this.lastLo;
    if (loDiff === 0) return 0;
    const level = (31 - Math.clz32(loDiff)) >> LOG2_K;
    return 1 + (level << K) + ((lo >>> (level * K)) & DIGIT_MASK);
  }

  private append(b: number, time: number, kindSlot: number, targetGen: number, seq: number): void {
    let block = this.lastBlock[b] as number;
    let fill = this.tailFill[b] as number;
    if (fill === BLOCK || block === NONE) {
      const fresh = this.arena.alloc();
      if (block === NONE) this.firstBlock[b] = fresh;
      else this.arena.next[block] = fresh;
      this.lastBlock[b] = block = fresh;
      fill = 0;
    }
    const o = block * BLOCK_F64 + fill * ENTRY;
    const data = this.arena.data;
    data[o] = time;
    data[o + 1] = kindSlot;
    data[o + 2] = targetGen;
    data[o + 3] = seq;
    this.tailFill[b] = fill + 1;
    const n = this.size[b] as number;
    this.size[b] = n + 1;
    if (n === 0) {
      this.markNonEmpty(b);
      this.minTime[b] = time;
      this.minSlot[b] = slotOf(kindSlot);
    } else if (time < (this.minTime[b] as number)) {
      this.minTime[b] = time;
      this.minSlot[b] = slotOf(kindSlot);
    }
  }

  /** Drops the cancelled entries of bucket b (bucket 0: from its head), keeping order. */
  private compact(b: number): void {
    const next = this.arena.next;
    const data = this.arena.data; // no allocation below, so it stays valid
    const from = b === 0 ? this.head0 : 0;
    let readBlock = this.firstBlock[b] as number;
    let readIndex = from;
    let writeBlock = readBlock;
    let writeIndex = from;
    let lastWritten = NONE;
    let kept = 0;
    let min = Infinity;
    let minSlot = 0;
    for (let left = this.size[b] as number; left > 0; left--) {
      const r = readBlock * BLOCK_F64 + readIndex * ENTRY;
      const kindSlot = data[r + 1] as number;
      const slot = slotOf(kindSlot);
      if (!this.slots.isPending(slot)) {
        this.drop(r);
      } else {
        const time = data[r] as number;
        const w = writeBlock * BLOCK_F64 + writeIndex * ENTRY;
        data[w] = time;
        data[w + 1] = kindSlot;
        data[w + 2] = data[r + 2] as number;
        data[w + 3] = data[r + 3] as number;
        kept++;
        if (time < min) {
          min = time;
          minSlot = slot;
        }
        lastWritten = writeBlock;
        if (++writeIndex === BLOCK) {
          writeIndex = 0;
          writeBlock = next[writeBlock] as number;
        }
      }
      if (++readIndex === BLOCK && left > 1) {
        readIndex = 0;
        readBlock = next[readBlock] as number;
      }
    }
    // Release the blocks after the last one written to (all of them if none was).
    let spare = lastWritten === NONE ? (this.firstBlock[b] as number) : (next[lastWritten] as number);
    const end = this.lastBlock[b] as number;
    while (spare !== NONE) {
      const after = spare === end ? NONE : (next[spare] as number);
      this.arena.release(spare);
      spare = after;
    }
    if (kept === 0) {
      this.setEmpty(b);
      return;
    }
    next[lastWritten] = NONE;
    this.size[b] = kept;
    this.lastBlock[b] = lastWritten;
    this.tailFill[b] = writeIndex === 0 ? BLOCK : writeIndex;
    this.minTime[b] = min;
    this.minSlot[b] = minSlot;
  }

  /** Releases the slot of the (cancelled) entry at offset o. */
  private drop(o: number): void {
    const data = this.arena.data;
    this.slots.release(slotOf(data[o + 1] as number), ((data[o + 2] as number) / TWO_POW_32) | 0);
  }

  private setEmpty(b: number): void {
    this.size[b] = 0;
    this.firstBlock[b] = NONE;
    this.lastBlock[b] = NONE;
    this.tailFill[b] = 0;
    if (b === 0) this.head0 = 0;
    const w = b >> 5;
    const bits = (this.nonEmpty[w] as number) & ~(1 << (b & 31));
    this.nonEmpty[w] = bits;
    if (bits === 0) this.nonEmptyWords[w >> 5] = (this.nonEmptyWords[w >> 5] as number) & ~(1 << (w & 31));
  }

  private markNonEmpty(b: number): void {
    const w = b >> 5;
    this.nonEmpty[w] = (this.nonEmpty[w] as number) | (1 << (b & 31));
    this.nonEmptyWords[w >> 5] = (this.nonEmptyWords[w >> 5] as number) | (1 << (w & 31));
  }

  /** First non-empty bucket >= from, or -1. */
  private nextNonEmpty(from: number): number {
    const w = from >> 5;
    if (w < MASK_WORDS) {
      const bits = (this.nonEmpty[w] as number) & (-1 << (from & 31));
      if (bits !== 0) return (w << 5) + lowestBit(bits);
    }
    const after = w + 1; // the next non-zero word, from the summary
    for (let i = after >> 5; i < SUMMARY_WORDS; i++) {
      let words = this.nonEmptyWords[i] as number;
      if (i === after >> 5) words &= -1 << (after & 31);
      if (words !== 0) {
        const word = (i << 5) + lowestBit(words);
        return (word << 5) + lowestBit(this.nonEmpty[word] as number);
      }
    }
    return -1;
  }
}
