/**
 * Function versions of one function (R7, R12, R14), in the fleet's version slots: slot 0 is
 * `$LATEST`, slots 1…publishedCount the kept published versions, oldest first; `aliasSlot`
 * names the version the alias serves (0: no alias, `$LATEST` serves). Pure operations on the
 * fleet's columns; the model books measures around them (rollout/functionVersionOps.ts).
 *
 * `setFunctionVersions` builds a function's versions from data (an inventory, or the draws at
 * time 0): `$LATEST` plus N kept published versions, each with its own runtime version,
 * configured mode and pin, and an alias pointing at one of them by its number.
 */
import { SlotIndex } from './fleetLayout.js';
import { MODE_AUTO, MODE_MANUAL, SLOT_LATEST, type FleetState } from './fleetState.js';

/** One function version, as data. `pinned`: a rollback pin (Manual with the runtime version's ARN). */
export interface FunctionVersionData {
  /** Runtime version id (version table). */
  readonly version: number;
  /** Configured update mode (MODE_*). */
  readonly mode: number;
  readonly pinned: boolean;
}

export interface PublishedVersionData extends FunctionVersionData {
  /** Lambda's version number, ≥ 1. */
  readonly number: number;
}

export interface FunctionVersionsData {
  readonly latest: FunctionVersionData;
  /** Kept published versions, oldest first; at most `versionSlots − 1`, numbers increasing. */
  readonly published: readonly PublishedVersionData[];
  /** Number of the published version the alias points to, or null (no alias: `$LATEST` serves). */
  readonly aliasNumber: number | null;
}

/** Flat index of slot `slot` of function `f`. */
export function slotIndex(f: number, slot: number): number {
  return f * SlotIndex.SPAN + slot;
}

/** Effective mode of a slot: Manual while pinned, else its configured mode. */
export function effectiveMode(fleet: FleetState, i: number): number {
  return fleet.slotPinned(i) === 1 ? MODE_MANUAL : fleet.slotMode(i);
}

/** Sets the serving mirrors (`version`, `mode`) from the serving slot. */
export function mirrorLive(fleet: FleetState, f: number): void {
  const i = slotIndex(f, fleet.aliasSlot(f));
  fleet.setVersion(f, fleet.slotVersion(i));
  fleet.setMode(f, effectiveMode(fleet, i));
}

/** Writes function `f`'s versions from data (time 0, or an inventory). Throws on data that Lambda could not hold. */
export function setFunctionVersions(fleet: FleetState, f: number, data: FunctionVersionsData): void {
  const kept = data.published.length;
  if (kept > fleet.versionSlots - 1) throw new RangeError(`function ${f}: ${kept} published versions, but only ${fleet.versionSlots - 1} are kept`);
  const base = slotIndex(f, 0);
  fleet.setSlotVersion(base, data.latest.version);
  fleet.setSlotMode(base, data.latest.mode);
  fleet.setSlotPinned(base, data.latest.pinned ? 1 : 0);
  fleet.setSlotNumber(base, 0);
  let last = 0;
  let alias = SLOT_LATEST;
  data.published.forEach((p, k) => {
    if (!(Number.isInteger(p.number) && p.number > last && p.number <= 0xfffe)) throw new RangeError(`function ${f}: published version numbers must increase from 1, got ${p.number}`);
    last = p.number;
    const i = base + 1 + k;
    fleet.setSlotVersion(i, p.version);
    fleet.setSlotMode(i, p.mode);
    fleet.setSlotPinned(i, p.pinned ? 1 : 0);
    fleet.setSlotNumber(i, p.number);
    if (p.number === data.aliasNumber) alias = 1 + k;
  });
  if (data.aliasNumber !== null && alias === SLOT_LATEST) throw new RangeError(`function ${f}: the alias points to version ${data.aliasNumber}, which is not kept`);
  fleet.setPublishedCount(f, kept);
  fleet.setAliasSlot(f, alias);
  fleet.setHasAlias(f, data.aliasNumber === null ? 0 : 1);
  fleet.setNextNumber(f, last + 1);
  mirrorLive(fleet, f);
}

/**
 * Makes room for one more published version: when all slots are taken, the oldest version
 * the alias does not point to is deleted (Lambda refuses to delete a version an alias uses).
 * With one slot (`retain: 1`) that is the alias's own version, deleted as the alias moves to
 * the new one. Returns the flat index of the slot to delete (its booking is the caller's), or -1.
 */
export function dropOldestPublished(fleet: FleetState, f: number): number {
  const count = fleet.publishedCount(f);
  if (count < fleet.versionSlots - 1) return -1;
  const base = slotIndex(f, 0);
  const victim = fleet.aliasSlot(f) === 1 && count > 1 ? 2 : 1;
  return base + victim;
}

/** Removes slot `victim` (flat index) and shifts the later published slots down by one. */
export function removePublishedSlot(fleet: FleetState, f: number, victim: number): void {
  const base = slotIndex(f, 0);
  const end = base + fleet.publishedCount(f);
  for (let i = victim; i < end; i++) {
    fleet.setSlotVersion(i, fleet.slotVersion(i + 1));
    fleet.setSlotMode(i, fleet.slotMode(i + 1));
    fleet.setSlotPinned(i, fleet.slotPinned(i + 1));
    fleet.setSlotNumber(i, fleet.slotNumber(i + 1));
    fleet.setSlotStaleSinceMs(i, fleet.slotStaleSinceMs(i + 1));
  }
  fleet.setSlotStaleSinceMs(end, Number.NaN);
  fleet.setPublishedCount(f, fleet.publishedCount(f) - 1);
  if (fleet.aliasSlot(f) > victim - base) fleet.setAliasSlot(f, fleet.aliasSlot(f) - 1);
}

/** Appends a published snapshot of `$LATEST` (runtime version and mode, R14); returns its slot. */
export function appendSnapshot(fleet: FleetState, f: number): number {
  const base = slotIndex(f, 0);
  const slot = fleet.publishedCount(f) + 1;
  const i = base + slot;
  fleet.setSlotVersion(i, fleet.slotVersion(base));
  fleet.setSlotMode(i, fleet.slotMode(base));
  fleet.setSlotPinned(i, 0);
  fleet.setSlotNumber(i, fleet.nextNumber(f));
  fleet.setSlotStaleSinceMs(i, Number.NaN);
  fleet.setNextNumber(f, Math.min(0xfffe, fleet.nextNumber(f) + 1));
  fleet.setPublishedCount(f, slot);
  return slot;
}

/**
 * The versions of a drawn function, without building data objects: `$LATEST` on `version` in
 * `mode`, and, with an alias, `published` versions numbered 1…published, all snapshots of it,
 * the alias on the newest.
 */
export function initDrawnVersions(fleet: FleetState, f: number, version: number, mode: number, published: number): void {
  const base = slotIndex(f, 0);
  for (let s = 0; s <= published; s++) {
    fleet.setSlotVersion(base + s, version);
    fleet.setSlotMode(base + s, mode);
    fleet.setSlotPinned(base + s, 0);
    fleet.setSlotNumber(base + s, s);
  }
  fleet.setPublishedCount(f, published);
  fleet.setAliasSlot(f, published);
  fleet.setHasAlias(f, published > 0 ? 1 : 0);
  fleet.setNextNumber(f, published + 1);
  mirrorLive(fleet, f);
}

/** staleSlots bits: `$LATEST` is stale; the serving version is stale; some effectively Auto version is stale. */
export const STALE_LATEST = 1;
export const STALE_SERVING = 2;
export const STALE_AUTO = 4;

/** Which of `f`'s kept versions are not on `latest` (its latest secure version), as STALE_* bits; 0: none. */
export function staleSlots(fleet: FleetState, f: number, latest: number): number {
  const base = slotIndex(f, 0);
  const end = base + fleet.publishedCount(f);
  const serving = base + fleet.aliasSlot(f);
  let bits = 0;
  for (let i = base; i <= end; i++) {
    if (fleet.slotVersion(i) === latest) continue;
    if (i === base) bits |= STALE_LATEST;
    if (i === serving) bits |= STALE_SERVING;
    if (fleet.slotPinned(i) === 0 && fleet.slotMode(i) === MODE_AUTO) bits |= STALE_AUTO;
  }
  return bits;
}

/** Runtime version of the first kept version of `f` that is effectively Auto and not on `latest`, or -1. */
export function staleAutoVersion(fleet: FleetState, f: number, latest: number): number {
  const base = slotIndex(f, 0);
  const end = base + fleet.publishedCount(f);
  for (let i = base; i <= end; i++) {
    if (fleet.slotVersion(i) !== latest && fleet.slotPinned(i) === 0 && fleet.slotMode(i) === MODE_AUTO) return fleet.slotVersion(i);
  }
  return -1;
}
