/**
 * The fleet's records (fleetLayout.ts, fleetState.ts): every field of a function and of each of
 * its version slots has bytes of its own inside the record, for every `retain` a scenario allows
 * (1 to 16), and a value written to one field is read back from it and from no other, across
 * functions, after the buffer grows, and after a permutation.
 */
import { describe, expect, it } from 'vitest';
import * as layout from '../../../src/model/fleet/fleetLayout.js';
import { FleetState, fleetBytesPerFunction } from '../../../src/model/fleet/fleetState.js';
import { slotIndex } from '../../../src/model/fleet/functionVersions.js';

const BYTES: Record<string, number> = { F64: 8, F32: 4, U16: 2, U8: 1 };

/**
 * [first byte, bytes] of every function field, from the exported offsets. They are const enums:
 * the build writes them in as literals, and vitest's transform keeps them as objects (with
 * reverse mappings, skipped here), which is how they are read.
 */
function functionFieldBytes(): [string, number, number][] {
  const enums = layout as unknown as Record<string, Record<string, string | number>>;
  return Object.keys(BYTES).flatMap((view) => Object.entries(enums[view]!)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([name, offset]): [string, number, number] => [`${view}.${name}`, offset * BYTES[view]!, BYTES[view]!]));
}

const FUNCTION_FIELDS = ['staleSinceMs', 'pendingTimerSeq', 'pendingAtMs', 'createdMs', 'versionSinceMs', 'changeRatePerMs', 'invocationsPerDay',
  'version', 'previousVersion', 'highestRank', 'nextNumber', 'qualifier0', 'publishedCount', 'aliasSlot', 'waitingChange', 'architecture0',
  'region', 'architecture', 'runtime', 'packageType', 'mode', 'configuredMode', 'hasAlias', 'held', 'pendingHow', 'lastHow'] as const;
const SLOT_FIELDS = ['slotStaleSinceMs', 'slotVersion', 'slotNumber', 'slotMode', 'slotPinned'] as const;

type Accessors = Record<string, (i: number, value?: number) => number>;
const get = (fleet: FleetState, field: string, i: number): number => (fleet as unknown as Accessors)[field]!.call(fleet, i);
const set = (fleet: FleetState, field: string, i: number, value: number): void => {
  (fleet as unknown as Accessors)[`set${field[0]!.toUpperCase()}${field.slice(1)}`]!.call(fleet, i, value);
};
/** A value the field can hold exactly, different for each (field, function, slot). */
const valueFor = (field: number, f: number, s = 0): number => 1 + ((field * 31 + f * 7 + s * 3) % 200);

describe('fleet record layout', () => {
  it('gives each function field bytes of its own inside the 72-byte function part', () => {
    const fields = functionFieldBytes();
    expect(fields).toHaveLength(FUNCTION_FIELDS.length);
    const owner = new Array<string>(layout.FUNCTION_PART_BYTES).fill('');
    for (const [name, start, width] of fields) {
      expect(start % width).toBe(0); // aligned for its view
      for (let b = start; b < start + width; b++) {
        expect(b).toBeLessThan(layout.FUNCTION_PART_BYTES);
        expect(owner[b], `${name} overlaps ${owner[b]}`).toBe('');
        owner[b] = name;
      }
    }
    expect(owner.every((o) => o !== '')).toBe(true);
  });

  it('fits every slot field after the function part, for 1 to 16 kept published versions', () => {
    for (let retain = 1; retain <= 16; retain++) {
      const k = retain + 1;
      const l = layout.recordLayout(k);
      const spans: [number, number][] = [
        [l.slotStaleSince64 * 8, 8 * k], [l.slotVersion16 * 2, 2 * k], [l.slotNumber16 * 2, 2 * k], [l.slotMode8, k], [l.slotPinned8, k],
      ];
      let end = layout.FUNCTION_PART_BYTES;
      for (const [start, bytes] of spans) {
        expect(start).toBe(end); // packed, no overlap
        end = start + bytes;
      }
      expect(l.stride).toBeGreaterThanOrEqual(end);
      expect(l.stride % 8).toBe(0);
      expect(fleetBytesPerFunction(retain)).toBe(l.stride);
    }
    expect(fleetBytesPerFunction(3)).toBe(128); // two cache lines at the default
  });
});

describe('FleetState', () => {
  for (const retain of [1, 3, 16]) {
    it(`reads back what each field of each function and slot was given (retain ${retain}), through growth and a permutation`, () => {
      const fleet = new FleetState(2, retain); // capacity 16: grows twice below
      const n = 40;
      for (let f = 0; f < n; f++) {
        expect(fleet.add()).toBe(f);
        FUNCTION_FIELDS.forEach((field, k) => set(fleet, field, f, valueFor(k, f)));
        for (let s = 0; s < fleet.versionSlots; s++) SLOT_FIELDS.forEach((field, k) => set(fleet, field, slotIndex(f, s), valueFor(100 + k, f, s)));
      }
      const check = (id: (f: number) => number): void => {
        for (let f = 0; f < n; f++) {
          FUNCTION_FIELDS.forEach((field, k) => expect(get(fleet, field, id(f)), `${field} of ${f}`).toBe(valueFor(k, f)));
          for (let s = 0; s < fleet.versionSlots; s++) {
            SLOT_FIELDS.forEach((field, k) => expect(get(fleet, field, slotIndex(id(f), s)), `${field} of ${f}/${s}`).toBe(valueFor(100 + k, f, s)));
          }
        }
      };
      check((f) => f);
      const order = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
      fleet.permute(order);
      check((f) => n - 1 - f);
    });
  }

  it('starts a function not stale, with no pending move and no previous version', () => {
    const fleet = new FleetState(4, 3);
    const f = fleet.add();
    expect(fleet.staleSinceMs(f)).toBeNaN();
    expect(fleet.pendingAtMs(f)).toBe(Number.POSITIVE_INFINITY);
    expect(fleet.pendingTimerSeq(f)).toBe(-1);
    expect(fleet.previousVersion(f)).toBe(0xffff);
    for (let s = 0; s < fleet.versionSlots; s++) expect(fleet.slotStaleSinceMs(slotIndex(f, s))).toBeNaN();
    expect(fleet.version(f)).toBe(0);
  });

  it('copies one field out as a column', () => {
    const fleet = new FleetState(4, 3);
    for (let f = 0; f < 3; f++) fleet.setRegion(fleet.add(), 10 + f);
    expect([...fleet.u8Column(layout.U8.REGION, 3)]).toEqual([10, 11, 12]);
  });
});
