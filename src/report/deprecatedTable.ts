/**
 * The report's table of functions on a deprecated runtime by region (only for runs with
 * `startDate`, from summary.json's `deprecatedRuntimeByRegion`): functions at the horizon and
 * function-days, means over replications, one column pair per result set (sweep point or run).
 * These are the owner's (R18): only the owner can move a function to a supported runtime.
 */
import type { Cell, TableModel } from './html.js';
import type { ReportData, SummaryJson } from './types.js';

const text = (t: string, extra: Partial<Cell> = {}): Cell => ({ text: t, ...extra });

export function deprecatedRuntimeTable(data: ReportData): TableModel | null {
  const sets = data.sets.map((s) => {
    const summary: SummaryJson = data.runs[s.run]!.summary;
    const byRegion = s.point === null ? summary.deprecatedRuntimeByRegion : summary.points?.find((p) => p.point === s.point)?.deprecatedRuntimeByRegion;
    return { label: s.key, byRegion };
  });
  if (!sets.some((s) => s.byRegion !== undefined)) return null;
  const regions = [...new Set(sets.flatMap((s) => Object.keys(s.byRegion ?? {})))];
  const num = (v: number | undefined, digits: number): Cell => text(v === undefined ? '—' : v.toFixed(digits), { className: 'num' });
  return {
    caption: "Functions on a deprecated runtime (startDate's calendar), by region: at the horizon and function-days, means over replications; the owner's (R18)",
    head: ['region', ...sets.flatMap((s) => (sets.length > 1 ? [`${s.label}: functions`, `${s.label}: function-days`] : ['functions', 'function-days']))],
    rows: regions.map((r) => [text(r, { className: 'mono' }), ...sets.flatMap((s) => [num(s.byRegion?.[r]?.functions, 1), num(s.byRegion?.[r]?.functionDays, 0)])]),
  };
}
