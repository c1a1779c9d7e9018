/**
 * Function ids grouped by (region, runtime, package type): a release published in a region
 * (R10) concerns only that region's Zip functions of its runtime, and a base image (R3) only
 * image functions, so a publication costs the size of the group it reaches, not the fleet's,
 * and never walks the records of functions it does not concern. Within a bucket ids stand in
 * the order they were added (increasing).
 */
export class Buckets {
  private readonly ids: Int32Array[];
  private readonly sizes: Int32Array;

  constructor(readonly regionCount: number, readonly runtimeCount: number, readonly packageTypes: number) {
    this.ids = Array.from({ length: regionCount * runtimeCount * packageTypes }, () => new Int32Array(16));
    this.sizes = new Int32Array(regionCount * runtimeCount * packageTypes);
  }

  private bucket(region: number, runtime: number, packageType: number): number {
    return (region * this.runtimeCount + runtime) * this.packageTypes + packageType;
  }

  add(region: number, runtime: number, packageType: number, functionId: number): void {
    const b = this.bucket(region, runtime, packageType);
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

  /** The ids in a bucket, in the order added (a view: do not keep it across `add`). */
  members(region: number, runtime: number, packageType: number): Int32Array {
    const b = this.bucket(region, runtime, packageType);
    return this.ids[b]!.subarray(0, this.sizes[b]!);
  }
}
