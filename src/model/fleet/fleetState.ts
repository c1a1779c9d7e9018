/**
 * The fleet: one fixed-size record per function (fleetLayout.ts), all in one buffer, read and
 * written through typed views. Functions created during the run are appended; the buffer grows
 * by doubling. No objects per function.
 *
 * Why records and not one array per field: a move touches a function chosen at random (its
 * phase-2 time, R8, is drawn per function), and each field in its own array costs a cache miss
 * per field per move; a record costs one or two (issue 13, measured in docs/performance.md).
 *
 * Function versions (R7, R12, R14) live in `versionSlots = fleet.publishedVersions.retain + 1`
 * slots per function: slot 0 is `$LATEST`, slots 1…publishedCount the kept published
 * versions, oldest first. Each slot holds its runtime version, its configured update mode, a
 * pinned flag (a rollback's Manual pin: the pinned ARN is the slot's runtime version's ARN for
 * the function's region and architecture), its published version number and its stale-since
 * time. A slot is named by `slotIndex(f, slot)` (functionVersions.ts). `aliasSlot` is the slot
 * the alias points to (0 = no alias: `$LATEST` serves). `version` and `mode` mirror the
 * serving slot (its runtime version and effective mode), for the hot path.
 */
import { F32, F64, recordLayout, SlotIndex, U16, U8, type RecordLayout } from './fleetLayout.js';

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

/**
 * The `pendingTimerSeq` field: the sequence number (≥ 0) of the entity timer of the function's
 * pending move; NO_TIMER when it has no pending move; or `POST_DATED - seq` (≤ POST_DATED) for
 * a move kept in the record instead of a timer, with the sequence number `seq` the queue gave
 * it (rollout/postDated.ts).
 */
export const NO_TIMER = -1;
export const POST_DATED = -2;

/** Bytes of a function's record with `retain` published versions kept (fleetLayout.ts). */
export function fleetBytesPerFunction(retain: number): number {
  return recordLayout(retain + 1).stride;
}

type View = Uint8Array | Uint16Array | Float32Array | Float64Array;

/** Fills `out` with one field of each record (`stride` and `field` in units of `view`). */
function copyColumn<T extends View>(view: View, stride: number, field: number, out: T): T {
  for (let f = 0; f < out.length; f++) out[f] = view[f * stride + field]!;
  return out;
}

export class FleetState {
  size = 0;
  /** Version slots per function: `$LATEST` plus the kept published versions. */
  readonly versionSlots: number;
  readonly layout: RecordLayout;
  private buffer: ArrayBuffer;
  private f64: Float64Array;
  private f32: Float32Array;
  private u16: Uint16Array;
  private u8: Uint8Array;
  private readonly stride64: number;
  private readonly stride32: number;
  private readonly stride16: number;
  private readonly stride8: number;
  // The slot fields' offsets (layout), held here so that a slot accessor reads one property, not two.
  private readonly slotStaleSince64: number;
  private readonly slotVersion16: number;
  private readonly slotNumber16: number;
  private readonly slotMode8: number;
  private readonly slotPinned8: number;

  constructor(capacity: number, retain = 3) {
    this.versionSlots = retain + 1;
    this.layout = recordLayout(this.versionSlots);
    const stride = this.layout.stride;
    this.stride64 = stride / 8;
    this.stride32 = stride / 4;
    this.stride16 = stride / 2;
    this.stride8 = stride;
    this.slotStaleSince64 = this.layout.slotStaleSince64;
    this.slotVersion16 = this.layout.slotVersion16;
    this.slotNumber16 = this.layout.slotNumber16;
    this.slotMode8 = this.layout.slotMode8;
    this.slotPinned8 = this.layout.slotPinned8;
    this.buffer = new ArrayBuffer(Math.max(16, capacity) * stride);
    this.f64 = new Float64Array(this.buffer);
    this.f32 = new Float32Array(this.buffer);
    this.u16 = new Uint16Array(this.buffer);
    this.u8 = new Uint8Array(this.buffer);
  }

  get capacity(): number {
    return this.buffer.byteLength / this.stride8;
  }

  /** Appends a function with zeroed fields (not stale, no pending move, no previous version) and returns its id. */
  add(): number {
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    const id = this.size++;
    this.setStaleSinceMs(id, Number.NaN);
    this.setPendingTimerSeq(id, NO_TIMER);
    this.setPendingAtMs(id, Number.POSITIVE_INFINITY);
    this.setPreviousVersion(id, 0xffff);
    for (let s = 0; s < this.versionSlots; s++) this.setSlotStaleSinceMs(id * SlotIndex.SPAN + s, Number.NaN);
    return id;
  }

  private grow(capacity: number): void {
    const bigger = new ArrayBuffer(capacity * this.stride8);
    new Uint8Array(bigger).set(this.u8);
    this.buffer = bigger;
    this.f64 = new Float64Array(bigger);
    this.f32 = new Float32Array(bigger);
    this.u16 = new Uint16Array(bigger);
    this.u8 = new Uint8Array(bigger);
  }

  /**
   * Renumbers the first `order.length` functions: new id `i` gets the record id `order[i]`
   * held. Records are copied as 32-bit words, so every bit (NaN payloads included) travels.
   */
  permute(order: Int32Array): void {
    const words = this.stride8 / 4;
    const all = new Int32Array(this.buffer);
    const copy = all.slice(0, order.length * words);
    for (let i = 0; i < order.length; i++) {
      const from = order[i]! * words;
      const to = i * words;
      for (let w = 0; w < words; w++) all[to + w] = copy[from + w]!;
    }
  }

  /** Reads a byte of each of `f`'s two cache lines, so that they are loaded before they are needed. */
  touch(f: number): number {
    const at = f * this.stride8;
    return this.u8[at]! + this.u8[at + this.stride8 - 1]!;
  }

  /** A copy of one Uint8 field for functions 0…n−1 (`field`: a U8 offset). */
  u8Column(field: U8, n: number): Uint8Array {
    return copyColumn(this.u8, this.stride8, field, new Uint8Array(n));
  }

  /** A copy of one Uint16 field for functions 0…n−1 (`field`: a U16 offset). */
  u16Column(field: U16, n: number): Uint16Array {
    return copyColumn(this.u16, this.stride16, field, new Uint16Array(n));
  }

  /** A copy of one Float32 field for functions 0…n−1 (`field`: an F32 offset). */
  f32Column(field: F32, n: number): Float32Array {
    return copyColumn(this.f32, this.stride32, field, new Float32Array(n));
  }

  /** A copy of one Float64 field for functions 0…n−1 (`field`: an F64 offset). */
  f64Column(field: F64, n: number): Float64Array {
    return copyColumn(this.f64, this.stride64, field, new Float64Array(n));
  }

  /** Start of the current stale interval, ms; NaN when not stale. */
  staleSinceMs(f: number): number { return this.f64[f * this.stride64 + F64.STALE_SINCE]!; }
  setStaleSinceMs(f: number, value: number): void { this.f64[f * this.stride64 + F64.STALE_SINCE] = value; }

  /** The function's pending move: its timer's sequence number, NO_TIMER, or POST_DATED − its sequence number (see NO_TIMER). */
  pendingTimerSeq(f: number): number { return this.f64[f * this.stride64 + F64.PENDING_TIMER_SEQ]!; }
  setPendingTimerSeq(f: number, value: number): void { this.f64[f * this.stride64 + F64.PENDING_TIMER_SEQ] = value; }

  /** Time of the pending move, ms (Infinity: none). */
  pendingAtMs(f: number): number { return this.f64[f * this.stride64 + F64.PENDING_AT]!; }
  setPendingAtMs(f: number, value: number): void { this.f64[f * this.stride64 + F64.PENDING_AT] = value; }

  /** Creation time, ms. */
  createdMs(f: number): number { return this.f64[f * this.stride64 + F64.CREATED]!; }
  setCreatedMs(f: number, value: number): void { this.f64[f * this.stride64 + F64.CREATED] = value; }

  /** Since when the live version has been live, ms. */
  versionSinceMs(f: number): number { return this.f64[f * this.stride64 + F64.VERSION_SINCE]!; }
  setVersionSinceMs(f: number, value: number): void { this.f64[f * this.stride64 + F64.VERSION_SINCE] = value; }

  /** Deploys (Zip) or rebuilds (Image) per ms; 0 for an inactive function. */
  changeRatePerMs(f: number): number { return this.f32[f * this.stride32 + F32.CHANGE_RATE]!; }
  setChangeRatePerMs(f: number, value: number): void { this.f32[f * this.stride32 + F32.CHANGE_RATE] = value; }

  /** Invocations per day. */
  invocationsPerDay(f: number): number { return this.f32[f * this.stride32 + F32.INVOCATIONS]!; }
  setInvocationsPerDay(f: number, value: number): void { this.f32[f * this.stride32 + F32.INVOCATIONS] = value; }

  /** Runtime version serving live traffic: the alias's published version, or `$LATEST` (R14). Mirror of its slot. */
  version(f: number): number { return this.u16[f * this.stride16 + U16.VERSION]!; }
  setVersion(f: number, value: number): void { this.u16[f * this.stride16 + U16.VERSION] = value; }

  /** The live version before the last change: what a rollback returns to (R12, R14). */
  previousVersion(f: number): number { return this.u16[f * this.stride16 + U16.PREVIOUS_VERSION]!; }
  setPreviousVersion(f: number, value: number): void { this.u16[f * this.stride16 + U16.PREVIOUS_VERSION] = value; }

  /** Rank of the newest version the function has ever run: patches are booked once (metrics.md). */
  highestRank(f: number): number { return this.u16[f * this.stride16 + U16.HIGHEST_RANK]!; }
  setHighestRank(f: number, value: number): void { this.u16[f * this.stride16 + U16.HIGHEST_RANK] = value; }

  /** Number the next published version gets (Lambda numbers from 1, never reused). */
  nextNumber(f: number): number { return this.u16[f * this.stride16 + U16.NEXT_NUMBER]!; }
  setNextNumber(f: number, value: number): void { this.u16[f * this.stride16 + U16.NEXT_NUMBER] = value; }

  /** Serving qualifier at creation (published number, 0 = `$LATEST`): where the INIT_START log starts. */
  qualifier0(f: number): number { return this.u16[f * this.stride16 + U16.QUALIFIER0]!; }
  setQualifier0(f: number, value: number): void { this.u16[f * this.stride16 + U16.QUALIFIER0] = value; }

  /** Kept published versions (slots 1…publishedCount). */
  publishedCount(f: number): number { return this.u8[f * this.stride8 + U8.PUBLISHED_COUNT]!; }
  setPublishedCount(f: number, value: number): void { this.u8[f * this.stride8 + U8.PUBLISHED_COUNT] = value; }

  /** The slot the alias points to (0: none, `$LATEST` serves). */
  aliasSlot(f: number): number { return this.u8[f * this.stride8 + U8.ALIAS_SLOT]!; }
  setAliasSlot(f: number, value: number): void { this.u8[f * this.stride8 + U8.ALIAS_SLOT] = value; }

  /** 1 while an R13 change waits for a rollback pin on `$LATEST` to be lifted. */
  waitingChange(f: number): number { return this.u8[f * this.stride8 + U8.WAITING_CHANGE]!; }
  setWaitingChange(f: number, value: number): void { this.u8[f * this.stride8 + U8.WAITING_CHANGE] = value; }

  /** Architecture at creation: where the INIT_START log starts. */
  architecture0(f: number): number { return this.u8[f * this.stride8 + U8.ARCHITECTURE0]!; }
  setArchitecture0(f: number, value: number): void { this.u8[f * this.stride8 + U8.ARCHITECTURE0] = value; }

  /** Fleet region index. */
  region(f: number): number { return this.u8[f * this.stride8 + U8.REGION]!; }
  setRegion(f: number, value: number): void { this.u8[f * this.stride8 + U8.REGION] = value; }

  /** Architecture index. */
  architecture(f: number): number { return this.u8[f * this.stride8 + U8.ARCHITECTURE]!; }
  setArchitecture(f: number, value: number): void { this.u8[f * this.stride8 + U8.ARCHITECTURE] = value; }

  /** Scenario runtime index. */
  runtime(f: number): number { return this.u8[f * this.stride8 + U8.RUNTIME]!; }
  setRuntime(f: number, value: number): void { this.u8[f * this.stride8 + U8.RUNTIME] = value; }

  /** PACKAGE_ZIP or PACKAGE_IMAGE. */
  packageType(f: number): number { return this.u8[f * this.stride8 + U8.PACKAGE_TYPE]!; }
  setPackageType(f: number, value: number): void { this.u8[f * this.stride8 + U8.PACKAGE_TYPE] = value; }

  /** Effective update mode of the serving function version (Manual while pinned): mirror of its slot. */
  mode(f: number): number { return this.u8[f * this.stride8 + U8.MODE]!; }
  setMode(f: number, value: number): void { this.u8[f * this.stride8 + U8.MODE] = value; }

  /** The mode the function was created with (its `$LATEST`'s configured mode at creation). */
  configuredMode(f: number): number { return this.u8[f * this.stride8 + U8.CONFIGURED_MODE]!; }
  setConfiguredMode(f: number, value: number): void { this.u8[f * this.stride8 + U8.CONFIGURED_MODE] = value; }

  /** 1 when traffic goes through an alias to published versions (R14). */
  hasAlias(f: number): number { return this.u8[f * this.stride8 + U8.HAS_ALIAS]!; }
  setHasAlias(f: number, value: number): void { this.u8[f * this.stride8 + U8.HAS_ALIAS] = value; }

  /** 1 while the owner holds deploys/rebuilds after a rollback (pin, alias redirect or previous image). */
  held(f: number): number { return this.u8[f * this.stride8 + U8.HELD]!; }
  setHeld(f: number, value: number): void { this.u8[f * this.stride8 + U8.HELD] = value; }

  /** Cause of the pending move (HOW_*). */
  pendingHow(f: number): number { return this.u8[f * this.stride8 + U8.PENDING_HOW]!; }
  setPendingHow(f: number, value: number): void { this.u8[f * this.stride8 + U8.PENDING_HOW] = value; }

  /** Cause of the last move (HOW_*). */
  lastHow(f: number): number { return this.u8[f * this.stride8 + U8.LAST_HOW]!; }
  setLastHow(f: number, value: number): void { this.u8[f * this.stride8 + U8.LAST_HOW] = value; }

  /** Start of the slot's open stale interval, ms; NaN when not stale. `i`: slotIndex(f, slot). */
  slotStaleSinceMs(i: number): number { return this.f64[(i >>> SlotIndex.BITS) * this.stride64 + this.slotStaleSince64 + (i & SlotIndex.MASK)]!; }
  setSlotStaleSinceMs(i: number, value: number): void { this.f64[(i >>> SlotIndex.BITS) * this.stride64 + this.slotStaleSince64 + (i & SlotIndex.MASK)] = value; }

  /** Runtime version of the function version. `i`: slotIndex(f, slot). */
  slotVersion(i: number): number { return this.u16[(i >>> SlotIndex.BITS) * this.stride16 + this.slotVersion16 + (i & SlotIndex.MASK)]!; }
  setSlotVersion(i: number, value: number): void { this.u16[(i >>> SlotIndex.BITS) * this.stride16 + this.slotVersion16 + (i & SlotIndex.MASK)] = value; }

  /** Published version number (0 for `$LATEST`). `i`: slotIndex(f, slot). */
  slotNumber(i: number): number { return this.u16[(i >>> SlotIndex.BITS) * this.stride16 + this.slotNumber16 + (i & SlotIndex.MASK)]!; }
  setSlotNumber(i: number, value: number): void { this.u16[(i >>> SlotIndex.BITS) * this.stride16 + this.slotNumber16 + (i & SlotIndex.MASK)] = value; }

  /** Configured update mode of the function version. `i`: slotIndex(f, slot). */
  slotMode(i: number): number { return this.u8[(i >>> SlotIndex.BITS) * this.stride8 + this.slotMode8 + (i & SlotIndex.MASK)]!; }
  setSlotMode(i: number, value: number): void { this.u8[(i >>> SlotIndex.BITS) * this.stride8 + this.slotMode8 + (i & SlotIndex.MASK)] = value; }

  /** 1 while pinned for a rollback (Manual with the runtime version's ARN). `i`: slotIndex(f, slot). */
  slotPinned(i: number): number { return this.u8[(i >>> SlotIndex.BITS) * this.stride8 + this.slotPinned8 + (i & SlotIndex.MASK)]!; }
  setSlotPinned(i: number, value: number): void { this.u8[(i >>> SlotIndex.BITS) * this.stride8 + this.slotPinned8 + (i & SlotIndex.MASK)] = value; }
}
