import { grown } from './grown.js';

/**
 * The binary heap of entity timers (entityTimers.ts) set for a time in a bucket already
 * reached: ordered by (time, seq), in three typed arrays that grow by doubling. The root is
 * at index 0.
 */
export class TimerHeap {
  time = new Float64Array(64);
  seq = new Float64Array(64);
  entity = new Int32Array(64);
  length = 0;

  push(time: number, seq: number, entity: number): void {
    if (this.length === this.time.length) this.grow();
    let i = this.length++;
    this.time[i] = time;
    this.seq[i] = seq;
    this.entity[i] = entity;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes the root. */
  pop(): void {
    const last = --this.length;
    if (last > 0) {
      this.time[0] = this.time[last]!;
      this.seq[0] = this.seq[last]!;
      this.entity[0] = this.entity[last]!;
    }
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.length) break;
      const c = l + 1 < this.length && this.before(l + 1, l) ? l + 1 : l;
      if (!this.before(c, i)) break;
      this.swap(i, c);
      i = c;
    }
  }

  private before(i: number, j: number): boolean {
    const ti = this.time[i]!;
    const tj = this.time[j]!;
    return ti < tj || (ti === tj && this.seq[i]! < this.seq[j]!);
  }

  private swap(i: number, j: number): void {
    const t = this.time[i]!;
    this.time[i] = this.time[j]!;
    this.time[j] = t;
    const s = this.seq[i]!;
    this.seq[i] = this.seq[j]!;
    this.seq[j] = s;
    const e = this.entity[i]!;
    this.entity[i] = this.entity[j]!;
    this.entity[j] = e;
  }

  private grow(): void {
    const n = this.time.length * 2;
    this.time = grown(this.time, n);
    this.seq = grown(this.seq, n);
    this.entity = grown(this.entity, n);
  }
}
