/**
 * The fleet as columns: one typed array per field, indexed by function id. Functions created
 * during the run are appended; arrays grow by doubling. No objects per function.
 *
 * Bytes per function (FLEET_BYTES_PER_FUNCTION): 8 × Uint8 attributes and flags, 3 × Uint16
 * (live and previous versions, highest rank run), 2 × Uint8 move causes, Float32 change rate, Float32 invocations,
 * 5 × Float64 (stale-since, pending-move handle and time, creation time, live-version-since),
 * and an Int32 entry in its region × runtime bucket.
 */
export const MODE_AUTO = 0;
export const MODE_FUNCTION_UPDATE = 1;
export const MODE_MANUAL = 2;
/** Container-image functions have no runtime update mode (R3). */
export const MODE_NONE = 3;
export const MODE_SLOTS = 4;

export const PACKAGE_ZIP = 0;
export const PACKAGE_IMAGE = 1;

/** How a function came to run a version: the `how` column of patches.csv. */
export const HOW_PHASE1 = 0;
export const HOW_PHASE2 = 1;
export const HOW_REBUILD = 2;
export const HOW_CREATE = 3;
export const HOW_INITIAL = 4;
export const HOW_NAMES = ['phase1', 'phase2', 'rebuild', 'create', 'initial'] as const;

export const NO_HANDLE = -1;

export const FLEET_BYTES_PER_FUNCTION = 8 + 3 * 2 + 2 + 4 + 4 + 5 * 8 + 4;

export class FleetState {
  size = 0;
  region: Uint8Array;
  architecture: Uint8Array;
  runtime: Uint8Array;
  packageType: Uint8Array;
  mode: Uint8Array;
  /** The mode the function was created with; `mode` changes with pins and unpins. */
  configuredMode: Uint8Array;
  /** 1 when traffic goes through an alias to published versions (R14). */
  hasAlias: Uint8Array;
  /** Runtime version serving live traffic: the alias's published version, or `$LATEST` (R14). */
  version: Uint16Array;
  /** Rank of the newest version the function has ever run: patches are booked once (metrics.md). */
  highestRank: Uint16Array;
  /** The live version before the last change: what a rollback returns to (R12, R14). */
  previousVersion: Uint16Array;
  /** Since when the live version has been live, ms. */
  versionSinceMs: Float64Array;
  /** 1 while the owner holds deploys/rebuilds after a rollback (alias redirect or previous image). */
  held: Uint8Array;
  /** Cause of the pending move, and of the last move (HOW_*). */
  pendingHow: Uint8Array;
  lastHow: Uint8Array;
  /** Deploys (Zip) or rebuilds (Image) per ms; 0 for an inactive function. */
  changeRatePerMs: Float32Array;
  invocationsPerDay: Float32Array;
  /** Start of the current stale interval, ms; NaN when not stale. */
  staleSinceMs: Float64Array;
  /** Kernel handle of the function's one pending move, or NO_HANDLE. */
  pendingHandle: Float64Array;
  pendingAtMs: Float64Array;
  createdMs: Float64Array;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.region = new Uint8Array(n);
    this.architecture = new Uint8Array(n);
    this.runtime = new Uint8Array(n);
    this.packageType = new Uint8Array(n);
    this.mode = new Uint8Array(n);
    this.configuredMode = new Uint8Array(n);
    this.hasAlias = new Uint8Array(n);
    this.version = new Uint16Array(n);
    this.previousVersion = new Uint16Array(n);
    this.highestRank = new Uint16Array(n);
    this.versionSinceMs = new Float64Array(n);
    this.held = new Uint8Array(n);
    this.pendingHow = new Uint8Array(n);
    this.lastHow = new Uint8Array(n);
    this.changeRatePerMs = new Float32Array(n);
    this.invocationsPerDay = new Float32Array(n);
    this.staleSinceMs = new Float64Array(n);
    this.pendingHandle = new Float64Array(n);
    this.pendingAtMs = new Float64Array(n);
    this.createdMs = new Float64Array(n);
  }

  get capacity(): number {
    return this.region.length;
  }

  /** Appends a function with zeroed fields and returns its id. */
  add(): number {
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    const id = this.size++;
    this.staleSinceMs[id] = Number.NaN;
    this.pendingHandle[id] = NO_HANDLE;
    this.pendingAtMs[id] = Number.POSITIVE_INFINITY;
    this.previousVersion[id] = 0xffff;
    return id;
  }

  private grow(capacity: number): void {
    const grow = <T extends Uint8Array | Uint16Array | Float32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a as never);
      return b;
    };
    this.region = grow(this.region, (n) => new Uint8Array(n));
    this.architecture = grow(this.architecture, (n) => new Uint8Array(n));
    this.runtime = grow(this.runtime, (n) => new Uint8Array(n));
    this.packageType = grow(this.packageType, (n) => new Uint8Array(n));
    this.mode = grow(this.mode, (n) => new Uint8Array(n));
    this.configuredMode = grow(this.configuredMode, (n) => new Uint8Array(n));
    this.hasAlias = grow(this.hasAlias, (n) => new Uint8Array(n));
    this.version = grow(this.version, (n) => new Uint16Array(n));
    this.previousVersion = grow(this.previousVersion, (n) => new Uint16Array(n));
    this.highestRank = grow(this.highestRank, (n) => new Uint16Array(n));
    this.versionSinceMs = grow(this.versionSinceMs, (n) => new Float64Array(n));
    this.held = grow(this.held, (n) => new Uint8Array(n));
    this.pendingHow = grow(this.pendingHow, (n) => new Uint8Array(n));
    this.lastHow = grow(this.lastHow, (n) => new Uint8Array(n));
    this.changeRatePerMs = grow(this.changeRatePerMs, (n) => new Float32Array(n));
    this.invocationsPerDay = grow(this.invocationsPerDay, (n) => new Float32Array(n));
    this.staleSinceMs = grow(this.staleSinceMs, (n) => new Float64Array(n));
    this.pendingHandle = grow(this.pendingHandle, (n) => new Float64Array(n));
    this.pendingAtMs = grow(this.pendingAtMs, (n) => new Float64Array(n));
    this.createdMs = grow(this.createdMs, (n) => new Float64Array(n));
  }
}
