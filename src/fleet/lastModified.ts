/**
 * `LastModified` as Lambda writes it: ISO 8601 with milliseconds and a `+0000` offset
 * (`2019-09-23T18:32:33.857+0000`, aws-shapes.md). `Z` and `+00:00` offsets are accepted too.
 * The fleet file keeps the original text; rates use the epoch milliseconds.
 */

const LAST_MODIFIED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds, or undefined when the text is not a timestamp of that form. */
export function parseLastModifiedMs(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = LAST_MODIFIED.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const zone = m[8]!;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return undefined; // 2026-02-30
  return utcMs - offsetMinutes * 60_000;
}

/** `2026-03-01T00:00:00.000+0000`: the format of LastModified, for window bounds in the fleet file. */
export function formatLastModified(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}
