/**
 * Lists of timer entries (time, seq, entity) for entity timers (entityTimers.ts): the coarse
 * buckets and a split bucket's sub-buckets. Each list is a chain of 64-entry blocks from one
 * shared arena (blockArena.ts), so memory follows the entries held, and entries stay in the
 * order they were appended, which is sequence order.
 */
import { BlockArena, NONE } from './blockArena.js';
import { grown } from './grown.js';

const BLOCK = 64;
const ENTRY = 3; // time, seq, entity
/** Float64s per block of a timer arena. */
export const TIMER_BLOCK_F64 = BLOCK * ENTRY;
const BLOCK_F64 = TIMER_BLOCK_F64;

/** Lists of entries (time, seq, entity) in 64-entry blocks of a shared arena, indexed by list. */
export class TimerChains {
  first: Int32Array;
  last: Int32Array;
  /** Entries in each list, live or not. */
  size: Int32Array;

  constructor(private readonly arena: BlockArena, lists: number) {
    this.first = new Int32Array(lists).fill(NONE);
    this.last = new Int32Array(lists).fill(NONE);
    this.size = new Int32Array(lists);
  }

  append(c: number, time: number, seq: number, entity: number): void {
    let block = this.last[c]!;
    const n = this.size[c]!;
    const fill = n % BLOCK;
    if (block === NONE || fill === 0) {
      const fresh = this.arena.alloc();
      if (block === NONE) this.first[c] = fresh;
      else this.arena.next[block] = fresh;
      this.last[c] = block = fresh;
    }
    const o = block * BLOCK_F64 + fill * ENTRY;
    const data = this.arena.data;
    data[o] = time;
    data[o + 1] = seq;
    data[o + 2] = entity;
    this.size[c] = n + 1;
  }

  /** Hands list `c`'s live entries (seq equal to their entity's token) to `take`, in order, and empties it. */
  drain(c: number, token: Float64Array, take: (time: number, seq: number, entity: number) => void): void {
    const arena = this.arena;
    let block = this.first[c]!;
    let left = this.size[c]!;
    this.first[c] = NONE;
    this.last[c] = NONE;
    this.size[c] = 0;
    while (left > 0) {
      const inBlock = left < BLOCK ? left : BLOCK;
      for (let o = block * BLOCK_F64, end = o + inBlock * ENTRY; o < end; o += ENTRY) {
        const data = arena.data; // `take` may append, and appending may grow the arena
        const seq = data[o + 1]!;
        const entity = data[o + 2]!;
        if (token[entity] === seq) take(data[o]!, seq, entity);
      }
      const next = arena.next[block]!;
      arena.release(block); // only now: appends made by `take` must not reuse it
      block = next;
      left -= inBlock;
    }
  }

  grow(lists: number): void {
    const length = Math.max(lists, this.size.length * 2);
    this.first = grown(this.first, length, NONE);
    this.last = grown(this.last, length, NONE);
    this.size = grown(this.size, length);
  }
}
