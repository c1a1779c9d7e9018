/**
 * What every chart module returns, and the pieces their specs share: the look (one
 * config for all charts), colours for the model's categories, and the layout of several
 * result sets (one view per set, stacked, on shared scales).
 */

/** A vega-lite specification (plain JSON). */
export type VlSpec = Record<string, unknown>;

export type Section = 'fleet' | 'patch' | 'rollout' | 'exposure' | 'logs' | 'sweep';

export interface ChartShown {
  readonly kind: 'chart';
  /** File name stem in charts/ and the element id in the page: [a-z0-9-]. */
  readonly name: string;
  readonly section: Section;
  readonly title: string;
  /** One sentence: how to read it. */
  readonly caption: string;
  readonly spec: VlSpec;
}

export interface ChartOmitted {
  readonly kind: 'omitted';
  readonly name: string;
  readonly section: Section;
  readonly title: string;
  /** Why there is nothing to show. */
  readonly note: string;
}

export type ChartEntry = ChartShown | ChartOmitted;

export function omitted(name: string, section: Section, title: string, note: string): ChartOmitted {
  return { kind: 'omitted', name, section, title, note };
}

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The look of every chart: quiet axes, left-aligned titles, no chart border. */
export const CONFIG: VlSpec = {
  font: FONT,
  background: 'white',
  padding: 8,
  view: { stroke: null, continuousWidth: 640, continuousHeight: 240 },
  axis: {
    labelColor: '#444', titleColor: '#333', titleFontWeight: 600, titleFontSize: 11, labelFontSize: 10,
    gridColor: '#e8e8e8', domainColor: '#888', tickColor: '#888',
  },
  legend: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 600, labelLimit: 260, symbolLimit: 16 },
  header: { labelFontSize: 11, labelFontWeight: 600, titleFontSize: 12 },
  title: { anchor: 'start', fontSize: 12, fontWeight: 600, color: '#222', subtitleColor: '#555', subtitleFontSize: 11, offset: 8 },
  concat: { spacing: 28 },
  range: { category: ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'] },
};

/** Fixed colours for the model's categories, so that a mode has one colour everywhere. */
export const GROUP_COLORS: Readonly<Record<string, string>> = {
  Auto: '#1f77b4',
  FunctionUpdate: '#ff7f0e',
  Manual: '#d62728',
  Image: '#9467bd',
  Zip: '#2ca02c',
  'All functions': '#555555',
  Lambda: '#1f77b4',
  Owner: '#e6842a',
  alias: '#2ca02c',
  pin: '#d62728',
  image: '#9467bd',
  'not rolled back': '#7f7f7f',
};

export function colorScale(domain: readonly string[]): VlSpec {
  return { domain: [...domain], range: domain.map((d, i) => GROUP_COLORS[d] ?? (CONFIG.range as { category: string[] }).category[i % 10]) };
}

/** Update mode as shown: image functions have none (R3), so they are their own group. */
export const IMAGE_GROUP = 'Image';

/** Numbers to 6 significant digits: plenty for a chart, and a third of the bytes. */
function compactNumber(v: unknown): unknown {
  return typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v;
}

/**
 * A top-level spec: schema, look, and the inline data (plus named `datasets`, for layers
 * that take other rows). With `sets`, each row's `set` (a result set's name) is replaced by
 * its index, which is what `perSet` filters on.
 */
export function topLevel(body: VlSpec, values: readonly Record<string, unknown>[], sets?: readonly string[], datasets?: Readonly<Record<string, readonly Record<string, unknown>[]>>): VlSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    data: { values: compactRows(values, sets) },
    ...(datasets === undefined ? {} : { datasets: Object.fromEntries(Object.entries(datasets).map(([k, v]) => [k, compactRows(v, sets)])) }),
    ...body,
  };
}

/** Rows for a spec: numbers shortened; with `sets`, `set` replaced by its index (see `perSet`). */
export function compactRows(values: readonly Record<string, unknown>[], sets?: readonly string[]): Record<string, unknown>[] {
  const index = new Map((sets ?? []).map((s, i) => [s, i]));
  return values.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) {
      if (k === 'set' && sets !== undefined) {
        if (sets.length > 1) out.set = index.get(String(v)) ?? -1;
      } else out[k] = compactNumber(v);
    }
    return out;
  });
}

/**
 * One view per result set, stacked, on shared scales; with a single set, the view itself.
 * `view(filter)` builds a view whose transforms start with `filter` (the set's rows; the
 * spec's data must come from `topLevel(…, sets)`). Sets outside `include` (those without
 * rows for this view) are left out rather than drawn empty.
 */
export function perSet(
  sets: readonly string[],
  view: (filter: VlSpec[], set: string | null) => VlSpec,
  resolve?: VlSpec,
  include?: ReadonlySet<string>,
): VlSpec {
  if (sets.length <= 1) return view([], null);
  const shown = sets.map((set, i) => ({ set, i })).filter(({ set }) => include === undefined || include.has(set));
  return {
    vconcat: shown.map(({ set, i }) => ({ ...view([{ filter: { field: 'set', equal: i } }], set), title: { text: set, fontSize: 12 } })),
    resolve: resolve ?? { scale: { x: 'shared', y: 'shared', color: 'shared' } },
  };
}

/** The sets that have rows in `values` (optionally only rows passing `keep`). */
export function setsIn(values: readonly Record<string, unknown>[], keep: (row: Record<string, unknown>) => boolean = () => true): Set<string> {
  return new Set(values.filter(keep).map((v) => String(v.set)));
}

/** Colours for the versions of one runtime, oldest first. */
export function versionColors(n: number, kind: 'bands' | 'lines'): string[] {
  const stops = kind === 'bands'
    ? [[0xc6, 0xdb, 0xef], [0x6b, 0xae, 0xd6], [0x21, 0x71, 0xb5], [0x08, 0x30, 0x6b]]
    : [[0xe6, 0x84, 0x2a], [0x9e, 0x4a, 0x9c], [0x21, 0x71, 0xb5], [0x1a, 0x98, 0x50]];
  if (n <= 0) return [];
  if (n === 1) return [kind === 'bands' ? '#2171b5' : '#2171b5'];
  const hex = (x: number): string => Math.round(x).toString(16).padStart(2, '0');
  return Array.from({ length: n }, (_, i) => {
    const pos = (i / (n - 1)) * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(pos));
    const f = pos - k;
    const a = stops[k]!;
    const b = stops[k + 1]!;
    return `#${hex(a[0]! + (b[0]! - a[0]!) * f)}${hex(a[1]! + (b[1]! - a[1]!) * f)}${hex(a[2]! + (b[2]! - a[2]!) * f)}`;
  });
}

/** A legend listing at most about `max` of `labels` (first and last kept), for runtimes with many versions. */
export function fewLabels(labels: readonly string[], max = 12): string[] {
  if (labels.length <= max) return [...labels];
  const step = (labels.length - 1) / (max - 1);
  return [...new Set(Array.from({ length: max }, (_, i) => labels[Math.round(i * step)]!))];
}

/** Legend for line charts: solid strokes, whatever the first layer's opacity. */
export const LINE_LEGEND: VlSpec = { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2.5 };

/** Points per curve: fewer when several result sets share a chart, so the page stays small. */
export function pointsPerSet(sets: number, full = 240): number {
  return Math.max(60, Math.round(full / Math.sqrt(Math.max(1, sets))));
}

/** Keeps at most about `target` of the sorted distinct values (always the first and last). */
export function thin(values: readonly number[], target: number): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length <= target) return sorted;
  const step = (sorted.length - 1) / (target - 1);
  const out = new Set<number>();
  for (let i = 0; i < target; i++) out.add(sorted[Math.round(i * step)]!);
  return [...out];
}
