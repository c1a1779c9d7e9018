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
  'scenarios/python-patch-incompatibility.yaml': 'b0a107032355f7bf5b5ea48d818e8435242b93f8c34ebb034ec3a327703a7b82',
  // Post-dated moves (2026-12-02): the same model, with patch rows booked in another order and
  // stale invocations summed in another order; every headline mean below is unchanged.
  'scenarios/default.yaml': 'edddfb4c39b7d92b114e4cdf0e878c5b3f78f3e6b55a022fb02027fc8a0c65cb',
};

type Headline = Record<(typeof HEADLINE_METRICS)[number], number | null>;

/** Mean over the replications of each headline metric, for the same runs as GOLDEN. */
const HEADLINES: Record<keyof typeof GOLDEN, Headline> = {
  'scenarios/python-patch-incompatibility.yaml': {
    staleFunctionDays: 54047.917560322625, lambdaStaleFunctionDays: 20708.088732854456, ownerStaleFunctionDays: 33339.82882746817,
    timeToPatchP50Days: 9.602165222167969, timeToPatchP95Days: null, unpatchedShareAtHorizon: 0.11797901373063033,
    exposedFunctions: 27.375, failedInvocations: 153059.29065150002, timeToRollbackP50Hours: 6.318164375, pinnedAtHorizon: 20.25,
  },
  'scenarios/default.yaml': {
    staleFunctionDays: 542359.9491174329, lambdaStaleFunctionDays: 267606.79158489814, ownerStaleFunctionDays: 274753.1575325347,
    timeToPatchP50Days: 10.624603271484375, timeToPatchP95Days: null, unpatchedShareAtHorizon: 0.1294307060209979,
    exposedFunctions: 134.8, failedInvocations: 435054.9060995815, timeToRollbackP50Hours: 7.087718749999999, pinnedAtHorizon: 24.6,
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
    const base = { ...HEADLINES['scenarios/default.yaml'], exposedFunctions: 100 };
    expect(moved(base, { ...base })).toEqual([]);
    expect(moved(base, { ...base, exposedFunctions: 110, timeToPatchP95Days: 30 })).toEqual([
      'timeToPatchP95Days: null → 30',
      'exposedFunctions: 100 → 110 (+10, 10.0%)',
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
