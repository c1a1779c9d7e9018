/**
 * Golden results: a fixed scenario and seed must keep giving the same resultHash. A change
 * here means the numbers a seed gives have changed (a model change, a new draw in an existing
 * stream, a different algorithm): update the hash only on purpose, and say why in the commit.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { runReplications } from '../../src/batch/runReplications.js';

const GOLDEN = {
  'scenarios/python-patch-incompatibility.yaml': '47c63dc167f90c27c845de1c9ac64b702d936aa72e2e8955b87a57f624ea581d',
  'scenarios/default.yaml': '0f5dfa72361a11419d0ab6ead1aa84f4f559d9418c1d9662d099cc65c3a87d42',
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
