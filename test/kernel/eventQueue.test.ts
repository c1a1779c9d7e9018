import { describe, expect, it } from 'vitest';
import { EventQueue, type EventHandle } from '../../src/kernel/eventQueue.js';
import { createStream, type RandomStream } from '../../src/kernel/random.js';

interface Ran {
  kind: number;
  target: number;
  atMs: number;
}

function recorder(): { ran: Ran[]; dispatch: (kind: number, target: number, atMs: number) => void } {
  const ran: Ran[] = [];
  return { ran, dispatch: (kind, target, atMs) => ran.push({ kind, target, atMs }) };
}

function int(s: RandomStream, n: number): number {
  return Math.floor(s.next() * n);
}

/** The obvious O(n) queue the heap must agree with, event for event. */
class ReferenceQueue {
  nowMs = 0;
  private events: { atMs: number; seq: number; kind: number; target: number; live: boolean }[] = [];
  private seq = 0;
  schedule(atMs: number, kind: number, target: number): number {
    this.events.push({ atMs, seq: this.seq, kind, target, live: true });
    return this.seq++;
  }
  cancel(id: number): boolean {
    const e = this.events.find((x) => x.seq === id);
    if (!e || !e.live) return false;
    e.live = false;
    return true;
  }
  get pending(): number {
    return this.events.filter((e) => e.live).length;
  }
  peekMs(): number {
    return Math.min(Infinity, ...this.events.filter((e) => e.live).map((e) => e.atMs));
  }
  runUntil(endMs: number, dispatch: (kind: number, target: number, atMs: number) => void): number {
    let n = 0;
    for (;;) {
      let best: (typeof this.events)[number] | undefined;
      for (const e of this.events) {
        if (e.live && e.atMs <= endMs && (!best || e.atMs < best.atMs || (e.atMs === best.atMs && e.seq < best.seq))) best = e;
      }
      if (!best) break;
      best.live = false;
      this.nowMs = best.atMs;
      n++;
      dispatch(best.kind, best.target, best.atMs);
    }
    if (endMs > this.nowMs) this.nowMs = endMs;
    return n;
  }
}

describe('EventQueue ordering', () => {
  it('runs thousands of random events in (time, scheduling order) order', () => {
    const s = createStream(7, 'eventQueue.order', 0);
    const q = new EventQueue(4);
    const expected: Ran[] = [];
    for (let i = 0; i < 5000; i++) {
      const atMs = int(s, 300); // ~17 events per distinct time: many ties
      q.schedule(atMs, i % 65536, i);
      expected.push({ kind: i % 65536, target: i, atMs });
    }
    expected.sort((a, b) => a.atMs - b.atMs || a.target - b.target); // target = scheduling order
    const { ran, dispatch } = recorder();
    expect(q.runUntil(1000, dispatch)).toBe(5000);
    expect(ran).toEqual(expected);
    expect(q.pending).toBe(0);
    expect(q.peekMs()).toBe(Infinity);
  });

  it('runs events at one time strictly first-in first-out, also when scheduled from dispatch', () => {
    const q = new EventQueue();
    for (let i = 0; i < 100; i++) q.schedule(10, 0, i);
    const order: number[] = [];
    q.runUntil(10, (_k, target) => {
      order.push(target);
      if (target < 100) q.schedule(10, 0, target + 1000);
    });
    expect(order).toEqual([...Array.from({ length: 100 }, (_, i) => i), ...Array.from({ length: 100 }, (_, i) => i + 1000)]);
  });

  it('handles times beyond 2^32 ms exactly', () => {
    const q = new EventQueue();
    const twoYearsMs = 730 * 86_400_000; // 6.3e10
    q.schedule(twoYearsMs + 1, 1, 0);
    q.schedule(twoYearsMs, 2, 0);
    q.schedule(2 ** 40, 3, 0);
    const { ran, dispatch } = recorder();
    q.runUntil(2 ** 41, dispatch);
    expect(ran.map((r) => r.atMs)).toEqual([twoYearsMs, twoYearsMs + 1, 2 ** 40]);
    expect(q.nowMs).toBe(2 ** 41);
  });

  it('keeps FIFO order for equal times scheduled at different moments', () => {
    // Events for one time arrive from several "epochs" of the clock, and so
    // pass through different internal buckets before they run.
    const q = new EventQueue();
    const order: number[] = [];
    const dispatch = (_k: number, target: number): void => {
      order.push(target);
    };
    q.schedule(1 << 20, 0, 0);
    q.schedule(1000, 1, 1);
    q.runUntil(999, dispatch);
    q.schedule(1 << 20, 0, 2);
    q.runUntil(1000, dispatch); // runs target 1
    q.schedule(1 << 20, 0, 3);
    q.schedule((1 << 20) - 1, 1, 4);
    q.runUntil((1 << 20) - 1, dispatch); // runs target 4
    q.schedule(1 << 20, 0, 5);
    q.runUntil(1 << 21, (k, t, atMs) => {
      dispatch(k, t, atMs);
      if (t === 0) q.schedule(atMs, 0, 6); // same time, from inside dispatch: after all the others
    });
    expect(order).toEqual([1, 4, 0, 2, 3, 5, 6]);
  });
});

describe('EventQueue.runUntil', () => {
  it('runs an event exactly at endMs, not one after it, then sets nowMs to endMs', () => {
    const q = new EventQueue();
    q.schedule(100, 1, 0);
    q.schedule(101, 2, 0);
    const { ran, dispatch } = recorder();
    expect(q.runUntil(100, dispatch)).toBe(1);
    expect(ran).toEqual([{ kind: 1, target: 0, atMs: 100 }]);
    expect(q.nowMs).toBe(100);
    expect(q.pending).toBe(1);
    expect(q.peekMs()).toBe(101);
    expect(q.runUntil(250, dispatch)).toBe(1);
    expect(q.nowMs).toBe(250);
  });

  it('sets nowMs to each event time during dispatch and never moves time backwards', () => {
    const q = new EventQueue();
    q.schedule(5, 0, 0);
    q.schedule(9, 0, 0);
    const seen: number[] = [];
    q.runUntil(20, (_k, _t, atMs) => seen.push(atMs, q.nowMs));
    expect(seen).toEqual([5, 5, 9, 9]);
    expect(q.runUntil(10, () => undefined)).toBe(0);
    expect(q.nowMs).toBe(20);
  });

  it('runs events that dispatch schedules within the window, not beyond it', () => {
    const q = new EventQueue();
    q.schedule(0, 0, 0);
    const { ran, dispatch } = recorder();
    const n = q.runUntil(50, (kind, target, atMs) => {
      dispatch(kind, target, atMs);
      q.schedule(atMs + 10, 0, target + 1); // a chain: 0, 10, 20, ...
    });
    expect(n).toBe(6);
    expect(ran.map((r) => r.atMs)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(q.peekMs()).toBe(60);
    expect(q.pending).toBe(1);
  });

  it('refuses re-entry and a non-integer end, and recovers after dispatch throws', () => {
    const q = new EventQueue();
    q.schedule(1, 0, 0);
    q.schedule(2, 0, 0);
    expect(() => q.runUntil(5, () => q.runUntil(5, () => undefined))).toThrow(/inside dispatch/);
    expect(q.nowMs).toBe(1);
    expect(() => q.runUntil(1.5, () => undefined)).toThrow(RangeError);
    expect(() => q.runUntil(NaN, () => undefined)).toThrow(RangeError);
    expect(q.runUntil(5, () => undefined)).toBe(1);
  });
});

describe('EventQueue.schedule validation', () => {
  it('throws a RangeError naming the bad value', () => {
    const q = new EventQueue();
    q.schedule(10, 0, 0);
    q.runUntil(10, () => undefined);
    expect(() => q.schedule(9, 0, 0)).toThrow(/got 9/);
    expect(() => q.schedule(10.5, 0, 0)).toThrow(/got 10.5/);
    expect(() => q.schedule(NaN, 0, 0)).toThrow(RangeError);
    expect(() => q.schedule(Infinity, 0, 0)).toThrow(RangeError);
    expect(() => q.schedule(10, 65536, 0)).toThrow(/kind .* got 65536/);
    expect(() => q.schedule(10, -1, 0)).toThrow(RangeError);
    expect(() => q.schedule(10, 1.5, 0)).toThrow(RangeError);
    expect(() => q.schedule(10, 0, 2 ** 31)).toThrow(/target .* got 2147483648/);
    expect(() => q.schedule(10, 0, 0.5)).toThrow(RangeError);
    expect(q.pending).toBe(0);
    q.schedule(10, 65535, -(2 ** 31)); // the limits themselves are fine
    const { ran, dispatch } = recorder();
    q.runUntil(10, dispatch);
    expect(ran).toEqual([{ kind: 65535, target: -(2 ** 31), atMs: 10 }]);
  });
});

describe('EventQueue.cancel', () => {
  it('cancels a pending event once; a second cancel returns false', () => {
    const q = new EventQueue();
    const a = q.schedule(5, 1, 0);
    q.schedule(6, 2, 0);
    expect(q.cancel(a)).toBe(true);
    expect(q.pending).toBe(1);
    expect(q.cancel(a)).toBe(false);
    expect(q.pending).toBe(1);
    expect(q.peekMs()).toBe(6);
    const { ran, dispatch } = recorder();
    expect(q.runUntil(10, dispatch)).toBe(1);
    expect(ran.map((r) => r.kind)).toEqual([2]);
  });

  it('returns false for an event that already ran, also from inside its own dispatch', () => {
    const q = new EventQueue();
    let own: EventHandle = -1;
    let cancelledSelf = true;
    own = q.schedule(1, 0, 0);
    q.runUntil(1, () => {
      cancelledSelf = q.cancel(own);
    });
    expect(cancelledSelf).toBe(false);
    expect(q.cancel(own)).toBe(false);
  });

  it('a stale handle does not cancel the event that reuses its slot', () => {
    const q = new EventQueue(1);
    const old = q.schedule(1, 1, 0);
    q.runUntil(1, () => undefined);
    const fresh = q.schedule(2, 2, 0); // reuses the freed slot
    expect(fresh).not.toBe(old);
    expect(q.cancel(old)).toBe(false);
    expect(q.pending).toBe(1);

    const cancelled = q.schedule(3, 3, 0);
    expect(q.cancel(cancelled)).toBe(true);
    q.runUntil(3, () => undefined); // drops the cancelled entry, frees its slot
    const again = q.schedule(4, 4, 0);
    expect(q.cancel(cancelled)).toBe(false);
    expect(q.pending).toBe(1);
    expect(q.cancel(again)).toBe(true);
  });

  it('rejects things that are not handles and ignores handles it never issued', () => {
    const q = new EventQueue();
    expect(() => q.cancel(-1)).toThrow(RangeError);
    expect(() => q.cancel(1.5)).toThrow(RangeError);
    expect(() => q.cancel(NaN)).toThrow(RangeError);
    expect(q.cancel(12345)).toBe(false);
  });

  it('compacts when most entries are cancelled and keeps every live event', () => {
    const q = new EventQueue(16);
    const handles: EventHandle[] = [];
    for (let i = 0; i < 10_000; i++) handles.push(q.schedule(1000 + (i % 97), 0, i));
    for (let i = 0; i < 10_000; i++) if (i % 10 !== 0) expect(q.cancel(handles[i] as EventHandle)).toBe(true);
    expect(q.pending).toBe(1000);
    for (let i = 0; i < 10_000; i++) expect(q.cancel(handles[i] as EventHandle)).toBe(i % 10 === 0);
    expect(q.pending).toBe(0);
    expect(q.runUntil(5000, () => undefined)).toBe(0);
  });
});

describe('EventQueue growth', () => {
  it('grows far beyond its initial capacity', () => {
    const q = new EventQueue(1);
    for (let i = 0; i < 100_000; i++) q.schedule(100_000 - i, 0, i);
    expect(q.pending).toBe(100_000);
    expect(q.peekMs()).toBe(1);
    let last = -1;
    let ok = true;
    const n = q.runUntil(200_000, (_k, target, atMs) => {
      if (atMs <= last || target !== 100_000 - atMs) ok = false;
      last = atMs;
    });
    expect(n).toBe(100_000);
    expect(ok).toBe(true);
  });
});

describe('EventQueue against a reference queue', () => {
  it('agrees on random interleavings of schedule, cancel and runUntil', () => {
    for (let trial = 0; trial < 20; trial++) {
      const s = createStream(11, 'eventQueue.model', trial);
      const q = new EventQueue(2);
      const ref = new ReferenceQueue();
      const handles: [EventHandle, number][] = [];
      const got = recorder();
      const want = recorder();
      let target = 0;
      const reschedule = (queue: EventQueue | ReferenceQueue, log: (k: number, t: number, a: number) => void, mine: boolean) =>
        (kind: number, t: number, atMs: number) => {
          log(kind, t, atMs);
          // Every third event schedules a follow-up derived only from the event, so both queues do the same.
          if (t % 3 === 0) {
            const h = queue.schedule(atMs + (t % 7), kind + 1, t + 1);
            if (mine) handles.push([h as EventHandle, -1]);
          }
        };
      const dq = reschedule(q, got.dispatch, true);
      const dr = reschedule(ref, want.dispatch, false);
      for (let step = 0; step < 400; step++) {
        const op = s.next();
        if (op < 0.55) {
          const atMs = q.nowMs + int(s, 40);
          handles.push([q.schedule(atMs, target % 100, target), ref.schedule(atMs, target % 100, target)]);
          target++;
        } else if (op < 0.8 && handles.length > 0) {
          const [h, r] = handles[int(s, handles.length)] as [EventHandle, number];
          if (r >= 0) expect(q.cancel(h)).toBe(ref.cancel(r));
        } else {
          const end = q.nowMs + int(s, 30);
          expect(q.runUntil(end, dq)).toBe(ref.runUntil(end, dr));
          expect(q.nowMs).toBe(ref.nowMs);
        }
        expect(q.pending).toBe(ref.pending);
        expect(q.peekMs()).toBe(ref.peekMs());
      }
      expect(q.runUntil(q.nowMs + 10_000, dq)).toBe(ref.runUntil(ref.nowMs + 10_000, dr));
      expect(got.ran).toEqual(want.ran);
    }
  });
});
