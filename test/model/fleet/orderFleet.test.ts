/**
 * Numbering the initial fleet by (region, runtime, package type): a stable counting sort, and
 * a permutation that carries every per-function and per-version-slot column with its function.
 */
import { describe, expect, it } from 'vitest';
import { FleetState } from '../../../src/model/fleet/fleetState.js';
import { slotIndex } from '../../../src/model/fleet/functionVersions.js';
import { groupOrder, permuteFleet } from '../../../src/model/fleet/orderFleet.js';

function fleetOf(rows: readonly (readonly [region: number, runtime: number, packageType: number])[]): FleetState {
  const fleet = new FleetState(rows.length, 2);
  rows.forEach(([region, runtime, packageType]) => {
    const f = fleet.add();
    fleet.setRegion(f, region);
    fleet.setRuntime(f, runtime);
    fleet.setPackageType(f, packageType);
    fleet.setInvocationsPerDay(f, 100 + f);
    for (let s = 0; s < fleet.versionSlots; s++) fleet.setSlotNumber(slotIndex(f, s), 10 * f + s);
  });
  return fleet;
}

describe('groupOrder', () => {
  it('orders by region, then runtime, then package type, keeping draw order within a group', () => {
    const fleet = fleetOf([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 0, 0], [0, 1, 0]]);
    expect([...groupOrder(fleet, 6, 2, 2)]).toEqual([4, 2, 1, 5, 0, 3]);
  });
});

describe('permuteFleet', () => {
  it('moves each function with its columns and its version slots', () => {
    const fleet = fleetOf([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    const order = groupOrder(fleet, 3, 2, 2);
    permuteFleet(fleet, order);
    const ids = [0, 1, 2];
    expect(ids.map((f) => fleet.region(f))).toEqual([0, 0, 1]);
    expect(ids.map((f) => fleet.runtime(f))).toEqual([0, 1, 0]);
    expect(ids.map((f) => fleet.invocationsPerDay(f))).toEqual([102, 101, 100]);
    const k = fleet.versionSlots;
    expect(ids.flatMap((f) => Array.from({ length: k }, (_, s) => fleet.slotNumber(slotIndex(f, s))))).toEqual([20, 21, 22, 10, 11, 12, 0, 1, 2]);
    // Fields set by add() travel too.
    expect(Number.isNaN(fleet.staleSinceMs(0))).toBe(true);
    expect(fleet.previousVersion(2)).toBe(0xffff);
  });
});
