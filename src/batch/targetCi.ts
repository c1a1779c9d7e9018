/**
 * `--target-ci`: replications are added to a point until the 95% CI of each target metric
 * (the headline metrics unless named) is within a share of its mean, or a maximum is
 * reached. Rounds are deterministic: how many replications a point gets depends only on
 * the results of the replications it already has, never on timing or worker count.
 */
import { summarizeMetricRows, type MetricName } from '../analysis/metrics.js';
import type { PointCiOutcome } from '../output/summaryJson.js';

export interface TargetCiSpec {
  /** Largest CI half-width allowed, as a share of the mean (0.05 for ±5%). */
  readonly target: number;
  readonly maxReplications: number;
  readonly metrics: readonly MetricName[];
}

/**
 * Relative half-width of each target metric: half the CI's width over |mean|; 0 when the
 * metric did not vary at all; Infinity with fewer than two replications or a zero mean with
 * spread; null when the metric is undefined in some replication (it is then not a target).
 */
export function pointOutcome(rows: readonly Readonly<Record<MetricName, number | null>>[], spec: TargetCiSpec): PointCiOutcome {
  const summary = summarizeMetricRows(rows);
  const relative: Record<string, number | null> = {};
  let met = true;
  for (const name of spec.metrics) {
    const m = summary[name];
    let r: number | null;
    if (m.mean === null) r = null;
    else if (m.ci95 === null) r = Number.POSITIVE_INFINITY;
    else {
      const half = (m.ci95[1] - m.ci95[0]) / 2;
      r = half === 0 ? 0 : m.mean === 0 ? Number.POSITIVE_INFINITY : half / Math.abs(m.mean);
    }
    relative[name] = r;
    if (r !== null && !(r <= spec.target)) met = false;
  }
  return { met, relativeHalfWidths: relative };
}

/**
 * Replications a point should have next: unchanged when met or at the maximum; otherwise
 * the count the worst metric's half-width suggests (it shrinks as 1/√n), at least one more
 * and at most double, capped at the maximum.
 */
export function nextReplications(n: number, outcome: PointCiOutcome, spec: TargetCiSpec): number {
  if (outcome.met || n >= spec.maxReplications) return n;
  const worst = Math.max(...Object.values(outcome.relativeHalfWidths).map((r) => r ?? 0));
  const wanted = Number.isFinite(worst) ? Math.ceil(n * (worst / spec.target) ** 2) : 2 * n;
  return Math.min(spec.maxReplications, Math.max(n + 1, Math.min(2 * n, wanted)));
}
