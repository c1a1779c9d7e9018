/**
 * Names that date and place simulated log events in CloudWatch Logs' terms. Only the log
 * outputs use them; the model itself counts milliseconds from 0.
 */

/**
 * Default wall-clock instant of simulated time 0 (a scenario's `startDate` overrides it): 2026-01-01T00:00:00Z, in ms since the Unix epoch.
 * An arbitrary, fixed date (never the clock, so output stays reproducible). It only dates log
 * events (`timestamp`, the day in a log stream name); nothing in the model depends on it.
 */
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 1);

/** Wall-clock instant of time 0 for a scenario: its `startDate` (the real calendar), else SIM_EPOCH_MS. */
export function epochMsOf(scenario: { readonly calendar?: { readonly startDateMs: number } }): number {
  return scenario.calendar?.startDateMs ?? SIM_EPOCH_MS;
}

/** Function name of function `id`: `fn-0000123` (zero-padded to 7 digits, more digits when needed). */
export function functionName(id: number): string {
  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`functionName: id must be a non-negative integer, got ${id}`);
  return `fn-${String(id).padStart(7, '0')}`;
}

/** Lambda's log group of function `id`: `/aws/lambda/fn-0000123`. */
export function logGroupName(id: number): string {
  return `/aws/lambda/${functionName(id)}`;
}
