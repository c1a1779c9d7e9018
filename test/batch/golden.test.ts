/**
 * Golden results: a fixed scenario and seed must keep giving the same resultHash. A change
 * here means the numbers a seed gives have changed (a model change, a new draw in an existing
 * stream, a different algorithm): update the hash only on purpose, and say why in the commit.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { runReplications } from './runReplications.js';

const GOLDEN = {
  'scenarios/python-patch-incompatibility.yaml': '4a54461bf05d5852f3b148a85f6436db61e635841e21e7f9100970705922903c',
  'scenarios/default.yaml': '2943b42a537e4779317c4e5490f31d307a8d2cc9656324704355eb2702d13373',
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
