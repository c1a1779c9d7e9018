import { describe, expect, it } from 'vitest';
import { RadixBuckets } from '../../src/kernel/radixBuckets.js';
import { SLOT_SPACE, SlotTable, slotOf } from '../../src/kernel/slotTable.js';
import { createStream } from '../../src/kernel/random.js';

/** Takes every entry with time <= endMs, in order; returns their slots. */
function takeUntil(buckets: RadixBuckets, slots: SlotTable, endMs: number, out: number[], seqs: number[] = []): void {
  for (;;) {
    if (buckets.size[0] === 0 && !buckets.refill(endMs)) return;
    if (buckets.last > endMs) return;
    const o = buckets.headOffset();
    const kindSlot = buckets.arena.data[o + 1] as number;
    const targetGen = buckets.arena.data[o + 2] as number;
    seqs.push(buckets.arena.data[o + 3] as number);
    buckets.takeHead();
    slots.release(slotOf(kindSlot), Math.floor(targetGen / 2 ** 32));
    out.push(slotOf(kindSlot));
  }
}

describe('RadixBuckets', () => {
  it('gives entries back by time, then in the order added', () => {
    const slots = new SlotTable(16);
    const buckets = new RadixBuckets(16, slots);
    const s = createStream(1, 'radix', 0);
    const added: { time: number; slot: number }[] = [];
    for (let i = 0; i < 5000; i++) {
      const time = Math.floor(s.next() * 3000) * 1_000_003; // few distinct times, spread over many digits
      const slot = slots.acquire();
      buckets.add(time, 7 * SLOT_SPACE + slot, 0, 1000 + i);
      added.push({ time, slot });
    }
    const out: number[] = [];
    const seqs: number[] = [];
    takeUntil(buckets, slots, Number.MAX_SAFE_INTEGER, out, seqs);
    const order = added.map((e, i) => ({ ...e, i })).sort((a, b) => a.time - b.time || a.i - b.i);
    expect(out).toEqual(order.map((e) => e.slot));
    // Each entry's sequence number travels with it through every pour.
    expect(seqs).toEqual(order.map((e) => 1000 + e.i));
  });

  it('keeps memory proportional to what it holds over a long hold run', () => {
    const slots = new SlotTable(16);
    const buckets = new RadixBuckets(16, slots);
    const s = createStream(2, 'radix', 0);
    const pending = 10_000;
    for (let i = 0; i < pending; i++) buckets.add(Math.floor(s.next() * 3_600_000), slots.acquire(), 0, i);
    let now = 0;
    const taken: number[] = [];
    let peak = 0;
    for (let round = 0; round < 200; round++) {
      now += 36_000;
      taken.length = 0;
      takeUntil(buckets, slots, now, taken);
      for (let i = 0; i < taken.length; i++) buckets.add(now + 1 + Math.floor(s.next() * 3_600_000), slots.acquire(), 0, i);
      peak = Math.max(peak, buckets.arena.byteLength);
    }
    // 10,000 entries of 32 bytes are 320 kB; allow partly filled blocks and the arena's doubling.
    expect(peak).toBeLessThan(2_000_000);
  });
});
