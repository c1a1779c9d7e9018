/**
 * Due sets (kernel/dueSets.ts): each window gives back the distinct ids filed under it, in
 * ascending order, once. Checked against a plain Set per window.
 */
import { describe, expect, it } from 'vitest';
import { DueSets } from '../../src/kernel/dueSets.js';
import { createStream } from '../../src/kernel/random.js';

describe('DueSets', () => {
  it('gives each window its distinct ids in ascending order, whatever the filing order and repeats', () => {
    const stream = createStream(7, 'dueSets.test', 0);
    const windows = 12;
    const due = new DueSets(windows);
    const reference = Array.from({ length: windows }, () => new Set<number>());
    for (let i = 0; i < 50_000; i++) {
      const window = Math.floor(stream.next() * windows);
      // Ids spread over five orders of magnitude, so the bitmap grows more than once.
      const id = Math.floor(stream.next() ** 3 * 3_000_000);
      due.add(window, id);
      reference[window]!.add(id);
    }
    for (let w = 0; w < windows; w++) {
      const got: number[] = [];
      due.take(w, (id) => got.push(id));
      expect(got).toEqual([...reference[w]!].sort((a, b) => a - b));
      const again: number[] = [];
      due.take(w, (id) => again.push(id));
      expect(again).toEqual([]);
    }
  });

  it('keeps ids filed during a take under its own window for later, and under later windows as usual', () => {
    const due = new DueSets(3);
    for (const id of [40, 3, 40, 7]) due.add(0, id);
    const seen: number[] = [];
    due.take(0, (id) => {
      seen.push(id);
      if (id === 3) due.add(0, 99); // not visited in this take
      if (id === 7) due.add(1, 5);
    });
    expect(seen).toEqual([3, 7, 40]);
    expect(due.filed(0)).toBe(1);
    const later: number[] = [];
    due.take(0, (id) => later.push(id));
    due.take(1, (id) => later.push(id));
    expect(later).toEqual([99, 5]);
  });

  it('refuses a window out of range', () => {
    const due = new DueSets(2);
    expect(() => due.add(2, 1)).toThrow(RangeError);
    expect(() => due.take(-1, () => undefined)).toThrow(RangeError);
    expect(() => new DueSets(0)).toThrow(RangeError);
  });
});
