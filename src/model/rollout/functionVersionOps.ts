/**
 * Changes to a function's versions (fleet slots, R7, R12, R14) with their bookkeeping: the
 * per-version stale meter, and, when the serving version is touched, the live mirrors through
 * switchVersion/setMode (groups, staleness, exposure, patches, trace).
 */
import type { ReplicationContext } from '../context.js';
import { appendSnapshot, dropOldestPublished, effectiveMode, removePublishedSlot, slotIndex } from '../fleet/functionVersions.js';
import { isStaleOn, latestFor, setMode, switchVersion } from './switchVersion.js';

/** Re-reads the serving slot into the live mirrors. */
export function syncLive(ctx: ReplicationContext, f: number, atMs: number, action: number, cause: number, gradual: boolean): void {
  const fleet = ctx.fleet;
  const i = slotIndex(f, fleet.aliasSlot(f));
  setMode(ctx, f, effectiveMode(fleet, i), atMs);
  switchVersion(ctx, f, fleet.slotVersion(i), atMs, action, cause, gradual);
}

/** Sets the runtime version of slot `slot` (R7: what Lambda or the owner applied to that function version). */
export function setSlotVersion(
  ctx: ReplicationContext, f: number, slot: number, to: number, atMs: number, action: number, cause: number, gradual: boolean,
): void {
  const fleet = ctx.fleet;
  const i = slotIndex(f, slot);
  ctx.versionStaleness.refresh(i, atMs, isStaleOn(ctx, f, to));
  fleet.setSlotVersion(i, to);
  if (slot === fleet.aliasSlot(f)) syncLive(ctx, f, atMs, action, cause, gradual);
}

/** Pins (Manual with the slot's runtime version's ARN) or unpins slot `slot` (R12, R17). */
export function setSlotPinned(ctx: ReplicationContext, f: number, slot: number, pinned: boolean, atMs: number): void {
  const fleet = ctx.fleet;
  const i = slotIndex(f, slot);
  ctx.versionStaleness.refresh(i, atMs, isStaleOn(ctx, f, fleet.slotVersion(i)));
  fleet.setSlotPinned(i, pinned ? 1 : 0);
  if (slot === fleet.aliasSlot(f)) setMode(ctx, f, effectiveMode(fleet, i), atMs);
}

/** Sets slot `slot`'s configured mode (the owner's PutRuntimeManagementConfig, R17). */
export function setSlotMode(ctx: ReplicationContext, f: number, slot: number, mode: number, atMs: number): void {
  const fleet = ctx.fleet;
  const i = slotIndex(f, slot);
  ctx.versionStaleness.refresh(i, atMs, isStaleOn(ctx, f, fleet.slotVersion(i)));
  fleet.setSlotMode(i, mode);
  if (slot === fleet.aliasSlot(f)) setMode(ctx, f, effectiveMode(fleet, i), atMs);
}

/** Points the alias at `slot` (R14): new invocations go to that version at once. */
export function redirectAlias(ctx: ReplicationContext, f: number, slot: number, atMs: number, action: number, cause: number): void {
  ctx.fleet.setAliasSlot(f, slot);
  syncLive(ctx, f, atMs, action, cause, false);
}

/**
 * A deploy of an alias function (R14): publishes a snapshot of `$LATEST` (runtime version and
 * mode) and moves the alias to it; the oldest kept version the alias does not use is deleted
 * when all slots are taken.
 */
export function publishAndRedirect(ctx: ReplicationContext, f: number, atMs: number, action: number, cause: number): void {
  const fleet = ctx.fleet;
  const victim = dropOldestPublished(fleet, f);
  if (victim >= 0) {
    ctx.versionStaleness.refresh(victim, atMs, false);
    removePublishedSlot(fleet, f, victim);
  }
  const slot = appendSnapshot(fleet, f);
  const i = slotIndex(f, slot);
  ctx.versionStaleness.refresh(i, atMs, isStaleOn(ctx, f, fleet.slotVersion(i)));
  redirectAlias(ctx, f, slot, atMs, action, cause);
}

/** Re-evaluates every kept version's staleness after the latest secure version changed (to `latest`). */
export function refreshSlots(ctx: ReplicationContext, f: number, atMs: number, latest = latestFor(ctx, f)): void {
  const fleet = ctx.fleet;
  const base = slotIndex(f, 0);
  const end = base + fleet.publishedCount(f);
  for (let i = base; i <= end; i++) ctx.versionStaleness.refresh(i, atMs, fleet.slotVersion(i) !== latest);
}
