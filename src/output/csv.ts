/** CSV text (RFC 4180): fields quoted only when they must be; numbers in a stable form. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(',') + '\n';
}

/** Numbers rounded to 1e-6 and printed in JavaScript's shortest round-trip form; NaN → empty. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '';
  if (Number.isInteger(x)) return String(x);
  const rounded = Math.round(x * 1e6) / 1e6;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Groups lines into chunks of about `bytes` characters, for streaming large tables to disk. */
export function* chunked(lines: Iterable<string>, bytes = 1 << 20): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const line of lines) {
    buf.push(line);
    size += line.length;
    if (size >= bytes) {
      yield buf.join('');
      buf = [];
      size = 0;
    }
  }
  if (buf.length > 0) yield buf.join('');
}
