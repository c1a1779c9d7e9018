/** Numbers as the report prints them: a few significant digits, thousands grouped. */

export function formatValue(x: number | null | undefined, unit = ''): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (unit === 'share') return `${(x * 100).toFixed(Math.abs(x) < 0.001 && x !== 0 ? 3 : 1)}%`;
  const abs = Math.abs(x);
  if (abs >= 100) return Math.round(x).toLocaleString('en-US');
  if (abs === 0) return '0';
  return Number(x.toPrecision(3)).toString();
}

export function formatCi(ci: readonly [number, number] | null | undefined, unit = ''): string {
  if (ci === null || ci === undefined) return '';
  return `[${formatValue(ci[0], unit)}, ${formatValue(ci[1], unit)}]`;
}

export function formatDays(days: number): string {
  return Number.isInteger(days) ? `${days} d` : `${Number(days.toPrecision(4))} d`;
}
