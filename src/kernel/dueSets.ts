/**
 * Due sets: entity ids (integers ≥ 0) filed under numbered windows of time, each window taken
 * out once, as a set in ascending id order. The model files a function under the window its
 * post-dated move falls in, and settles the window's functions when the window ends (at a
 * fleet sample): ascending ids walk the fleet's records in memory order, where the same moves
 * taken in time order would read them at random (docs/performance.md, "Post-dated moves").
 *
 * Filing is an append to the window's list; an id filed twice, or whose move has changed since,
 * costs one more entry, and the caller checks each id it is given. Taking a window sets one bit
 * per entry in a bitmap over the ids and reads the bitmap's words from the lowest id filed to
 * the highest, so the ids come out sorted and without repeats at a cost of the entries plus
 * (highest − lowest) / 32 words. Memory: 4 bytes per entry filed and not yet taken, and one
 * bit per id.
 */
import { grown } from './grown.js';

export class DueSets {
  private readonly lists: (Int32Array | null)[];
  private readonly fill: Int32Array;
  private bits = new Int32Array(1024);

  /** @param windows windows 0 … windows − 1. */
  constructor(readonly windows: number) {
    if (!Number.isSafeInteger(windows) || windows < 1) throw new RangeError(`DueSets: windows must be a positive integer, got ${windows}`);
    this.lists = new Array<Int32Array | null>(windows).fill(null);
    this.fill = new Int32Array(windows);
  }

  /** Files `id` under `window`. */
  add(window: number, id: number): void {
    let list = this.lists[window];
    if (list === undefined) throw new RangeError(`DueSets.add: window ${window} is not in 0..${this.windows - 1}`);
    const n = this.fill[window]!;
    if (list === null) list = this.lists[window] = new Int32Array(256);
    else if (n === list.length) list = this.lists[window] = grown(list, 2 * n);
    list[n] = id;
    this.fill[window] = n + 1;
  }

  /** Ids filed under `window` and not yet taken (repeats counted). */
  filed(window: number): number {
    return this.fill[window]!;
  }

  /**
   * Calls `visit` once for each distinct id filed under `window`, in ascending order, and
   * forgets them. Ids that `visit` files under `window` again are not visited in this call;
   * they stay filed there. `visit` must not call `take`.
   */
  take(window: number, visit: (id: number) => void): void {
    const list = this.lists[window];
    if (list === undefined) throw new RangeError(`DueSets.take: window ${window} is not in 0..${this.windows - 1}`);
    const n = this.fill[window]!;
    this.lists[window] = null;
    this.fill[window] = 0;
    if (list === null || n === 0) return;
    let lo = Infinity;
    let hi = -1;
    for (let i = 0; i < n; i++) {
      const id = list[i]!;
      if (id < lo) lo = id;
      if (id > hi) hi = id;
    }
    if ((hi >> 5) >= this.bits.length) this.bits = grown(this.bits, Math.max(2 * this.bits.length, (hi >> 5) + 1));
    const bits = this.bits;
    for (let i = 0; i < n; i++) {
      const id = list[i]!;
      bits[id >> 5] = bits[id >> 5]! | (1 << (id & 31));
    }
    // Each word is cleared before its ids are visited. `visit` may file ids (under any window)
    // but must not take one: the bitmap is shared.
    for (let w = lo >> 5, end = hi >> 5; w <= end; w++) {
      let word = bits[w]!;
      if (word === 0) continue;
      bits[w] = 0;
      while (word !== 0) {
        const low = word & -word;
        visit((w << 5) + 31 - Math.clz32(low));
        word ^= low;
      }
    }
  }
}
