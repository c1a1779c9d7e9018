/**
 * Append-only columnar rows over typed arrays that double when full. `view()` gives
 * trimmed copies-free subarrays, ready to transfer between threads or write out.
 */
type TypedArray = Int32Array | Uint16Array | Uint8Array | Float64Array | Float32Array;
type Ctor = new (n: number) => TypedArray;

export class GrowableColumns<C extends Record<string, Ctor>> {
  length = 0;
  private cols: TypedArray[];
  private readonly names: (keyof C)[];
  private readonly ctors: Ctor[];

  constructor(columns: C, initialCapacity = 1024) {
    this.names = Object.keys(columns);
    this.ctors = this.names.map((n) => columns[n]!);
    this.cols = this.ctors.map((C) => new C(initialCapacity));
  }

  private ensure(): void {
    if (this.length < this.cols[0]!.length) return;
    this.cols = this.cols.map((col, i) => {
      const bigger = new this.ctors[i]!(col.length * 2);
      bigger.set(col as never);
      return bigger;
    });
  }

  /** Fast path for three-column tables. */
  push3(a: number, b: number, c: number): void {
    this.ensure();
    const i = this.length++;
    this.cols[0]![i] = a;
    this.cols[1]![i] = b;
    this.cols[2]![i] = c;
  }

  push(values: readonly number[]): void {
    this.ensure();
    const i = this.length++;
    for (let c = 0; c < values.length; c++) this.cols[c]![i] = values[c]!;
  }

  /** Puts rows from, from + 1, … in the order `order` gives: row from + i gets the row that was at from + order[i]. */
  reorder(from: number, order: ArrayLike<number>): void {
    for (const col of this.cols) {
      const before = col.slice(from, from + order.length);
      for (let i = 0; i < order.length; i++) col[from + i] = before[order[i]!]!;
    }
  }

  /** Forgets every row, keeping the capacity (a chunk handed on). */
  clear(): void {
    this.length = 0;
  }

  view(): { [K in keyof C]: InstanceType<C[K]> } {
    const out: Record<string, TypedArray> = {};
    this.names.forEach((name, i) => {
      out[name as string] = this.cols[i]!.subarray(0, this.length);
    });
    return out as { [K in keyof C]: InstanceType<C[K]> };
  }
}
