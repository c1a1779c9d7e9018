/**
 * The phase-2 window from interval-censored moves generated from known truth, the process R8
 * describes: deploys move every function at rate λ (phase 1); phase 2 moves every Auto function
 * not yet moved at a uniform time in [startAfter, startAfter + duration]; each function is seen
 * at inits every `gap` hours (exponential), so a move is known only between two inits.
 */
import { describe, expect, it } from 'vitest';
import { directWindow, hazardWindow, HAZARD_BIN_MS } from '../../src/calibrate/phase2Window.js';
import type { Interval } from '../../src/analysis/turnbull.js';
import { createStream } from '../../src/kernel/random.js';

const H = 3_600_000;
const D = 24 * H;

function generate(seed: number, n: number, autoShare: number, lambdaPerDay: number, startAfterMs: number, durationMs: number, horizonMs: number, gapMs = 2 * H): { all: Interval[]; phase2Only: Interval[] } {
  const s = createStream(seed, 'phase2-window-test', 0);
  const exp = (mean: number) => -mean * Math.log(1 - s.next());
  const all: Interval[] = [];
  const phase2Only: Interval[] = [];
  for (let i = 0; i < n; i++) {
    const auto = s.next() < autoShare;
    const deploy = lambdaPerDay > 0 ? exp(D / lambdaPerDay) : Infinity;
    const phase2 = auto ? startAfterMs + s.next() * durationMs : Infinity;
    const move = Math.min(deploy, phase2);
    // Inits at a Poisson rate 1/gap from 0: the last one before the move and the first after it.
    let last = 0;
    let t = exp(gapMs);
    while (t < move && t < horizonMs) { last = t; t += exp(gapMs); }
    const interval = move < horizonMs && t < horizonMs ? { left: last, right: t } : { left: Math.min(last, horizonMs), right: Infinity };
    all.push(interval);
    if (lambdaPerDay === 0 && auto) phase2Only.push(interval);
  }
  return { all, phase2Only };
}

describe('phase-2 window, hazard method', () => {
  // Edges are found to a bin (6 h) plus the smear of interval censoring (a few hours): 12 h.
  const TOLERANCE_MS = 12 * H;
  for (const [seed, startAfter, duration] of [[1, 5 * D, 4 * D], [2, 3 * D, 7 * D], [3, 8 * D, 2 * D]] as const) {
    it(`finds startAfter ${startAfter / D} d and duration ${duration / D} d among deploys at 1/30 per day`, () => {
      const { all } = generate(seed, 1500, 0.8, 1 / 30, startAfter, duration, 20 * D);
      const w = hazardWindow(all, 20 * D);
      expect(w).not.toBeNull();
      expect(Math.abs(w!.startAfterMs - startAfter)).toBeLessThanOrEqual(TOLERANCE_MS);
      expect(Math.abs(w!.startAfterMs + w!.durationMs - (startAfter + duration))).toBeLessThanOrEqual(TOLERANCE_MS);
      // The baseline is the deploy rate: 1/30 per day, within 40% (a few hundred moves outside the window).
      expect(w!.baselinePerMs * D).toBeGreaterThan((1 / 30) * 0.6);
      expect(w!.baselinePerMs * D).toBeLessThan((1 / 30) * 1.4);
    });
  }

  it('uses bins of 6 h', () => {
    expect(HAZARD_BIN_MS).toBe(6 * H);
  });
});

describe('phase-2 window, direct method', () => {
  it('spans the moves of functions that no deploy moves, widened by at most about one init gap', () => {
    const { phase2Only } = generate(4, 400, 1, 0, 5 * D, 4 * D, 20 * D);
    const w = directWindow(phase2Only.filter((i) => Number.isFinite(i.right)))!;
    expect(w.startAfterMs).toBeLessThanOrEqual(5 * D + H);
    expect(w.startAfterMs).toBeGreaterThan(5 * D - 8 * H);
    expect(w.startAfterMs + w.durationMs).toBeGreaterThanOrEqual(9 * D - H);
    expect(w.startAfterMs + w.durationMs).toBeLessThan(9 * D + 8 * H);
  });
});
