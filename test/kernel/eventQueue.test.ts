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

interface QueueLike {
  readonly nowMs: number;
  readonly pending: number;
  schedule(atMs: number, kind: number, target: number): number;
  cancel(handle: number): boolean;
  runUntil(endMs: number, dispatch: (kind: number, target: number, atMs: number) => void): number;
  peekMs(): number;
}

interface RefEvent {
  atMs: number;
  seq: number;
  kind: number;
  target: number;
}

/** The obvious queue the real one must agree with: a sorted array, by (time, scheduling order). */
class ReferenceQueue implements QueueLike {
  nowMs = 0;
  pending = 0;
  private seq = 0;
  private readonly sorted: RefEvent[] = [];
  private readonly byId = new Map<number, RefEvent>();

  schedule(atMs: number, kind: number, target: number): number {
    const e = { atMs, seq: this.seq++, kind, target };
    this.sorted.splice(this.indexAfter(e), 0, e);
    this.byId.set(e.seq, e);
    this.pending++;
    return e.seq;
  }
  cancel(id: number): boolean {
    const e = this.byId.get(id);
    if (!e) return false;
    this.byId.delete(id);
    this.sorted.splice(this.indexAfter(e) - 1, 1);
    this.pending--;
    return true;
  }
  peekMs(): number {
    return this.sorted[0]?.atMs ?? Infinity;
  }
  runUntil(endMs: number, dispatch: (kind: number, target: number, atMs: number) => void): number {
    let n = 0;
    for (let e = this.sorted[0]; e !== undefined && e.atMs <= endMs; e = this.sorted[0]) {
      this.sorted.shift();
      this.byId.delete(e.seq);
      this.pending--;
      this.nowMs = e.atMs;
      n++;
      dispatch(e.kind, e.target, e.atMs);
    }
    if (endMs > this.nowMs) this.nowMs = endMs;
    return n;
  }
  /** Index of the first event ordered after e. */
  private indexAfter(e: RefEvent): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.sorted[mid] as RefEvent;
      if (m.atMs < e.atMs || (m.atMs === e.atMs && m.seq <= e.seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Runs one seeded random script against a queue and returns everything it
 * could observe. Handles are kept by index, so two queues that behave alike
 * give equal traces whatever their handles look like.
 */
function drive(q: QueueLike, seed: number, steps: number): unknown[] {
  const s = createStream(seed, 'eventQueue.drive', 0);
  const handles: number[] = [];
  const trace: unknown[] = [];
  const delay = (): number => {
    const u = s.next();
    const r = s.next();
    if (u < 0.3) return Math.floor(r * 4); // many equal times
    if (u < 0.6) return Math.floor(r * 5000);
    if (u < 0.85) return Math.floor(r * 2 ** 30);
    return Math.floor(r * 2 ** 45); // past 2^32 ms
  };
  const schedule = (atMs: number): void => {
    const kind = int(s, 65536);
    const target = int(s, 2 ** 32) - 2 ** 31;
    handles.push(q.schedule(atMs, kind, target));
  };
  const cancelOne = (): void => {
    if (handles.length > 0) trace.push(['cancel', q.cancel(handles[int(s, handles.length)] as number), q.pending]);
  };
  /** Cancels most of what is pending, so that cancelled entries outnumber pending ones. */
  const bulkCancel = (): void => {
    let cancelled = 0;
    for (const h of handles) if (s.next() < 0.7 && q.cancel(h)) cancelled++;
    trace.push(['bulk', cancelled, q.pending]);
  };
  const dispatch = (kind: number, target: number, atMs: number): void => {
    trace.push(['run', kind, target, atMs, q.nowMs]);
    const u = s.next();
    if (u < 0.4) schedule(atMs + delay());
    else if (u < 0.5) schedule(atMs); // same time, after everything already due then
    else if (u < 0.6) cancelOne(); // also events due at this very time
    else if (u < 0.65) trace.push(['peek', q.peekMs()]);
    else if (u < 0.66) bulkCancel(); // mid-run, with part of this time's events already run
  };
  for (let step = 0; step < steps; step++) {
    const op = s.next();
    if (op < 0.45) schedule(q.nowMs + delay());
    else if (op < 0.63) cancelOne();
    else if (op < 0.65) bulkCancel();
    else if (op < 0.75) trace.push(['peek', q.peekMs(), q.pending]);
    else {
      const end = q.nowMs + (s.next() < 0.5 ? int(s, 8) : delay());
      trace.push(['runUntil', end, q.runUntil(end, dispatch), q.nowMs, q.pending]);
    }
  }
  trace.push(['drain', q.runUntil(2 ** 52, dispatch), q.pending, q.peekMs()]);
  return trace;
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

  it('orders times spread over the whole safe-integer range, run in stages', () => {
    const s = createStream(9, 'eventQueue.range', 0);
    const q = new EventQueue();
    const expected: Ran[] = [];
    for (let i = 0; i < 4000; i++) {
      // Log-uniform up to 2^53, with repeats, so every digit of the time matters.
      const atMs = i % 5 === 4 ? (expected[i - 1] as Ran).atMs : Math.min(Math.floor(2 ** (s.next() * 53)), Number.MAX_SAFE_INTEGER);
      q.schedule(atMs, 1, i);
      expected.push({ kind: 1, target: i, atMs });
    }
    expected.sort((a, b) => a.atMs - b.atMs || a.target - b.target);
    const { ran, dispatch } = recorder();
    for (let end = 1; end < 2 ** 53; end *= 3) q.runUntil(end, dispatch);
    q.runUntil(Number.MAX_SAFE_INTEGER, dispatch);
    expect(ran).toEqual(expected);
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
      dispatch(k, t);
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

  it('skips cancelled events due at the current time in peekMs and runUntil', () => {
    const q = new EventQueue();
    q.schedule(10, 0, 0);
    q.runUntil(10, () => undefined);
    const a = q.schedule(10, 1, 1); // due now
    const b = q.schedule(10, 2, 2);
    q.schedule(10, 3, 3);
    q.schedule(12, 4, 4);
    expect(q.cancel(a)).toBe(true);
    expect(q.cancel(b)).toBe(true);
    expect(q.peekMs()).toBe(10);
    const { ran, dispatch } = recorder();
    expect(q.runUntil(10, dispatch)).toBe(1);
    expect(ran.map((r) => r.kind)).toEqual([3]);
    expect(q.peekMs()).toBe(12);
    const c = q.schedule(10, 5, 5);
    expect(q.cancel(c)).toBe(true);
    expect(q.peekMs()).toBe(12);
    expect(q.pending).toBe(1);
  });

  it('keeps order when a mass cancellation mid-run compacts events of the current time', () => {
    const q = new EventQueue();
    const handles: EventHandle[] = [];
    for (let i = 0; i < 3000; i++) handles.push(q.schedule(5, 0, i));
    for (let i = 0; i < 10; i++) q.schedule(6 + i, 1, i);
    const order: number[] = [];
    q.runUntil(100, (kind, target) => {
      order.push(kind * 10_000 + target);
      if (kind === 0 && target === 0) {
        // Cancel 2,499 of the 2,999 events still due at time 5: more cancelled than pending.
        for (let i = 1; i < 3000; i++) if (i % 6 !== 0) expect(q.cancel(handles[i] as EventHandle)).toBe(true);
      }
    });
    const want = [];
    for (let i = 0; i < 3000; i += 6) want.push(i);
    for (let i = 0; i < 10; i++) want.push(10_000 + i);
    expect(order).toEqual(want);
    expect(q.pending).toBe(0);
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
  it('agrees on seeded random scripts of schedule, cancel, peek and runUntil', () => {
    for (let seed = 0; seed < 6; seed++) {
      const got = drive(new EventQueue(seed % 2 === 0 ? 1 : 4096), seed, 6000);
      const want = drive(new ReferenceQueue(), seed, 6000);
      expect(got.length).toBeGreaterThan(6000);
      expect(got).toEqual(want);
    }
  });

  it('agrees when 30,000 pending events cross block and bucket boundaries, with mass cancellation', () => {
    const q = new EventQueue(16);
    const ref = new ReferenceQueue();
    const s = createStream(5, 'eventQueue.bulk', 0);
    const mine: EventHandle[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < 30_000; i++) {
      const atMs = s.next() < 0.5 ? int(s, 1000) : int(s, 2 ** 40);
      mine.push(q.schedule(atMs, i % 65536, i));
      theirs.push(ref.schedule(atMs, i % 65536, i));
    }
    for (let i = 0; i < 30_000; i++) {
      if (s.next() < 0.8) expect(q.cancel(mine[i] as EventHandle)).toBe(ref.cancel(theirs[i] as number));
    }
    expect(q.pending).toBe(ref.pending);
    const pendingBefore = q.pending;
    expect(pendingBefore).toBeGreaterThan(4_000);
    const got = recorder();
    const want = recorder();
    for (let end = 0; end < 2 ** 41; end = end * 2 + 1) {
      expect(q.runUntil(end, got.dispatch)).toBe(ref.runUntil(end, want.dispatch));
      expect(q.peekMs()).toBe(ref.peekMs());
    }
    expect(got.ran).toEqual(want.ran);
    expect(got.ran.length).toBe(pendingBefore);
    expect(q.pending).toBe(0);
  });
});

describe('EventQueue sequence numbers', () => {
  it('gives the running event or timer its scheduling sequence number, and takeSeq a number in the same order', () => {
    const queue = new EventQueue(16, 7);
    const seen: [number, number][] = [];
    queue.schedule(5, 1, 10); // seq 0
    queue.setTimer(5, 3); // seq 1
    const kept = queue.takeSeq(); // 2: kept outside the queue
    queue.schedule(4, 1, 11); // seq 3
    expect(kept).toBe(2);
    expect(queue.runningSeq).toBe(-1);
    queue.runUntil(10, (kind, target) => seen.push([target, queue.runningSeq]));
    // By time, then by sequence number: the timer (entity 3, kind 7) shares the events' numbering.
    expect(seen).toEqual([[11, 3], [10, 0], [3, 1]]);
    expect(queue.takeSeq()).toBe(4);
  });
});
