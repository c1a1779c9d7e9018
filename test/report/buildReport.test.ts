/**
 * buildReport on results folders made by `run` at reduced size: the files it makes, every
 * chart a valid vega-lite spec with a static SVG, charts without data omitted with a note,
 * scenario strings escaped, sweeps (hand-made folder in the contract's format) and
 * comparisons side by side.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildComparison, buildReport, reportCharts } from '../../src/report/buildReport.js';
import type { ChartEntry } from '../../src/report/chart.js';
import { readResults, ResultsFileError } from '../../src/report/readResults.js';
import { escapeHtml } from '../../src/report/escape.js';
import { compileSpec } from '../../src/report/svg.js';
import { runScenario, runSource, tempDir, writeSweepFixture } from './runResults.js';

const HOOK_MS = 240_000;
const TEST_MS = 120_000;
/** vega-lite's dataflow optimiser gives up early on big layered concats; the spec is still right. */
const BENIGN_WARNING = /Maximum optimization runs/;

/** Whether `page` contains `text` (a boolean, so a failure does not print the whole page). */
const has = (page: string, text: string): boolean => page.includes(text);

const html = (files: { name: string; content: string | Buffer }[]): string => String(files.find((f) => f.name === 'report.html')!.content);
const shown = (charts: ChartEntry[]): string[] => charts.filter((c) => c.kind === 'chart').map((c) => c.name);

function expectValidCharts(charts: ChartEntry[]): void {
  for (const c of charts) {
    expect(c.title.length).toBeGreaterThan(0);
    if (c.kind === 'omitted') {
      expect(c.note.length).toBeGreaterThan(10);
      continue;
    }
    expect(c.name).toMatch(/^[a-z0-9-]+$/);
    expect(c.caption).toMatch(/\.$/);
    const { warnings } = compileSpec(c.spec);
    expect(warnings.filter((w) => !BENIGN_WARNING.test(w)), c.name).toEqual([]);
  }
}

describe('a run with a bad release and an INIT_START log', () => {
  const dir = join(tempDir(), 'run');
  let files: Awaited<ReturnType<typeof buildReport>>['files'];
  let charts: ChartEntry[];

  beforeAll(async () => {
    await runScenario('scenarios/python-patch-incompatibility.yaml', dir, { functions: 1500, replications: 3 });
    files = (await buildReport(dir, { runSeconds: 4.25 })).files;
    charts = reportCharts(await readResults([{ dir }]), false);
  }, HOOK_MS);

  it('makes report.html and one SVG per chart shown', () => {
    const svgs = files.filter((f) => f.name.startsWith('charts/')).map((f) => f.name).sort();
    expect(svgs).toEqual(shown(charts).map((n) => `charts/${n}.svg`).sort());
    for (const f of files.filter((x) => x.name.endsWith('.svg'))) expect(/^<svg[\s\S]*<\/svg>$/.test(String(f.content)), f.name).toBe(true);
  });

  it('shows every chart the data allows, each a valid spec', () => {
    expect(shown(charts)).toEqual([
      'fleet-share', 'stale-share', 'responsibility', 'time-to-patch', 'rollout', 'failed-over-time', 'exposed-by-wave', 'response-times', 'init-start',
    ]);
    expectValidCharts(charts);
  });

  it('is self-contained: bundles and specs inline, nothing to fetch, the static SVG in <noscript>', () => {
    const page = html(files);
    expect(has(page, '<meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(/<script[^>]+src=|<link[^>]+href=/.test(page)).toBe(false);
    expect(has(page, 'vegaEmbed')).toBe(true);
    expect((page.match(/<noscript><div class="plot static"><svg/g) ?? []).length).toBe(shown(charts).length);
    const specs = JSON.parse(page.match(/<script type="application\/json" id="report-specs">([\s\S]*?)<\/script>/)![1]!);
    expect(Object.keys(specs).sort()).toEqual(shown(charts).sort());
  });

  it('summarises the run: metrics with CIs, seed, resultHash, version, run time, and the scenario text', () => {
    const page = html(files);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(has(page, summary.resultHash)).toBe(true);
    expect(has(page, '<td class="num">7</td>')).toBe(true); // the seed
    expect(has(page, `lambda-rollout-sim ${summary.tool.version}`)).toBe(true);
    expect(has(page, '4.3 s')).toBe(true);
    expect(/staleFunctionDays<\/td><td class="num">[\d,.]+ ± [\d,.]+</.test(page)).toBe(true);
    expect(has(page, escapeHtml(readFileSync(join(dir, 'scenario.yaml'), 'utf8')))).toBe(true);
  });

  it('leaves a clear place for the run time when none is given', async () => {
    const page = html((await buildReport(dir)).files);
    expect(has(page, 'not recorded')).toBe(true);
  });
});

describe('a run without a bad release, a log or patches.csv', () => {
  const dir = join(tempDir(), 'quiet');
  beforeAll(async () => {
    const source = `name: quiet fleet
seed: 5
horizon: 20d
sampleEvery: 1d
fleet:
  functions: 800
  regions: { eu-west-1: 1 }
  runtimes: { java21: 1 }
releases:
  - { runtime: java21, version: java:21.v2, at: 2d }
`;
    await runSource(source, 'quiet.yaml', dir, ['--no-patches']);
  }, HOOK_MS);

  it('omits the charts it has no data for, each with a short note', async () => {
    const charts = reportCharts(await readResults([{ dir }]), false);
    const omitted = Object.fromEntries(charts.filter((c) => c.kind === 'omitted').map((c) => [c.name, (c as { note: string }).note]));
    expect(Object.keys(omitted).sort()).toEqual(['exposed-by-wave', 'failed-over-time', 'init-start', 'response-times', 'sweep-metrics', 'sweep-tradeoff', 'time-to-patch']);
    expect(omitted['time-to-patch']).toMatch(/--no-patches/);
    expect(omitted['failed-over-time']).toMatch(/incompatible/);
    expectValidCharts(charts);
    const page = html((await buildReport(dir)).files);
    expect(has(page, 'class="omitted"')).toBe(true);
  }, TEST_MS);
});

describe('a hostile scenario', () => {
  const dir = join(tempDir(), 'xss');
  beforeAll(async () => {
    await runScenario('test/report/fixtures/xss.yaml', dir, { functions: 600, replications: 2 });
  }, HOOK_MS);

  it('shows every scenario string as text', async () => {
    const { files } = await buildReport(dir);
    const page = html(files);
    const outsideBundles = page.replace(/<script>[\s\S]*?<\/script>/g, '');
    expect(/<img|<svg\/onload|<script>alert|onerror=alert\(1\)>/i.test(outsideBundles)).toBe(false);
    expect(has(outsideBundles, '<h1>&lt;img src=x onerror=alert(1)&gt;</h1>')).toBe(true);
    expect(page.match(/<script[\s>]/g)!.length).toBe(5); // three bundles, the specs, the embedding code
    for (const f of files.filter((x) => x.name.endsWith('.svg'))) expect(/<img|<script|<svg\/onload/i.test(String(f.content)), f.name).toBe(false);
  }, TEST_MS);
});

describe('a sweep (hand-made folder in the contract format)', () => {
  const dir = join(tempDir(), 'sweep');
  beforeAll(async () => {
    await writeSweepFixture('scenarios/phase2-timing-sweep.yaml', dir, [
      { 'releases[0].phase2.startAfter': '1d' }, { 'releases[0].phase2.startAfter': '5d' }, { 'releases[0].phase2.startAfter': '10d' },
    ], { functions: 1200, replications: 2 });
  }, HOOK_MS);

  it('reads one result set per point, labelled by its parameters', async () => {
    const data = await readResults([{ dir }]);
    expect(data.sets.map((s) => s.key)).toEqual(['p0: startAfter 1d', 'p1: startAfter 5d', 'p2: startAfter 10d']);
    expect(data.sweepPaths).toEqual(['releases[0].phase2.startAfter']);
    expect(data.timeseries!.columnNames()).not.toContain('point');
  }, TEST_MS);

  it('charts the metrics against the swept parameter and the trade-off', async () => {
    const charts = reportCharts(await readResults([{ dir }]), false);
    expect(shown(charts)).toEqual(expect.arrayContaining(['sweep-metrics', 'fleet-share', 'time-to-patch', 'rollout']));
    const metrics = charts.find((c) => c.name === 'sweep-metrics')!;
    expect(metrics.kind).toBe('chart');
    if (metrics.kind === 'chart') {
      expect(JSON.stringify(metrics.spec)).toContain('releases[0].phase2.startAfter (days)');
      const xs = (metrics.spec.data as { values: { x: number }[] }).values.map((v) => v.x);
      expect(new Set(xs)).toEqual(new Set([1, 5, 10]));
    }
    expectValidCharts(charts);
    const { files } = await buildReport(dir);
    expect(files.map((f) => f.name)).toContain('charts/sweep-metrics.svg');
  }, TEST_MS);
});

describe('a comparison', () => {
  const root = tempDir();
  beforeAll(async () => {
    await runScenario('scenarios/org-policy-allow.yaml', join(root, 'allow'), { functions: 1500, replications: 2 });
    await runScenario('scenarios/org-policy-deny.yaml', join(root, 'deny'), { functions: 1500, replications: 2 });
  }, HOOK_MS);

  it('sets the runs side by side, named by their scenarios', async () => {
    const data = await readResults([{ dir: join(root, 'allow') }, { dir: join(root, 'deny') }]);
    expect(data.sets.map((s) => s.key)).toEqual([
      'organisation allows PutRuntimeManagementConfig (baseline, policy off)',
      'organisation denies PutRuntimeManagementConfig (policy on)',
    ]);
    const charts = reportCharts(data, true);
    expect(shown(charts)).toEqual(expect.arrayContaining(['compare-metrics', 'compare-tradeoff', 'stale-share']));
    expectValidCharts(charts);
    const page = html((await buildComparison([{ dir: join(root, 'allow'), label: 'allow' }, { dir: join(root, 'deny'), label: 'deny' }])).files);
    expect(has(page, '<h1>Comparison: allow vs deny</h1>')).toBe(true);
  }, TEST_MS);

  it('refuses a folder that is not a results folder', async () => {
    await expect(buildReport(tempDir())).rejects.toThrow(ResultsFileError);
  });
});
