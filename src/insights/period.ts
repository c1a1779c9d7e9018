/**
 * Report periods: a duration (`30s`, `5m`, `1h`, `1d`; any unit scenario files accept)
 * of at least 1 ms. Periods are aligned to the Unix epoch: a period starts at a whole
 * multiple of its length since 1970-01-01T00:00:00Z, so `1h` periods start on the hour
 * and `1d` periods at midnight UTC.
 */
import { parseDuration } from '../scenario/duration.js';

export type PeriodParse = { readonly ok: true; readonly periodMs: number } | { readonly ok: false };

export function parsePeriod(text: string): PeriodParse {
  const parsed = parseDuration(text.trim());
  return parsed.ok && parsed.ms > 0 ? { ok: true, periodMs: parsed.ms } : { ok: false };
}

/**
 * Start of the period that holds `timestampMs` (also before 1970). `%` on integers is
 * exact, whereas `Math.floor(t / p) * p` can round the quotient up for large `t`.
 */
export function periodStart(timestampMs: number, periodMs: number): number {
  return timestampMs - (((timestampMs % periodMs) + periodMs) % periodMs);
}
