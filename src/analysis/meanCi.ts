/** Mean and 95% confidence interval over replications (Student t, metrics.md). */
import { studentTQuantile } from './studentT.js';

export interface MeanCi {
  readonly mean: number;
  /** null when there are fewer than two replications. */
  readonly ci95: readonly [number, number] | null;
  readonly n: number;
}

export function meanCi95(values: readonly number[]): MeanCi {
  const n = values.length;
  if (n === 0) throw new RangeError('meanCi95 of no values');
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return { mean, ci95: null, n };
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const half = studentTQuantile(0.975, n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, ci95: [mean - half, mean + half], n };
}
