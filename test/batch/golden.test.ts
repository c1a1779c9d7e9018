/**
 * Golden results: a fixed scenario and seed must keep giving the same resultHash. A change
 * here means the numbers a seed gives have changed (a model change, a new draw in an existing
 * stream, a different algorithm): update the hash only on purpose, and say why in the commit.
 * Beside each hash, the mean of each headline metric over the replications: checked first, so
 * a failure names the metrics that moved and by how much (the hash also catches what they miss).
 */
import { describe, expect, it } from 'vitest';
import { HEADLINE_METRICS } from '../../src/analysis/headline.js';
import { summarizeMetrics } from '../../src/analysis/metrics.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { runReplications } from './runReplications.js';

const GOLDEN = {
  'scenarios/python-patch-incompatibility.yaml': '4a54461bf05d5852f3b148a85f6436db61e635841e21e7f9100970705922903c',
  'scenarios/default.yaml': '2943b42a537e4779317c4e5490f31d307a8d2cc9656324704355eb2702d13373',
};

type Headline = Record<(typeof HEADLINE_METRICS)[number], number | null>;

/** Mean over the replications of each headline metric, for the same runs as GOLDEN. */
const HEADLINES: Record<keyof typeof GOLDEN, Headline> = {
  'scenarios/python-patch-incompatibility.yaml': {
    staleFunctionDays: 53919.09570724392, lambdaStaleFunctionDays: 20573.246442837095, ownerStaleFunctionDays: 33345.84926440683,
    timeToPatchP50Days: 9.564857482910156, timeToPatchP95Days: null, unpatchedShareAtHorizon: 0.11719303710492376,
    exposedFunctions: 27.5, failedInvocations: 71047.75470800756, timeToRollbackP50Hours: 6.931659565972223, pinnedAtHorizon: 19.75,
  },
  'scenarios/default.yaml': {
    staleFunctionDays: 541935.6400769375, lambdaStaleFunctionDays: 267706.22826120135, ownerStaleFunctionDays: 274229.4118157361,
    timeToPatchP50Days: 10.6292724609375, timeToPatchP95Days: null, unpatchedShareAtHorizon: 0.1294250334491474,
    exposedFunctions: 131.6, failedInvocations: 594514.9184128527, timeToRollbackP50Hours: 6.339278666666667, pinnedAtHorizon: 27.8,
  },
};

/** `metric: expected → got (+delta, +x%)` for each headline metric whose mean changed. */
function moved(expected: Headline, got: Headline): string[] {
  const out: string[] = [];
  for (const name of HEADLINE_METRICS) {
    const [a, b] = [expected[name], got[name]];
    if (a === b) continue;
    const delta = a !== null && b !== null ? ` (${b - a >= 0 ? '+' : ''}${b - a}, ${a === 0 ? 'from 0' : `${(((b - a) / Math.abs(a)) * 100).toPrecision(3)}%`})` : '';
    out.push(`${name}: ${a} → ${b}${delta}`);
  }
  return out;
}

describe('golden resultHash', () => {
  it.each(Object.entries(GOLDEN))('%s (its own seed)', async (file, expected) => {
    const loaded = await loadScenarioFile(file);
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
    const run = runReplications(loaded.scenario, { seed: loaded.scenario.seed, replications: loaded.scenario.replications, keepPatches: false });
    const summary = summarizeMetrics(run.results);
    const got = Object.fromEntries(HEADLINE_METRICS.map((m) => [m, summary[m].mean])) as Headline;
    expect(moved(HEADLINES[file as keyof typeof GOLDEN], got), 'headline means that moved').toEqual([]);
    expect(run.resultHash).toBe(expected);
  });

  it('the moved-metric table names a metric and its change', () => {
    const base = HEADLINES['scenarios/default.yaml'];
    expect(moved(base, { ...base })).toEqual([]);
    expect(moved(base, { ...base, exposedFunctions: 132.6, timeToPatchP95Days: 30 })).toEqual([
      'timeToPatchP95Days: null → 30',
      'exposedFunctions: 131.6 → 132.6 (+1, 0.760%)',
    ]);
  });

  it('a replication run alone gives the same digest as within the batch', async () => {
    const loaded = await loadScenarioFile('scenarios/python-patch-incompatibility.yaml');
    if (!loaded.ok) throw new Error('invalid');
    const all = runReplications(loaded.scenario, { seed: 7, replications: 3, keepPatches: false });
    const { simulateReplication } = await import('../../src/model/simulate.js');
    expect(simulateReplication(loaded.scenario, 2, { seed: 7, keepPatches: false }).digest).toBe(all.results[2]!.digest);
  });
});
