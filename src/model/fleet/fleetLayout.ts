/**
 * Where each field of a function lives in its fleet record (fleetState.ts). One record per
 * function, `stride` bytes, holds every per-function field and its function-version slots,
 * so that a move (a random function, issue 13) reads and writes one or two cache lines
 * instead of one line per field. Offsets are in units of the view that reads the field:
 * Float64 fields first, then Float32, Uint16 and Uint8, then the slots.
 *
 * Function part (72 bytes):
 *   Float64  staleSinceMs, pendingTimerSeq, pendingAtMs, createdMs, versionSinceMs
 *   Float32  changeRatePerMs, invocationsPerDay
 *   Uint16   version, previousVersion, highestRank, nextNumber, qualifier0
 *   Uint8    publishedCount, aliasSlot, waitingChange, architecture0, region, architecture,
 *            runtime, packageType, mode, configuredMode, hasAlias, held, pendingHow, lastHow
 * Slot part (14 bytes per version slot, `versionSlots = retain + 1` slots, field by field):
 *   Float64 stale-since × slots, Uint16 runtime version × slots, Uint16 number × slots,
 *   Uint8 configured mode × slots, Uint8 pinned × slots.
 * The record is padded to a multiple of 8 bytes: 128 bytes (two cache lines) at the default
 * `retain: 3`.
 */

/*
 * The offsets are const enums, so that the compiler writes them into the accessors as
 * literals: an imported constant costs each accessor a module-variable load and a hole check,
 * which made the setters too big for V8 to inline for free (30 bytes of bytecode against its
 * limit of 27; 24 now) and the slot accessors bigger (50 bytes; 39 now), so that they used up
 * the inlining budget of the model's hot functions (docs/performance.md, "Where the time
 * goes", "Inlining").
 */
/** Float64 fields: index within the record's Float64 words. */
export const enum F64 {
  STALE_SINCE = 0,
  PENDING_TIMER_SEQ = 1,
  PENDING_AT = 2,
  CREATED = 3,
  VERSION_SINCE = 4,
}
/** Float32 fields: index within the record's Float32 words (byte 40 on). */
export const enum F32 {
  CHANGE_RATE = 10,
  INVOCATIONS = 11,
}
/** Uint16 fields: index within the record's Uint16 words (byte 48 on). */
export const enum U16 {
  VERSION = 24,
  PREVIOUS_VERSION = 25,
  HIGHEST_RANK = 26,
  NEXT_NUMBER = 27,
  QUALIFIER0 = 28,
}
/** Uint8 fields: byte within the record (byte 58 on). */
export const enum U8 {
  PUBLISHED_COUNT = 58,
  ALIAS_SLOT = 59,
  WAITING_CHANGE = 60,
  ARCHITECTURE0 = 61,
  REGION = 62,
  ARCHITECTURE = 63,
  RUNTIME = 64,
  PACKAGE_TYPE = 65,
  MODE = 66,
  CONFIGURED_MODE = 67,
  HAS_ALIAS = 68,
  HELD = 69,
  PENDING_HOW = 70,
  LAST_HOW = 71,
}

/** Bytes of the function part; the slots follow. */
export const FUNCTION_PART_BYTES = 72;
/** Bytes per version slot: Float64 stale-since, Uint16 runtime version, Uint16 number, Uint8 mode, Uint8 pinned. */
export const SLOT_BYTES = 14;

/**
 * A slot is named by one integer, `f × SlotIndex.SPAN + slot` (slotIndex in
 * functionVersions.ts), so that the function and the slot come back with a shift and a mask.
 * `retain` is at most 16, so 17 slots fit.
 */
export const enum SlotIndex {
  BITS = 5,
  SPAN = 1 << BITS,
  MASK = SPAN - 1,
}

export interface RecordLayout {
  /** Bytes per record (a multiple of 8). */
  readonly stride: number;
  /** Offsets of the slot fields, in units of their view, from the record's start. */
  readonly slotStaleSince64: number;
  readonly slotVersion16: number;
  readonly slotNumber16: number;
  readonly slotMode8: number;
  readonly slotPinned8: number;
}

export function recordLayout(versionSlots: number): RecordLayout {
  if (!(Number.isInteger(versionSlots) && versionSlots >= 1 && versionSlots <= SlotIndex.SPAN)) {
    throw new RangeError(`fleet: ${versionSlots} version slots per function; 1 to ${SlotIndex.SPAN} fit a record`);
  }
  const k = versionSlots;
  const base = FUNCTION_PART_BYTES;
  return {
    stride: Math.ceil((base + SLOT_BYTES * k) / 8) * 8,
    slotStaleSince64: base / 8,
    slotVersion16: (base + 8 * k) / 2,
    slotNumber16: (base + 10 * k) / 2,
    slotMode8: base + 12 * k,
    slotPinned8: base + 13 * k,
  };
}
