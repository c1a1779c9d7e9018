/**
 * Child process of estimate.test.ts: runs one replication of a scenario file, keeping its
 * result, and prints the estimate beside what it measured: the rise of peak RSS
 * (`process.resourceUsage().maxRSS`) and of live heap + array buffers after a GC.
 * Run as `node --expose-gc --import tsx memoryChild.ts FILE [keepPatches]`.
 */
import { estimateRun } from '../../src/batch/estimate.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { formatScenarioError, loadScenarioFile } from '../../src/scenario/load.js';

const [file, patchesArg] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (file === undefined || gc === undefined) throw new Error('usage: node --expose-gc --import tsx memoryChild.ts FILE [keepPatches]');
const keepPatches = patchesArg !== 'false';
const loaded = await loadScenarioFile(file);
if (!loaded.ok) throw new Error(loaded.errors.map(formatScenarioError).join('\n'));
const { scenario } = loaded;
const keepChanges = scenario.outputs.events;
const initStart = scenario.outputs.initStartLog;
const options = { seed: scenario.seed, keepPatches, keepChanges, ...(initStart === null ? {} : { initStartSample: initStart.sample }) };

// Warm up the code paths on a tiny copy, so the measured rise is data, not compiled code.
simulateReplication({ ...scenario, fleet: { ...scenario.fleet, functions: 50 } }, 0, options);
gc();
const live = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const liveBefore = live();
const peakBefore = process.resourceUsage().maxRSS * 1024;
const result = simulateReplication(scenario, 0, options);
const peakAfter = process.resourceUsage().maxRSS * 1024;
gc();
const retained = live() - liveBefore;
const estimate = estimateRun(scenario, { replications: 1, keepPatches, keepChanges });
console.log(JSON.stringify({
  estimatedBytes: estimate.replicationBytes,
  peakRiseBytes: peakAfter - peakBefore,
  retainedBytes: retained,
  patchRows: result.patches?.length ?? 0,
  estimatedPatchRows: estimate.rows.patches,
  timeseriesRows: result.timeseries.sample.length,
  estimatedTimeseriesRows: estimate.rows.timeseries,
}));
