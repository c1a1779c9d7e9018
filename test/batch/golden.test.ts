/**
 * Golden results: a fixed scenario and seed must keep giving the same resultHash. A change
 * here means the numbers a seed gives have changed (a model change, a new draw in an existing
 * stream, a different algorithm): update the hash only on purpose, and say why in the commit.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { runReplications } from '../../src/batch/runReplications.js';

const GOLDEN = {
  'scenarios/python-patch-incompatibility.yaml': 'b0a107032355f7bf5b5ea48d818e8435242b93f8c34ebb034ec3a327703a7b82',
  'scenarios/default.yaml': 'd723ada700790749a1f3592f4938de570e9a4841dd619fa6263f9525dc85294e',
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
