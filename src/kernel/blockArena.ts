/**
 * Fixed-size blocks of float64 carved from one growable array, handed out and
 * taken back by index, and chained by `next`. Lets many lists (the radix
 * heap's buckets) share memory proportional to what they hold together,
 * instead of each keeping its own peak size.
 */
import { grown } from './grown.js';

export const NONE = -1;

export class BlockArena {
  /** Block k is data[k * blockSize, (k + 1) * blockSize). Replaced when the arena grows. */
  data: Float64Array;
  /** The block after block k in its chain, or NONE. */
  next: Int32Array;
  private used = 0; // blocks ever handed out (high-water mark)
  private free: Int32Array;
  private freeTop = 0;

  constructor(
    readonly blockSize: number,
    initialBlocks: number,
  ) {
    this.data = new Float64Array(initialBlocks * blockSize);
    this.next = new Int32Array(initialBlocks);
    this.free = new Int32Array(initialBlocks);
  }

  /** A block with next = NONE. May replace `data`: reload it after calling. */
  alloc(): number {
    let block: number;
    if (this.freeTop > 0) {
      block = this.free[--this.freeTop] as number;
    } else {
      block = this.used++;
      if (block === this.next.length) this.grow();
    }
    this.next[block] = NONE;
    return block;
  }

  release(block: number): void {
    this.free[this.freeTop++] = block;
  }

  /** Bytes held, for tests and benchmarks. */
  get byteLength(): number {
    return this.data.byteLength + this.next.byteLength + this.free.byteLength;
  }

  private grow(): void {
    const blocks = 2 * this.next.length;
    this.data = grown(this.data, blocks * this.blockSize);
    this.next = grown(this.next, blocks);
    this.free = grown(this.free, blocks);
  }
}
