/**
 * Live functions per group (region × architecture × package type × mode slot × runtime
 * version), kept up to date on every change so that a sample costs the number of groups,
 * not the number of functions. Each function is counted once, by its live version (R14).
 */
import { MODE_SLOTS, type FleetState } from '../fleet/fleetState.js';
import { GrowableColumns } from './growableColumns.js';

export interface GroupShape {
  readonly regions: number;
  readonly architectures: number;
  readonly packageTypes: number;
  readonly versions: number;
}

/** Decodes a cell index back to its group. */
export function decodeCell(shape: GroupShape, cell: number): {
  region: number; architecture: number; packageType: number; modeSlot: number; version: number;
} {
  let c = cell;
  const version = c % shape.versions; c = (c - version) / shape.versions;
  const modeSlot = c % MODE_SLOTS; c = (c - modeSlot) / MODE_SLOTS;
  const packageType = c % shape.packageTypes; c = (c - packageType) / shape.packageTypes;
  const architecture = c % shape.architectures; c = (c - architecture) / shape.architectures;
  return { region: c, architecture, packageType, modeSlot, version };
}

export class GroupCounts {
  readonly counts: Int32Array;
  /** Sampled rows: sample index, cell, live functions. */
  readonly rows = new GrowableColumns({ sample: Int32Array, cell: Int32Array, functions: Int32Array });

  constructor(private readonly fleet: FleetState, readonly shape: GroupShape) {
    this.counts = new Int32Array(shape.regions * shape.architectures * shape.packageTypes * MODE_SLOTS * shape.versions);
  }

  /**
   * The cell of `f`'s attributes as they are now. The attributes sit in the function's record,
   * so computing the cell costs no cache miss that keeping it per function would not; callers
   * uncount a function before they change an attribute and count it again after.
   */
  cellOf(f: number): number {
    const { fleet, shape } = this;
    return ((((fleet.region(f) * shape.architectures + fleet.architecture(f)) * shape.packageTypes
      + fleet.packageType(f)) * MODE_SLOTS + fleet.mode(f)) * shape.versions) + fleet.version(f);
  }

  /** Counts `f` in the group its attributes now say. */
  add(f: number): void {
    this.counts[this.cellOf(f)]!++;
  }

  /** Uncounts `f` from the group its attributes now say (call it before changing them). */
  remove(f: number): void {
    this.counts[this.cellOf(f)]!--;
  }

  /** `f` now runs `to` (already written to its record) instead of `from`, nothing else changed (the version is the cell's last digit). */
  changeVersion(f: number, from: number, to: number): void {
    const next = this.cellOf(f);
    this.counts[next - to + from]!--;
    this.counts[next]!++;
  }

  /** Appends one row per non-empty group for sample `sample`. */
  sample(sample: number): void {
    const counts = this.counts;
    for (let cell = 0; cell < counts.length; cell++) {
      const n = counts[cell]!;
      if (n !== 0) this.rows.push3(sample, cell, n);
    }
  }
}
