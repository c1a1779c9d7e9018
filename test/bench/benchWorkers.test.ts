/**
 * The benchmark's batch: the same answer for 1 and 2 workers, and the answer a plain
 * in-thread run of the same replications gives (so the timing measures real work).
 */
import { describe, expect, it } from 'vitest';
import { benchWorkers } from '../../src/bench/benchWorkers.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { SMALL } from '../batch/helpers.js';
import { runReplications } from '../batch/runReplications.js';

describe('benchWorkers', () => {
  it('runs N units on W workers: same hash and events as an in-thread run, a finite wall time', async () => {
    const loaded = await loadScenarioFile(SMALL);
    if (!loaded.ok) throw new Error('fixture does not load');
    const one = await benchWorkers(loaded.scenario, 1, 8);
    const two = await benchWorkers(loaded.scenario, 2, 8);
    const inThread = runReplications(loaded.scenario, { seed: loaded.scenario.seed, replications: 8, keepPatches: false });
    const events = inThread.results.reduce((n, r) => n + r.totals.events, 0);
    expect(one).toMatchObject({ workers: 1, units: 8, resultHash: inThread.resultHash, events });
    expect(two).toMatchObject({ workers: 2, units: 8, resultHash: inThread.resultHash, events });
    expect(events).toBeGreaterThan(0);
    for (const b of [one, two]) expect(Number.isFinite(b.wallMs) && b.wallMs > 0).toBe(true);
  }, 60_000);
});
