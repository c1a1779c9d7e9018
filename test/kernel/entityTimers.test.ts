/**
 * Entity timers (kernel/entityTimers.ts) inside the event queue: one pending timer per entity,
 * run in the same (time, scheduling order) order as the queue's events. Checked against the
 * obvious model: a sorted list in which setting an entity's timer removes the one it had.
 */
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/kernel/eventQueue.js';
import { EntityTimers } from '../../src/kernel/entityTimers.js';
import { createStream, type RandomStream } from '../../src/kernel/random.js';

const TIMER_KIND = 9;

interface Item {
  atMs: number;
  seq: number;
  kind: number;
  target: number;
}

/** A sorted array by (time, scheduling order); an entity's timer is an item it replaces. */
class Reference {
  nowMs = 0;
  private seq = 0;
  private items: Item[] = [];
  private readonly timerOf = new Map<number, Item>();
  private readonly byHandle = new Map<number, Item>();

  get pending(): number {
    return this.items.length;
  }
  schedule(atMs: number, kind: number, target: number): number {
    const item = { atMs, seq: this.seq++, kind, target };
    this.insert(item);
    this.byHandle.set(item.seq, item);
    return item.seq;
  }
  cancel(handle: number): boolean {
    return this.remove(this.byHandle, handle);
  }
  setTimer(atMs: number, entity: number): void {
    this.cancelTimer(entity);
    const item = { atMs, seq: this.seq++, kind: TIMER_KIND, target: entity };
    this.insert(item);
    this.timerOf.set(entity, item);
  }
  cancelTimer(entity: number): boolean {
    return this.remove(this.timerOf, entity);
  }
  hasTimer(entity: number): boolean {
    return this.timerOf.has(entity);
  }
  peekMs(): number {
    return this.items[0]?.atMs ?? Infinity;
  }
  runUntil(endMs: number, dispatch: (kind: number, target: number, atMs: number) => void): number {
    let n = 0;
    for (let item = this.items[0]; item !== undefined && item.atMs <= endMs; item = this.items[0]) {
      this.items.shift();
      if (item.kind === TIMER_KIND && this.timerOf.get(item.target) === item) this.timerOf.delete(item.target);
      else this.byHandle.delete(item.seq);
      this.nowMs = item.atMs;
      n++;
      dispatch(item.kind, item.target, item.atMs);
    }
    if (endMs > this.nowMs) this.nowMs = endMs;
    return n;
  }
  /** Takes out the item that `index` holds under `key`; false if there is none. */
  private remove(index: Map<number, Item>, key: number): boolean {
    const item = index.get(key);
    if (item === undefined) return false;
    index.delete(key);
    this.items = this.items.filter((i) => i !== item);
    return true;
  }
  private insert(item: Item): void {
    let at = this.items.length;
    while (at > 0 && (this.items[at - 1]!.atMs > item.atMs)) at--;
    this.items.splice(at, 0, item);
  }
}

type Queue = Pick<Reference, 'nowMs' | 'pending' | 'schedule' | 'cancel' | 'setTimer' | 'cancelTimer' | 'hasTimer' | 'peekMs' | 'runUntil'>;

const int = (s: RandomStream, n: number): number => Math.floor(s.next() * n);

/** One seeded random script of events and timers; returns all a caller could observe. */
function drive(q: Queue, seed: number, steps: number, entities: number): unknown[] {
  const s = createStream(seed, 'entityTimers.drive', 0);
  const handles: number[] = [];
  const trace: unknown[] = [];
  const delay = (): number => {
    const u = s.next();
    const r = s.next();
    if (u < 0.25) return int(s, 3); // equal times: events and timers tie
    if (u < 0.5) return Math.floor(r * 5_000_000); // within the timers' current bucket (2^22 ms)
    if (u < 0.8) return Math.floor(r * 2 ** 30);
    if (u < 0.95) return Math.floor(r * 2 ** 36);
    return Math.floor(r * 2 ** 44); // past the last indexed bucket (2^42 ms)
  };
  const act = (now: number): void => {
    const u = s.next();
    if (u < 0.3) handles.push(q.schedule(now + delay(), int(s, 8), int(s, 1000)));
    else if (u < 0.75) q.setTimer(now + delay(), int(s, entities));
    else if (u < 0.85) trace.push(['cancelTimer', q.cancelTimer(int(s, entities)), q.pending]);
    else if (u < 0.9 && handles.length > 0) trace.push(['cancel', q.cancel(handles[int(s, handles.length)]!), q.pending]);
    else if (u < 0.95) trace.push(['has', q.hasTimer(int(s, entities))]);
    else trace.push(['peek', q.peekMs(), q.pending]);
  };
  const dispatch = (kind: number, target: number, atMs: number): void => {
    trace.push(['run', kind, target, atMs, q.nowMs]);
    if (s.next() < 0.6) act(atMs);
  };
  for (let step = 0; step < steps; step++) {
    if (s.next() < 0.7) act(q.nowMs);
    else {
      const end = q.nowMs + (s.next() < 0.3 ? int(s, 4) : delay());
      trace.push(['runUntil', end, q.runUntil(end, dispatch), q.nowMs, q.pending]);
    }
  }
  trace.push(['drain', q.runUntil(2 ** 52, dispatch), q.pending, q.peekMs()]);
  return trace;
}

describe('entity timers in the event queue', () => {
  it('run with events in (time, scheduling order) order, an entity keeping only its latest timer', () => {
    for (let seed = 0; seed < 6; seed++) {
      const entities = seed % 2 === 0 ? 40 : 3000;
      const got = drive(new EventQueue(16, TIMER_KIND), seed, 5000, entities);
      const want = drive(new Reference(), seed, 5000, entities);
      expect(got.length).toBeGreaterThan(5000);
      expect(got).toEqual(want);
    }
  });

  it('break ties with events by scheduling order, both ways', () => {
    const q = new EventQueue(16, TIMER_KIND);
    const ran: string[] = [];
    q.schedule(100, 1, 0);
    q.setTimer(100, 7);
    q.schedule(100, 2, 0);
    q.setTimer(100, 8);
    q.setTimer(100, 7); // moved: now after event 2 and timer 8
    q.runUntil(100, (kind, target) => ran.push(kind === TIMER_KIND ? `timer ${target}` : `event ${kind}`));
    expect(ran).toEqual(['event 1', 'event 2', 'timer 8', 'timer 7']);
  });

  it('counts timers as pending, cancels each once, and refuses times before now', () => {
    const q = new EventQueue(16, TIMER_KIND);
    q.setTimer(5_000, 3);
    q.setTimer(6_000, 3);
    expect(q.pending).toBe(1);
    expect(q.peekMs()).toBe(6_000);
    expect(q.hasTimer(3)).toBe(true);
    expect(q.cancelTimer(3)).toBe(true);
    expect(q.cancelTimer(3)).toBe(false);
    expect(q.hasTimer(3)).toBe(false);
    expect(q.pending).toBe(0);
    expect(q.runUntil(10_000, () => { throw new Error('nothing should run'); })).toBe(0);
    expect(() => q.setTimer(9_999, 1)).toThrow(RangeError);
    expect(() => q.setTimer(20_000, -1)).toThrow(/entity/);
    expect(() => q.setTimer(20_000.5, 1)).toThrow(/atMs/);
    expect(() => new EventQueue(16, 70_000)).toThrow(/timerKind/);
  });
});

describe('EntityTimers alone, with buckets split into sub-buckets', () => {
  it('runs timers by (time, sequence) when reached buckets are split, dense or sparse', () => {
    for (let seed = 0; seed < 8; seed++) {
      const s = createStream(seed, 'entityTimers.split', 0);
      const timers = new EntityTimers(seed % 2 === 0 ? 4 : 64);
      const live = new Map<number, { atMs: number; seq: number }>();
      let now = 0;
      let seq = 0;
      const ran: number[][] = [];
      const want: number[][] = [];
      const spread = [2 ** 12, 2 ** 22, 2 ** 26, 2 ** 44][seed % 4]!;
      for (let step = 0; step < 20_000; step++) {
        const u = s.next();
        if (u < 0.55) {
          const entity = int(s, 500);
          const atMs = now + (s.next() < 0.2 ? int(s, 3000) : int(s, spread)); // some into the sub-bucket being run
          timers.set(entity, atMs, seq);
          live.set(entity, { atMs, seq });
          seq++;
        } else if (u < 0.65) {
          const entity = int(s, 500);
          expect(timers.cancel(entity)).toBe(live.delete(entity));
        } else {
          // Take everything due by a time a little ahead, from both sides.
          const until = now + int(s, spread / 16);
          for (let t = timers.peek(); t <= until; t = timers.peek()) {
            ran.push([t, timers.headSeq, timers.take()]);
            now = t;
          }
          const due = [...live].filter(([, v]) => v.atMs <= until).sort((a, b) => a[1].atMs - b[1].atMs || a[1].seq - b[1].seq);
          for (const [entity, v] of due) {
            want.push([v.atMs, v.seq, entity]);
            live.delete(entity);
          }
          now = Math.max(now, until);
        }
        expect(timers.pending).toBe(live.size);
      }
      expect(ran.length).toBeGreaterThan(1000);
      expect(ran).toEqual(want);
    }
  });
});

describe('EntityTimers.ahead', () => {
  it('names the entities of the next timers of the sorted run, in the order they will run', () => {
    const t = new EntityTimers();
    const times = [900, 100, 500, 300, 700];
    times.forEach((atMs, entity) => t.set(entity, atMs, entity));
    expect(t.peek()).toBe(100);
    expect([0, 1, 2, 3, 4].map((k) => t.ahead(k))).toEqual([1, 3, 2, 4, 0]);
    expect(t.ahead(5)).toBe(-1);
    expect(t.take()).toBe(1);
    expect(t.ahead(0)).toBe(3);
  });
});

describe('EntityTimers sorting a reached bucket', () => {
  type Offset = (s: RandomStream, last: boolean) => number;

  /** Sets `n` timers in coarse bucket 3 at offsets from `offsetMs`, some moved, then takes them all. */
  function run(n: number, offsetMs: Offset): { ran: number[][]; want: number[][] } {
    const s = createStream(n, 'entityTimers.sort', 0);
    const startMs = 3 * 2 ** 22;
    const timers = new EntityTimers();
    const live = new Map<number, number[]>();
    const sets = Math.ceil(n * 1.25);
    for (let seq = 0; seq < sets; seq++) {
      const entity = (seq * 7919) % n; // sequence order is not entity order; a quarter are moved
      const atMs = startMs + offsetMs(s, seq === sets - 1);
      timers.set(entity, atMs, seq);
      live.set(entity, [atMs, seq, entity]);
    }
    const ran: number[][] = [];
    for (let t = timers.peek(); t < Infinity; t = timers.peek()) ran.push([t, timers.headSeq, timers.take()]);
    const want = [...live.values()].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    return { ran, want };
  }

  it('orders by time then sequence, ties included, whichever 11-bit half of the offset differs', () => {
    const shapes: Offset[] = [
      (s) => int(s, 16) * 2 ** 11, // only the high half differs: many ties
      (s) => int(s, 16), // only the low half
      (s) => int(s, 8) * 2 ** 11 + int(s, 8), // both, the low half against the high half's order
      (s) => int(s, 2 ** 22), // anywhere in the bucket
      () => 2 ** 22 - 1, // all at one time
      (_, last) => (last ? 5 : 2 ** 21 + 5), // all but the last set at one time, in the high half
      (_, last) => (last ? 2 ** 21 : 2 ** 21 + 5), // in the low half
    ];
    for (const n of [5, 40, 500, 5000]) {
      for (const shape of shapes) {
        const { ran, want } = run(n, shape);
        expect(ran.length).toBe(n);
        expect(ran).toEqual(want);
      }
    }
  });
});
