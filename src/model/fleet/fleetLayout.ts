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

/** Float64 fields: index within the record's Float64 words. */
export const F64_STALE_SINCE = 0;
export const F64_PENDING_TIMER_SEQ = 1;
export const F64_PENDING_AT = 2;
export const F64_CREATED = 3;
export const F64_VERSION_SINCE = 4;
/** Float32 fields: index within the record's Float32 words (byte 40 on). */
export const F32_CHANGE_RATE = 10;
export const F32_INVOCATIONS = 11;
/** Uint16 fields: index within the record's Uint16 words (byte 48 on). */
export const U16_VERSION = 24;
export const U16_PREVIOUS_VERSION = 25;
export const U16_HIGHEST_RANK = 26;
export const U16_NEXT_NUMBER = 27;
export const U16_QUALIFIER0 = 28;
/** Uint8 fields: byte within the record (byte 58 on). */
export const U8_PUBLISHED_COUNT = 58;
export const U8_ALIAS_SLOT = 59;
export const U8_WAITING_CHANGE = 60;
export const U8_ARCHITECTURE0 = 61;
export const U8_REGION = 62;
export const U8_ARCHITECTURE = 63;
export const U8_RUNTIME = 64;
export const U8_PACKAGE_TYPE = 65;
export const U8_MODE = 66;
export const U8_CONFIGURED_MODE = 67;
export const U8_HAS_ALIAS = 68;
export const U8_HELD = 69;
export const U8_PENDING_HOW = 70;
export const U8_LAST_HOW = 71;

/** Bytes of the function part; the slots follow. */
export const FUNCTION_PART_BYTES = 72;
/** Bytes per version slot: Float64 stale-since, Uint16 runtime version, Uint16 number, Uint8 mode, Uint8 pinned. */
export const SLOT_BYTES = 14;

/**
 * A slot is named by one integer, `f × SLOT_INDEX_SPAN + slot` (slotIndex in
 * functionVersions.ts), so that the function and the slot come back with a shift and a mask.
 * `retain` is at most 16, so 17 slots fit.
 */
export const SLOT_INDEX_BITS = 5;
export const SLOT_INDEX_SPAN = 1 << SLOT_INDEX_BITS;
export const SLOT_INDEX_MASK = SLOT_INDEX_SPAN - 1;

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
  if (!(Number.isInteger(versionSlots) && versionSlots >= 1 && versionSlots <= SLOT_INDEX_SPAN)) {
    throw new RangeError(`fleet: ${versionSlots} version slots per function; 1 to ${SLOT_INDEX_SPAN} fit a record`);
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
