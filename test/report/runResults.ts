/**
 * Test helpers: results folders made at reduced size through the `run` command (the
 * interface the report reads from). A scenario file is checked as written with the scenario
 * loader, shrunk (fewer functions and replications, creations scaled alike) in a copy, and
 * run in process with `runCli`. A hand-made sweep folder in the format the report expects
 * (a `point` first column in the row files, `points` in summary.json, sweep.csv) is
 * assembled from one such run per point.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { runCli } from '../../src/cli/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { formatScenarioError, loadScenarioFile } from '../../src/scenario/load.js';

export function captureIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stderrIsTty: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

export const tempDir = (prefix = 'lrs-report-'): string => mkdtempSync(join(tmpdir(), prefix));

/** Sets a value at a path like `releases[0].phase2.startAfter` in a YAML text (comments kept). */
export function setPath(source: string, path: string, value: unknown): string {
  const doc = parseDocument(source);
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  doc.setIn(keys, value);
  return doc.toString();
}

export interface Size {
  readonly functions: number;
  readonly replications: number;
}

/**
 * The scenario text at reduced size: at most `functions` functions and `replications` replications.
 * A scenario on an inventory (`fleet.inventory`) keeps the inventory's functions; its path is made
 * absolute from `fromDir` (the original file's folder), since the text is run from a temp folder.
 */
export function shrinkSource(source: string, size: Size, fromDir = '.'): string {
  const doc = parseDocument(source);
  const inventory = doc.getIn(['fleet', 'inventory']);
  if (typeof inventory === 'string') {
    doc.setIn(['fleet', 'inventory'], resolve(fromDir, inventory));
    doc.setIn(['replications'], Math.min(size.replications, Number(doc.getIn(['replications']) ?? 1)));
    return doc.toString();
  }
  const functions = Number(doc.getIn(['fleet', 'functions']));
  const replications = Number(doc.getIn(['replications']) ?? 1);
  const created = doc.getIn(['fleet', 'createdPerDay']);
  const n = Math.min(size.functions, functions);
  doc.setIn(['fleet', 'functions'], n);
  doc.setIn(['replications'], Math.min(size.replications, replications));
  if (typeof created === 'number') doc.setIn(['fleet', 'createdPerDay'], Number(((created * n) / functions).toFixed(3)));
  return doc.toString();
}

/** Checks a scenario file as written; throws every error. */
export async function checkScenarioFile(file: string): Promise<void> {
  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatScenarioError).join('\n'));
}

/** Runs scenario text (written under `fileName` in a temp folder) into `outDir` with `run`. */
export async function runSource(source: string, fileName: string, outDir: string, extraArgs: readonly string[] = []): Promise<void> {
  const dir = tempDir('lrs-scenario-');
  const file = join(dir, fileName);
  writeFileSync(file, source);
  const io = captureIo();
  const code = await runCli(['run', file, '--out', outDir, '--quiet', '--force', ...extraArgs], io);
  if (code !== 0) throw new Error(`run ${fileName} exited ${code}:\n${io.err}`);
}

/** A scenario file run at reduced size into `outDir`. */
export async function runScenario(file: string, outDir: string, size: Size): Promise<void> {
  await runSource(shrinkSource(readFileSync(file, 'utf8'), size, dirname(file)), basename(file), outDir);
}

const ROW_FILES = ['timeseries.csv', 'patches.csv', 'exposure.csv', 'episodes.csv', 'releases.csv', 'catalog.csv'];

/**
 * A sweep folder in the contract's format, made by hand: each point is the base scenario
 * (its `sweep:` removed) with `parameters` put in, run at reduced size; row files get a
 * first column `point`, summary.json `points: [{point, parameters, metrics}]` (the other
 * fields from point 0), and sweep.csv one row per point and metric.
 */
export async function writeSweepFixture(file: string, outDir: string, points: readonly Record<string, unknown>[], size: Size): Promise<void> {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.delete('sweep');
  const base = shrinkSource(doc.toString(), size);
  const runs: { dir: string; summary: Record<string, unknown> & { metrics: Record<string, { mean: number | null; ci95: [number, number] | null; unit: string; definedIn: number }> } }[] = [];
  for (const [i, parameters] of points.entries()) {
    let text = base;
    for (const [path, value] of Object.entries(parameters)) text = setPath(text, path, value);
    const dir = join(tempDir('lrs-point-'), `p${i}`);
    await runSource(text, basename(file), dir);
    runs.push({ dir, summary: JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) });
  }
  mkdirSync(outDir, { recursive: true });
  for (const name of ROW_FILES) {
    const parts = runs.map((r, point) => {
      const lines = readFileSync(join(r.dir, name), 'utf8').split('\n').filter((l) => l !== '');
      return { header: `point,${lines[0]}`, rows: lines.slice(1).map((l) => `${point},${l}`) };
    });
    writeFileSync(join(outDir, name), [parts[0]!.header, ...parts.flatMap((p) => p.rows)].join('\n') + '\n');
  }
  const first = runs[0]!;
  for (const extra of ['init_start.ndjson', 'scenario.yaml']) {
    if (readdirSync(first.dir).includes(extra)) writeFileSync(join(outDir, extra), readFileSync(join(first.dir, extra)));
  }
  const paths = Object.keys(points[0] ?? {});
  const sweep = [['point', ...paths, 'metric', 'mean', 'ci95_lo', 'ci95_hi', 'replications', 'unit'].join(',')];
  runs.forEach((r, point) => {
    for (const [metric, m] of Object.entries(r.summary.metrics)) {
      sweep.push([point, ...paths.map((p) => String(points[point]![p])), metric, m.mean ?? '', m.ci95?.[0] ?? '', m.ci95?.[1] ?? '', m.definedIn, m.unit].join(','));
    }
  });
  writeFileSync(join(outDir, 'sweep.csv'), sweep.join('\n') + '\n');
  const perReplication = runs.flatMap((r, point) => (r.summary.perReplication as Record<string, unknown>[]).map((row) => ({ point, ...row })));
  const summary = { ...first.summary, points: runs.map((r, point) => ({ point, parameters: points[point], metrics: r.summary.metrics })), perReplication };
  writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
}
