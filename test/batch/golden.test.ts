/**
 * Golden results: a fixed scenario and seed must keep giving the same resultHash. A change
 * here means the numbers a seed gives have changed (a model change, a new draw in an existing
 * stream, a different algorithm): update the hash only on purpose, and say why in the commit.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { runReplications } from '../../src/batch/runReplications.js';

const GOLDEN = {
  'scenarios/python-patch-incompatibility.yaml': 'edbcc62b9785ad27498882244a03244b475cf5165b08bfe5456712042d0b2aa4',
  'scenarios/default.yaml': 'f5e4cf9af3d649a572a7d9515f32629a31096f1b8a7ae9658e80f3abb2a794e4',
};

describe('golden resultHash', () => {
  it.each(Object.entries(GOLDEN))('%s (its own seed)', async (file, expected) => {
    const loaded = await loadScenarioFile(file);
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
    const run = runReplications(loaded.scenario, { seed: loaded.scenario.seed, replications: loaded.scenario.replications, keepPatches: false });
    expect(run.resultHash).toBe(expected);
  });

  it('a replication run alone gives the same digest as within the batch', async () => {
    const loaded = await loadScenarioFile('scenarios/python-patch-incompatibility.yaml');
    if (!loaded.ok) throw new Error('invalid');
    const all = runReplications(loaded.scenario, { seed: 7, replications: 3, keepPatches: false });
    const { simulateReplication } = await import('../../src/model/simulate.js');
    expect(simulateReplication(loaded.scenario, 2, { seed: 7, keepPatches: false }).digest).toBe(all.results[2]!.digest);
  });
});
