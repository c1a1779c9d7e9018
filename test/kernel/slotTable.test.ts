import { describe, expect, it } from 'vitest';
import { SLOT_SPACE, SlotTable, slotOf } from '../../src/kernel/slotTable.js';

/** Acquires a slot and returns [slot, handle, genHigh]. */
function acquire(t: SlotTable): [number, number, number] {
  const slot = t.acquire();
  return [slot, t.handleOf(slot, t.acquiredGenHigh), t.acquiredGenHigh];
}

describe('slotOf', () => {
  it('takes the slot out of y * 2^26 + slot for y up to 2^27', () => {
    for (const y of [0, 1, 63, 64, 65535, 2 ** 27 - 1]) {
      for (const slot of [0, 1, 12345, SLOT_SPACE - 1]) expect(slotOf(y * SLOT_SPACE + slot)).toBe(slot);
    }
  });
});

describe('SlotTable', () => {
  it('reuses a freed slot under a new handle, and no earlier handle of it ever matches again', () => {
    const t = new SlotTable(1);
    const old: number[] = [];
    for (let round = 0; round < 300; round++) {
      // 300 reuses cross the 64-generation boundary of the state byte several times.
      const [slot, handle, genHigh] = acquire(t);
      expect(slot).toBe(0);
      expect(old).not.toContain(handle);
      for (const h of old) expect(t.cancel(h)).toBe(false);
      if (round % 2 === 0) {
        expect(t.cancel(handle)).toBe(true);
        expect(t.cancel(handle)).toBe(false);
        expect(t.release(slot, genHigh)).toBe(false); // it had been cancelled
      } else {
        expect(t.release(slot, genHigh)).toBe(true); // it was pending: it runs
        expect(t.cancel(handle)).toBe(false);
      }
      old.push(handle);
    }
    expect(t.pending).toBe(0);
    expect(t.cancelled).toBe(0);
  });

  it('keeps pending and cancelled counts', () => {
    const t = new SlotTable(2);
    const a = acquire(t);
    const b = acquire(t);
    acquire(t);
    expect(t.pending).toBe(3);
    t.cancel(a[1]);
    expect([t.pending, t.cancelled]).toEqual([2, 1]);
    t.release(a[0], a[2]);
    t.release(b[0], b[2]);
    expect([t.pending, t.cancelled]).toEqual([1, 0]);
  });

  it('ignores handles of slots never handed out', () => {
    const t = new SlotTable(4);
    acquire(t);
    expect(t.cancel(5)).toBe(false);
    expect(t.cancel(SLOT_SPACE * 3 + 1)).toBe(false);
  });

  it('retires a slot whose 2^27 generations are used up instead of reusing it', () => {
    const t = new SlotTable(1);
    let [slot, first, genHigh] = acquire(t);
    for (let i = 1; i < 2 ** 27; i++) {
      t.release(slot, genHigh);
      slot = t.acquire();
      genHigh = t.acquiredGenHigh;
    }
    expect(slot).toBe(0);
    const last = t.handleOf(slot, genHigh);
    expect(last).toBe((2 ** 27 - 1) * SLOT_SPACE); // the largest handle slot 0 can have, < 2^53
    expect(Number.isSafeInteger(last)).toBe(true);
    t.release(slot, genHigh);
    const [next] = acquire(t);
    expect(next).toBe(1); // slot 0 is retired
    expect(t.cancel(first)).toBe(false);
    expect(t.cancel(last)).toBe(false);
  });
});
