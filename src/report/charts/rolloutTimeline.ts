/** Rollout timeline: a Gantt chart of each release's publication per region, its phase-2 window, and halts. */
import type { ReportData } from '../types.js';
import { omitted, perSet, setsIn, topLevel, type ChartEntry, type VlSpec } from '../chart.js';
import { rolloutRows } from '../data/rollout.js';

const PHASE1 = 'published, phase 1 only (deploys)';
const PHASE2 = 'phase-2 window (Auto moved)';
const UNPUBLISHED = 'planned, never published (halted)';
const HALT = 'halt (one mark per replication)';

/**
 * Above this many release × region rows, each release's regions are aggregated into one row
 * (first publication → last phase-2 end), so the page stays small whatever the scenario.
 */
export const DETAILED_ROWS_MAX = 160;

const minOf = (xs: readonly (number | null)[]): number | null => {
  const present = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return present.length === 0 ? null : Math.min(...present);
};
const maxOf = (xs: readonly (number | null)[]): number | null => {
  const present = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return present.length === 0 ? null : Math.max(...present);
};

/**
 * One row per (set, release) from its regions' rows: published at the first region's
 * publication, phase 1 until the last region's phase-2 start (or last publication), phase 2
 * from the first region's phase-2 start to the last one's end; unpublished only when no
 * region was published.
 */
export function perRelease(regions: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of regions) {
    const key = JSON.stringify([row.set, row.release_version]);
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  return [...groups.values()].map((rows) => {
    const num = (field: string): (number | null)[] => rows.map((x) => (x[field] as number | null) ?? null);
    const published = minOf(num('published_at_days'));
    const p2s = minOf(num('phase2_start_days'));
    const p2e = maxOf(num('phase2_end_days'));
    return {
      set: rows[0]!.set,
      release_version: rows[0]!.release_version,
      region: `${rows.length} regions`,
      wave: `${minOf(rows.map((x) => Number(x.wave)))}–${maxOf(rows.map((x) => Number(x.wave)))}`,
      planned_at_days: minOf(num('planned_at_days')),
      published_at_days: published,
      phase1_end_days: maxOf([...num('phase2_start_days'), ...num('published_at_days')]),
      phase2_start_days: p2s,
      phase2_end_days: p2s === null ? null : p2e,
    };
  });
}

export interface RolloutOptions {
  readonly sets: readonly string[];
  readonly releaseOrder: readonly string[];
  readonly regionOrder: readonly string[];
  readonly detailed: boolean;
  /** Legend entries present in the data: [label, colour]. */
  readonly segments: readonly (readonly [string, string])[];
  readonly halts: boolean;
}

export function rolloutSpec(values: readonly Record<string, unknown>[], o: RolloutOptions): VlSpec {
  const rowsPerRelease = o.detailed ? o.regionOrder.length : 1;
  const step = o.detailed ? Math.max(5, Math.min(12, Math.floor(420 / Math.max(1, o.releaseOrder.length * rowsPerRelease)))) : 9;
  const height = Math.max(80, o.releaseOrder.length * rowsPerRelease * step);
  const y = { field: 'release_version', type: 'nominal', title: 'release', sort: [...o.releaseOrder], axis: { labelFontSize: o.releaseOrder.length > 40 ? 8 : 10 } };
  const yOffset = o.detailed ? { yOffset: { field: 'region', type: 'nominal', sort: [...o.regionOrder], scale: { paddingInner: 0.15 } } } : {};
  const x = { field: 'start', type: 'quantitative', title: 'days since start', scale: { nice: false } };
  const color = {
    field: 'segment', type: 'nominal', title: null,
    scale: { domain: o.segments.map((s) => s[0]), range: o.segments.map((s) => s[1]) },
    legend: { orient: 'top', direction: 'horizontal' },
  };
  const tooltip = [
    { field: 'release_version', title: 'release' }, { field: 'region' }, { field: 'wave' }, { field: 'segment' },
    { field: 'start', title: 'from day', format: '.2f' }, { field: 'end', title: 'to day', format: '.2f' },
  ];
  return topLevel(perSet(o.sets, (filter) => ({
    width: 700,
    height,
    encoding: { y },
    layer: [
      {
        transform: [...filter, { filter: { field: 'kind', equal: 'bar' } }],
        mark: { type: 'bar' },
        encoding: { x, x2: { field: 'end' }, color, ...yOffset, tooltip },
      },
      {
        transform: [...filter, { filter: { field: 'kind', equal: 'published' } }],
        mark: { type: 'tick', color: '#08306b', thickness: 1.5, ...(o.detailed ? {} : { opacity: 0.7 }) },
        encoding: { x, ...yOffset, tooltip },
      },
      ...(o.halts ? [{
        transform: [...filter, { filter: { field: 'kind', equal: 'halt' } }],
        mark: { type: 'point', shape: 'cross', filled: true, size: 70 },
        encoding: { x, color, tooltip: [{ field: 'release_version', title: 'release' }, { field: 'replication' }, { field: 'start', title: 'halted on day', format: '.2f' }] },
      }] : []),
    ],
  }), { scale: { x: 'shared', color: 'shared' } }, setsIn(values)), values, o.sets);
}

export function rolloutChart(data: ReportData): ChartEntry {
  const title = 'Rollout timeline';
  if (data.releases === null) return omitted('rollout', 'rollout', title, 'No releases.csv in the results: nothing to chart.');
  if (data.releases.numRows() === 0) return omitted('rollout', 'rollout', title, 'The scenario publishes no release during the run: no rollout to show.');
  const r = rolloutRows(data.releases);
  const detailed = r.releaseOrder.length * r.regionOrder.length <= DETAILED_ROWS_MAX;
  const values: Record<string, unknown>[] = [];
  const haltedFirst = new Set(r.halts.filter((h) => h.replication === 0).map((h) => JSON.stringify([h.set, h.release_version])));
  for (const row of detailed ? r.regions : perRelease(r.regions)) {
    const base = { set: row.set, release_version: row.release_version, region: row.region, wave: row.wave };
    const published = row.published_at_days as number | null;
    if (published === null) {
      // Not published: stopped by a halt, or planned after the horizon (then not drawn).
      if (!haltedFirst.has(JSON.stringify([row.set, row.release_version]))) continue;
      values.push({ ...base, kind: 'bar', segment: UNPUBLISHED, start: row.planned_at_days, end: (row.planned_at_days as number) + 0.25 });
      continue;
    }
    values.push({ ...base, kind: 'published', segment: 'published', start: published, end: published });
    const p2s = row.phase2_start_days as number | null;
    const p2e = row.phase2_end_days as number | null;
    const phase1End = (row.phase1_end_days as number | null | undefined) ?? p2s ?? published;
    values.push({ ...base, kind: 'bar', segment: PHASE1, start: published, end: phase1End });
    if (p2s !== null && p2e !== null) values.push({ ...base, kind: 'bar', segment: PHASE2, start: p2s, end: p2e });
  }
  for (const h of r.halts) values.push({ set: h.set, release_version: h.release_version, replication: h.replication, kind: 'halt', segment: HALT, start: h.halted_at_days, end: h.halted_at_days });
  const present = new Set(values.map((v) => v.segment));
  const segments = ([[PHASE1, '#c6dbef'], [PHASE2, '#3182bd'], [UNPUBLISHED, '#bbbbbb'], [HALT, '#d62728']] as const).filter(([label]) => present.has(label));
  return {
    kind: 'chart',
    name: 'rollout',
    section: 'rollout',
    title,
    caption: (detailed
      ? 'Each release has one thin row per region, in wave order (first wave on top)'
      : `Each release has one row, its ${r.regionOrder.length} regions aggregated for the page (every region's times are in releases.csv): the light bar runs from the first region's publication to the last region's phase-2 start`)
      + ': the dark tick is the publication, the light bar phase 1 (only deploys move functions), the blue bar the phase-2 window in which Lambda moves Auto functions; red crosses are halts (one per replication that halted), grey bars publications a halt prevented (replication 0).',
    spec: rolloutSpec(values, { sets: data.sets.map((s) => s.key), releaseOrder: r.releaseOrder, regionOrder: r.regionOrder, detailed, segments, halts: r.halts.length > 0 }),
  };
}
