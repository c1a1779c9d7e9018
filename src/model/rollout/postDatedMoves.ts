/**
 * Post-dated moves: a function's pending move kept in its record and applied when something
 * next touches the function or when the fleet is next sampled, at the move's own time, instead
 * of as an entity timer that the clock reaches (docs/performance.md, "Post-dated moves"). A
 * window's moves are applied in function id order, which walks the records in memory order.
 *
 * Why it is the same model: a move changes only its own function's state and sums whose
 * value does not depend on order (group counts, stale time, patch rows, the survival
 * histogram), and it reads only its function's record and global state that changes only
 * through a handler that touches the function first. So each handler that acts on a function
 * settles it first (settle.ts `settleMoves`: each post-dated move due before the handler's
 * own place in the queue's order, in time order), and each fleet sample settles the moves of
 * the window it ends (`settleWindow`). The global state a move reads: the latest secure
 * version of its function's region and runtime, changed by a publication, whose walk settles
 * each function first under the version before it (publish.ts), or by a halt, which walks no
 * function holding a post-dated move (halt.ts); the publication and halt times, read as of the
 * move's time (patches.ts); and the runtime's deprecation date, a fixed date.
 *
 * Which moves: those whose target (the latest secure version) is compatible, of a function
 * with no exposure episode (pendingMove.ts `canPostDate`). A move onto an incompatible version
 * starts an episode whose first failure is scheduled from the move's time, so it must run when
 * the clock is there, and a function with an episode has owners' events (detection, pins,
 * holds) that follow its moves; those moves stay entity timers, and a post-dated move becomes
 * one when a bad release reaches its function (`recheckPostDated`). With `moves: 'timers'`
 * (simulate.ts) every move is a timer, as before; tests compare the two.
 *
 * Order: a post-dated move takes a sequence number from the queue when it is decided, so a
 * move due at exactly the time of an event is applied before the event when it was decided
 * first, as its timer would have run. Moves decided while settling take their numbers later
 * than their timers would have, so ties of the same millisecond may fall otherwise. Patch rows
 * come in booking order (a window's moves in function id order, not time order); the change
 * trace is sorted by time at each sample (changeLog.ts). Floating-point sums (stale
 * invocations, expiry failures) may differ in their last bits.
 */
import { DueSets } from '../../kernel/dueSets.js';

export class PostDatedMoves {
  /** Functions by window: window k ends at sample k (k × sampleEveryMs); the last ends at the horizon. */
  readonly due: DueSets;
  /** Windows settled so far: 0 … settledThrough. */
  settledThrough = -1;
  /** Post-dated moves applied, counted with the queue's events in the run's `events`. */
  applied = 0;
  private readonly lastSample: number;

  constructor(private readonly sampleEveryMs: number, private readonly horizonMs: number) {
    this.lastSample = Math.floor(horizonMs / sampleEveryMs);
    this.due = new DueSets(this.lastSample + 2);
  }

  /** The window a move at `atMs` (≤ the horizon) is settled in at the latest: the first sample at or after it, else the horizon's. */
  windowOf(atMs: number): number {
    const k = Math.ceil(atMs / this.sampleEveryMs);
    const window = k > this.lastSample ? this.lastSample + 1 : k;
    // A window being settled takes no more: its moves due before its bound are applied by the
    // settling itself, and the rest belong to the next (the horizon's, at the end).
    return window > this.settledThrough ? window : Math.min(this.settledThrough + 1, this.lastSample + 1);
  }

  /** Files `f`'s move at `atMs`; a move after the horizon never runs and is not filed. */
  file(f: number, atMs: number): void {
    if (atMs <= this.horizonMs) this.due.add(this.windowOf(atMs), f);
  }
}
