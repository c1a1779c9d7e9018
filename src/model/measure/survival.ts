/**
 * Time-to-patch observations (metrics.md) as a histogram over [0, horizon]: patched and
 * right-censored counts per bin. Memory is fixed whatever the fleet size, and the
 * Kaplan–Meier estimate is exact up to one bin's width (horizon / SURVIVAL_BINS).
 */
export const SURVIVAL_BINS = 1 << 16;

export class SurvivalHistogram {
  readonly patched = new Float64Array(SURVIVAL_BINS);
  readonly censored = new Float64Array(SURVIVAL_BINS);
  readonly binMs: number;

  constructor(readonly horizonMs: number) {
    this.binMs = horizonMs / SURVIVAL_BINS;
  }

  private bin(durationMs: number): number {
    return Math.min(SURVIVAL_BINS - 1, Math.max(0, Math.floor(durationMs / this.binMs)));
  }

  recordPatched(durationMs: number): void {
    const b = this.bin(durationMs);
    this.patched[b] = this.patched[b]! + 1;
  }

  recordCensored(durationMs: number): void {
    const b = this.bin(durationMs);
    this.censored[b] = this.censored[b]! + 1;
  }
}
