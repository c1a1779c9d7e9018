/**
 * How result sets are named and tabled: run labels, sweep-point labels and parameter
 * values, summary metrics as rows, runtime versions in release order, tables concatenated.
 * Pure: the reading is in resultsFiles.ts.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { DAY_MS } from '../model/units.js';
import { parseDuration } from '../scenario/duration.js';
import type { MetricJson, SummaryJson } from './types.js';

/** `releases[0].phase2.startAfter` → `startAfter`, unless two swept paths end alike. */
export function shortNames(paths: readonly string[]): Map<string, string> {
  const last = (p: string): string => p.split(/[.[\]]+/).filter((s) => s !== '').pop() ?? p;
  const out = new Map<string, string>();
  for (const p of paths) out.set(p, paths.filter((q) => last(q) === last(p)).length > 1 ? p : last(p));
  return out;
}

export function formatParameter(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** A swept value as a number for a chart axis: numbers as is, durations in days; null otherwise. */
export function parameterNumber(value: unknown): { value: number; unit: string } | null {
  if (typeof value === 'number' && Number.isFinite(value)) return { value, unit: '' };
  if (typeof value === 'string') {
    const d = parseDuration(value.trim());
    if (d.ok) return { value: d.ms / DAY_MS, unit: 'days' };
    if (value.trim() !== '' && Number.isFinite(Number(value))) return { value: Number(value), unit: '' };
  }
  return null;
}

export function pointLabel(point: number, parameters: Readonly<Record<string, unknown>>, names: Map<string, string>): string {
  const parts = Object.entries(parameters).map(([path, value]) => `${names.get(path) ?? path} ${formatParameter(value)}`);
  return parts.length === 0 ? `point ${point}` : `p${point}: ${parts.join(', ')}`;
}

/** summary.json's metrics of one set as rows of setMetrics. */
export function metricRows(set: string, metrics: Readonly<Record<string, MetricJson>>): Record<string, unknown>[] {
  return Object.entries(metrics).map(([metric, m]) => ({
    set, metric,
    mean: m.mean ?? Number.NaN,
    lo: m.ci95?.[0] ?? Number.NaN,
    hi: m.ci95?.[1] ?? Number.NaN,
    replications: m.definedIn ?? m.replications ?? Number.NaN,
    unit: m.unit ?? '',
  }));
}

/** Rank of each runtime version in release order: catalog.csv lists them that way (current versions first). */
export function versionOrder(catalog: ColumnTable | null, timeseries: ColumnTable | null): ColumnTable {
  const source = catalog ?? timeseries?.select('set', 'runtime', 'runtime_version') ?? null;
  if (source === null) return aq.table({ set: [], runtime: [], runtime_version: [], rank: [] });
  const seen = new Map<string, number>();
  const out = { set: [] as string[], runtime: [] as string[], runtime_version: [] as string[], rank: [] as number[] };
  const counts = new Map<string, number>();
  for (const row of source.objects() as { set: string; runtime: string; runtime_version: string }[]) {
    const id = JSON.stringify([row.set, row.runtime, row.runtime_version]);
    if (seen.has(id)) continue;
    const runtimeId = JSON.stringify([row.set, row.runtime]);
    const rank = counts.get(runtimeId) ?? 0;
    counts.set(runtimeId, rank + 1);
    seen.set(id, rank);
    out.set.push(row.set);
    out.runtime.push(row.runtime);
    out.runtime_version.push(row.runtime_version);
    out.rank.push(rank);
  }
  return aq.table(out);
}

/** Tables one after another; null when none is present. */
export function concat(tables: readonly (ColumnTable | null)[]): ColumnTable | null {
  const present = tables.filter((t): t is ColumnTable => t !== null);
  if (present.length === 0) return null;
  return present.length === 1 ? present[0]! : present[0]!.concat(...present.slice(1));
}

/** Unique labels for runs: their scenario names, else their folder names, else numbered. */
export function runLabels(summaries: readonly SummaryJson[], dirs: readonly string[], given: readonly (string | undefined)[]): string[] {
  const unique = (labels: string[]): boolean => new Set(labels).size === labels.length;
  const byName = summaries.map((s, i) => given[i] ?? s.scenario);
  if (unique(byName)) return byName;
  const byDir = dirs.map((d, i) => given[i] ?? (d.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || d));
  if (unique(byDir)) return byDir;
  return byName.map((name, i) => `${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}: ${name}`);
}
