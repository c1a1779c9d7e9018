/** The benchmark's batch: timed, and the same answer for 1 and 2 workers. */
import { describe, expect, it } from 'vitest';
import { benchWorkers } from '../../src/batch/benchWorkers.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { SMALL } from './helpers.js';

describe('benchWorkers', () => {
  it('runs N units on W workers and returns the wall time', async () => {
    const loaded = await loadScenarioFile(SMALL);
    if (!loaded.ok) throw new Error('fixture does not load');
    const one = await benchWorkers(loaded.scenario, 1, 8);
    const two = await benchWorkers(loaded.scenario, 2, 8);
    expect(one).toMatchObject({ workers: 1, units: 8 });
    expect(two).toMatchObject({ workers: 2, units: 8, resultHash: one.resultHash, events: one.events });
    expect(one.wallMs).toBeGreaterThan(0);
  }, 60_000);
});
