/**
 * Function ids grouped by (region, runtime): a release published in a region (R10) concerns
 * only that bucket, so a publication costs the bucket's size, not the fleet's.
 */
export class Buckets {
  private readonly ids: Int32Array[];
  private readonly sizes: Int32Array;

  constructor(readonly regionCount: number, readonly runtimeCount: number) {
    this.ids = Array.from({ length: regionCount * runtimeCount }, () => new Int32Array(16));
    this.sizes = new Int32Array(regionCount * runtimeCount);
  }

  add(region: number, runtime: number, functionId: number): void {
    const b = region * this.runtimeCount + runtime;
    let list = this.ids[b]!;
    const n = this.sizes[b]!;
    if (n === list.length) {
      const bigger = new Int32Array(list.length * 2);
      bigger.set(list);
      this.ids[b] = list = bigger;
    }
    list[n] = functionId;
    this.sizes[b] = n + 1;
  }

  /** The ids in a bucket, in insertion order (a view: do not keep it across `add`). */
  members(region: number, runtime: number): Int32Array {
    const b = region * this.runtimeCount + runtime;
    return this.ids[b]!.subarray(0, this.sizes[b]!);
  }
}
