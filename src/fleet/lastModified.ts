/**
 * `LastModified` as Lambda writes it: ISO 8601 with milliseconds and a `+0000` offset
 * (`2019-09-23T18:32:33.857+0000`, aws-shapes.md). `Z` and `+00:00` offsets are accepted too.
 * The fleet file keeps the original text; rates use the epoch milliseconds.
 */

const LAST_MODIFIED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Epoch milliseconds, or undefined when the text is not a timestamp of that form (or names a day that does not exist). */
export function parseLastModifiedMs(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = LAST_MODIFIED.exec(text);
  if (m === null) return undefined;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const hour = +m[4]!;
  const minute = +m[5]!;
  const second = +m[6]!;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = m[7] === undefined ? 0 : Math.floor(+`0.${m[7]}` * 1000);
  const zone = m[8]!;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone.charCodeAt(0) === 0x2d ? -1 : 1;
    const digits = zone.length === 6 ? zone.slice(1, 3) + zone.slice(4, 6) : zone.slice(1, 5);
    offsetMinutes = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4));
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offsetMinutes * 60_000;
}

/** `2026-03-01T00:00:00.000+0000`: the format of LastModified, for window bounds in the fleet file. */
export function formatLastModified(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}
