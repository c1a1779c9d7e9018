/**
 * Durations in scenario files: `<number><unit>`, e.g. `30m`, `6h`, `14d`, `2w`, `1.5d`.
 * The model works in integer milliseconds, so a duration that is not a whole number
 * of milliseconds (`1.5ms`, `0.0001s`) is refused rather than rounded.
 */

export const DURATION_UNITS_MS = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
} as const;

export type DurationUnit = keyof typeof DURATION_UNITS_MS;

/** Source of the pattern, also published in the JSON Schema (ECMA-262 dialect). */
export const DURATION_PATTERN_SOURCE = '^(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:ms|s|m|h|d|w)$';
export const DURATION_PATTERN = new RegExp(DURATION_PATTERN_SOURCE);

export type DurationParse =
  | { readonly ok: true; readonly ms: number }
  | { readonly ok: false; readonly reason: 'syntax' | 'negative' | 'fraction' | 'tooLarge' };

/**
 * Exact conversion: the decimal is scaled with BigInt, so `1.1h` is 3 960 000 ms
 * exactly instead of a float that is off in the last bit.
 */
export function parseDuration(text: string): DurationParse {
  if (!DURATION_PATTERN.test(text)) {
    const negative = text.startsWith('-') && DURATION_PATTERN.test(text.slice(1));
    return { ok: false, reason: negative ? 'negative' : 'syntax' };
  }
  const match = /^(\d*)(?:\.(\d+))?([a-z]+)$/.exec(text);
  if (match === null) return { ok: false, reason: 'syntax' };
  const [, whole = '', fraction = '', unit = ''] = match;
  const unitMs = DURATION_UNITS_MS[unit as DurationUnit];
  const scaled = BigInt(`${whole}${fraction}` || '0') * BigInt(unitMs);
  const divisor = 10n ** BigInt(fraction.length);
  if (scaled % divisor !== 0n) return { ok: false, reason: 'fraction' };
  const ms = scaled / divisor;
  if (ms > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'tooLarge' };
  return { ok: true, ms: Number(ms) };
}

/** Milliseconds of an already-validated duration; throws on text that `parseDuration` refuses. */
export function durationMs(text: string): number {
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new Error(`invalid duration ${JSON.stringify(text)} (${parsed.reason})`);
  return parsed.ms;
}

/** Shortest exact spelling in the largest unit that divides `ms`: 86 400 000 → `1d`, 90 000 → `90s`. */
export function formatDuration(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`not a duration in ms: ${ms}`);
  if (ms === 0) return '0s';
  const units = Object.entries(DURATION_UNITS_MS).sort((a, b) => b[1] - a[1]);
  for (const [unit, size] of units) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
