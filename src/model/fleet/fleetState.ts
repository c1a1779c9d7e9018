/**
 * The fleet as columns: one typed array per field, indexed by function id. Functions created
 * during the run are appended; arrays grow by doubling. No objects per function.
 *
 * Function versions (R7, R12, R14) live in a fixed number of slots per function,
 * `versionSlots = fleet.publishedVersions.retain + 1`, in flat arrays indexed
 * `f × versionSlots + slot`: slot 0 is `$LATEST`, slots 1…publishedCount the kept published
 * versions, oldest first. Each slot holds its runtime version, its configured update mode, a
 * pinned flag (a rollback's Manual pin: the pinned ARN is the slot's runtime version's ARN for
 * the function's region and architecture) and its published version number. `aliasSlot` is
 * the slot the alias points to (0 = no alias: `$LATEST` serves). `version` and `mode` mirror the
 * serving slot (its runtime version and effective mode), for the hot path.
 *
 * Bytes per function (FLEET_BYTES_PER_FUNCTION): 11 × Uint8 attributes and flags, 5 × Uint16
 * (live and previous versions, highest rank run, next published number, qualifier at creation), 2 × Uint8 move
 * causes, Float32 change rate, Float32 invocations, 5 × Float64 (stale-since, pending-move
 * handle and time, creation time, live-version-since), an Int32 entry in its region × runtime
 * bucket. Bytes per version slot (FLEET_BYTES_PER_VERSION_SLOT): Uint16 runtime version,
 * Uint16 number, Uint8 mode, Uint8 pinned, Float64 stale-since.
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
/** A (function, release) pair withdrawn (R11) before the function ran it; never patched. */
export const HOW_WITHDRAWN = 5;
/** A configuration update (UpdateFunctionConfiguration, R8 phase 1); written as `phase1`. */
export const HOW_CONFIG = 6;
/** Lambda moving an Auto version off a withdrawn release (R11); a Lambda-applied update. */
export const HOW_LAMBDA_ROLLBACK = 7;
export const HOW_NAMES = ['phase1', 'phase2', 'rebuild', 'create', 'initial', 'withdrawn', 'phase1', 'lambda-rollback'] as const;

/** Slot of `$LATEST` among a function's version slots. */
export const SLOT_LATEST = 0;

export const NO_HANDLE = -1;

export const FLEET_BYTES_PER_FUNCTION = 11 + 5 * 2 + 2 + 4 + 4 + 5 * 8 + 4;
export const FLEET_BYTES_PER_VERSION_SLOT = 2 + 2 + 1 + 1 + 8;

export class FleetState {
  size = 0;
  /** Version slots per function: `$LATEST` plus the kept published versions. */
  readonly versionSlots: number;
  /** Per slot [f × versionSlots + slot]: runtime version, configured mode, pinned flag, number, stale-since. */
  slotVersion: Uint16Array;
  slotMode: Uint8Array;
  slotPinned: Uint8Array;
  slotNumber: Uint16Array;
  slotStaleSinceMs: Float64Array;
  /** Kept published versions (slots 1…publishedCount), and the alias target slot (0: none). */
  publishedCount: Uint8Array;
  aliasSlot: Uint8Array;
  /** Number the next published version gets (Lambda numbers from 1, never reused). */
  nextNumber: Uint16Array;
  /** 1 while an R13 change waits for a rollback pin on `$LATEST` to be lifted. */
  waitingChange: Uint8Array;
  /** Architecture and serving qualifier (published number, 0 = `$LATEST`) at creation: where the INIT_START log starts. */
  architecture0: Uint8Array;
  qualifier0: Uint16Array;
  region: Uint8Array;
  architecture: Uint8Array;
  runtime: Uint8Array;
  packageType: Uint8Array;
  /** Effective update mode of the serving function version (Manual while pinned): mirror of its slot. */
  mode: Uint8Array;
  /** The mode the function was created with (its `$LATEST`'s configured mode at creation). */
  configuredMode: Uint8Array;
  /** 1 when traffic goes through an alias to published versions (R14). */
  hasAlias: Uint8Array;
  /** Runtime version serving live traffic: the alias's published version, or `$LATEST` (R14). Mirror of its slot. */
  version: Uint16Array;
  /** Rank of the newest version the function has ever run: patches are booked once (metrics.md). */
  highestRank: Uint16Array;
  /** The live version before the last change: what a rollback returns to (R12, R14). */
  previousVersion: Uint16Array;
  /** Since when the live version has been live, ms. */
  versionSinceMs: Float64Array;
  /** 1 while the owner holds deploys/rebuilds after a rollback (pin, alias redirect or previous image). */
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

  constructor(capacity: number, retain = 3) {
    const n = Math.max(16, capacity);
    this.versionSlots = retain + 1;
    const k = n * this.versionSlots;
    this.slotVersion = new Uint16Array(k);
    this.slotMode = new Uint8Array(k);
    this.slotPinned = new Uint8Array(k);
    this.slotNumber = new Uint16Array(k);
    this.slotStaleSinceMs = new Float64Array(k).fill(Number.NaN);
    this.publishedCount = new Uint8Array(n);
    this.aliasSlot = new Uint8Array(n);
    this.nextNumber = new Uint16Array(n);
    this.waitingChange = new Uint8Array(n);
    this.architecture0 = new Uint8Array(n);
    this.qualifier0 = new Uint16Array(n);
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
    const grow = <T extends Uint8Array | Uint16Array | Float32Array | Float64Array>(a: T, make: (n: number) => T, per = 1): T => {
      const b = make(capacity * per);
      b.set(a as never);
      return b;
    };
    const k = this.versionSlots;
    const old = this.slotStaleSinceMs.length;
    this.slotVersion = grow(this.slotVersion, (n) => new Uint16Array(n), k);
    this.slotMode = grow(this.slotMode, (n) => new Uint8Array(n), k);
    this.slotPinned = grow(this.slotPinned, (n) => new Uint8Array(n), k);
    this.slotNumber = grow(this.slotNumber, (n) => new Uint16Array(n), k);
    this.slotStaleSinceMs = grow(this.slotStaleSinceMs, (n) => new Float64Array(n), k);
    this.slotStaleSinceMs.fill(Number.NaN, old);
    this.publishedCount = grow(this.publishedCount, (n) => new Uint8Array(n));
    this.aliasSlot = grow(this.aliasSlot, (n) => new Uint8Array(n));
    this.nextNumber = grow(this.nextNumber, (n) => new Uint16Array(n));
    this.waitingChange = grow(this.waitingChange, (n) => new Uint8Array(n));
    this.architecture0 = grow(this.architecture0, (n) => new Uint8Array(n));
    this.qualifier0 = grow(this.qualifier0, (n) => new Uint16Array(n));
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
