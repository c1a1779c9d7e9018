/**
 * The functions drawn at time 0 are numbered by (region, runtime, package type), in draw order
 * within each group, so that a publication in one region (R10) walks its bucket's functions
 * in memory order, and the phase-2 moves of one window (R8), random in time, stay within one
 * contiguous block of every per-function array: a working set that fits in the cache instead
 * of a cache miss per field per move.
 *
 * The fleet is the same: every attribute stream is drawn in draw order, as before; only the
 * ids change. Keyed draws are keyed by id, so a function's later draws change with its id
 * (common random numbers between scenarios still hold: the same fleet gets the same ids).
 * An imported inventory keeps its file order (function id = position in the file).
 */
import { PACKAGE_TYPES } from '../catalog/architectures.js';
import type { ReplicationContext } from '../context.js';
import { registerFunction } from './create.js';
import { drawFunction } from './drawFunction.js';
import { HOW_INITIAL, type FleetState } from './fleetState.js';
import { placeInventory } from './placeInventory.js';

/** Stable order of ids 0…n−1 by (region, runtime, package type): a counting sort. */
export function groupOrder(fleet: FleetState, n: number, runtimeCount: number, packageTypes: number): Int32Array {
  const keys = new Int32Array(n);
  let keyCount = 0;
  for (let f = 0; f < n; f++) {
    const key = (fleet.region(f) * runtimeCount + fleet.runtime(f)) * packageTypes + fleet.packageType(f);
    keys[f] = key;
    if (key + 1 > keyCount) keyCount = key + 1;
  }
  const starts = new Int32Array(keyCount + 1);
  for (let f = 0; f < n; f++) starts[keys[f]! + 1]!++;
  for (let k = 0; k < keyCount; k++) starts[k + 1]! += starts[k]!;
  const order = new Int32Array(n);
  for (let f = 0; f < n; f++) order[starts[keys[f]!]!++] = f;
  return order;
}

/**
 * Renumbers the first `order.length` functions: new id `i` gets what id `order[i]` held, its
 * whole record (every field and every version slot). Functions added later keep their ids.
 */
export function permuteFleet(fleet: FleetState, order: Int32Array): void {
  fleet.permute(order);
}

/** The fleet at time 0: the inventory in file order, or `fleet.functions` drawn and numbered by group. */
export function placeInitialFleet(ctx: ReplicationContext): void {
  const { fleet } = ctx;
  const spec = ctx.scenario.fleet;
  if (spec.inventory !== undefined) return placeInventory(ctx, spec.inventory);
  for (let i = 0; i < spec.functions; i++) drawFunction(fleet, ctx.sampler, ctx.draws, 0);
  permuteFleet(fleet, groupOrder(fleet, spec.functions, ctx.runtimeCount, PACKAGE_TYPES.length));
  for (let f = 0; f < spec.functions; f++) {
    registerFunction(ctx, f, 0);
    fleet.setLastHow(f, HOW_INITIAL);
  }
}
