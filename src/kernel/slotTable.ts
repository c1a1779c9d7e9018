/**
 * Slots of the event queue: one per scheduled event still in the queue, so a
 * handle can find and cancel its event, and a stale handle cannot.
 *
 * A handle is `generation * 2^26 + slot`. The generation grows each time the
 * slot is released, so a handle whose event has run or was dropped never
 * matches the slot's next occupant; a slot whose generations (2^27) are used
 * up is retired, never reused, so handles never alias.
 *
 * Layout for speed: releasing a slot (once per event run) touches one byte,
 * `state`: the low 6 bits of the generation and a 2-bit state. That table
 * stays in cache even at millions of slots. The high generation bits live in
 * `genHigh`, which is touched once per 64 reuses of a slot; the caller keeps a
 * copy of them with the event (`acquiredGenHigh`, the `genHigh` argument of
 * `release`) so that running an event never has to read that table.
 */

import { grown } from './grown.js';

export const SLOT_SPACE = 2 ** 26; // slots, so at most 67,108,864 events in a queue at once
const SLOT_MASK = SLOT_SPACE - 1;

/**
 * The slot in x = y * 2^26 + slot (x < 2^53). `>>> 0` keeps the low 32 bits
 * with a plain truncation; `%` on such doubles would be a slow fmod call.
 */
export function slotOf(x: number): number {
  return (x >>> 0) & SLOT_MASK;
}
const GEN_LOW = 64; // generations kept in the state byte
const GEN_LIMIT = 2 ** 27; // generation * SLOT_SPACE stays below 2^53
const STATE_MASK = 3;
const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;

export class SlotTable {
  /** Per slot: low generation << 2 | state. */
  private state: Uint8Array;
  private genHigh: Int32Array; // generation >> 6
  private count = 0; // slots ever handed out (high-water mark)
  private free: Int32Array; // pairs: slot, its genHigh
  private freeTop = 0; // pairs on the free list
  /** Slots holding a pending event. */
  pending = 0;
  /** Slots holding a cancelled event whose entry is still in the queue. */
  cancelled = 0;
  /** The generation's high bits of the slot the last `acquire` returned. */
  acquiredGenHigh = 0;

  constructor(initialCapacity: number) {
    this.state = new Uint8Array(initialCapacity);
    this.genHigh = new Int32Array(initialCapacity);
    this.free = new Int32Array(2 * initialCapacity);
  }

  /** A slot for a new pending event; its genHigh is left in `acquiredGenHigh`. */
  acquire(): number {
    let slot: number;
    if (this.freeTop > 0) {
      const i = 2 * --this.freeTop;
      slot = this.free[i] as number;
      this.acquiredGenHigh = this.free[i + 1] as number;
    } else {
      slot = this.newSlot();
      this.acquiredGenHigh = 0;
    }
    this.state[slot] = ((this.state[slot] as number) & ~STATE_MASK) | PENDING;
    this.pending++;
    return slot;
  }

  /** The handle of the event now in `slot` (call right after `acquire`). */
  handleOf(slot: number, genHigh: number): number {
    return (genHigh * GEN_LOW + ((this.state[slot] as number) >> 2)) * SLOT_SPACE + slot;
  }

  isPending(slot: number): boolean {
    return ((this.state[slot] as number) & STATE_MASK) === PENDING;
  }

  /** Marks the handle's event cancelled; false if it is not pending (ran, was cancelled, never existed). */
  cancel(handle: number): boolean {
    const slot = slotOf(handle);
    if (slot >= this.count) return false;
    const gen = (handle - slot) / SLOT_SPACE; // < 2^27
    const state = this.state[slot] as number;
    if (state !== (((gen & (GEN_LOW - 1)) << 2) | PENDING) || this.genHigh[slot] !== gen >> 6) return false;
    this.state[slot] = (state & ~STATE_MASK) | CANCELLED;
    this.pending--;
    this.cancelled++;
    return true;
  }

  /**
   * Frees a slot whose entry left the queue, under its next generation.
   * Returns true if its event was pending (it is about to run), false if it had
   * been cancelled. `genHigh` is the value `acquire` gave for this slot.
   */
  release(slot: number, genHigh: number): boolean {
    const state = this.state[slot] as number;
    let low = (state >> 2) + 1;
    if (low === GEN_LOW) {
      low = 0;
      genHigh++;
      this.genHigh[slot] = genHigh;
    }
    this.state[slot] = (low << 2) | FREE;
    if (genHigh * GEN_LOW !== GEN_LIMIT) {
      if (2 * this.freeTop === this.free.length) {
        const free = new Int32Array(Math.max(4 * this.freeTop, 32));
        free.set(this.free);
        this.free = free;
      }
      this.free[2 * this.freeTop] = slot;
      this.free[2 * this.freeTop + 1] = genHigh;
      this.freeTop++;
    } // else retired: its handles can never alias a later event
    if ((state & STATE_MASK) === PENDING) {
      this.pending--;
      return true;
    }
    this.cancelled--;
    return false;
  }

  private newSlot(): number {
    const slot = this.count;
    if (slot === SLOT_SPACE) {
      throw new RangeError(`EventQueue.schedule: more than ${SLOT_SPACE} events in the queue`);
    }
    if (slot === this.state.length) {
      const n = Math.min(2 * slot, SLOT_SPACE);
      this.state = grown(this.state, n);
      this.genHigh = grown(this.genHigh, n);
    }
    this.count++;
    return slot;
  }
}
