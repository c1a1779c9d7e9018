/**
 * One end-to-end measurement in a process of its own, so that its peak RSS is its own:
 * `node dist/bench/endToEndChild.js <functions> <horizonDays> <releaseDays> [sampleEveryDays] [progress]`
 * prints one JSON line with wall time, simulated events, CPU time, peak RSS and the
 * replication's digest (to check that a change of speed changed nothing else). With
 * `progress` (1) the run writes a progress cell on a SharedArrayBuffer, as a worker does.
 */
import { simulateReplication } from '../model/simulate.js';
import { widenInliningBudget } from '../batch/inliningBudget.js';
import { createProgressCell, progressView } from '../batch/progressCell.js';
import { benchScenario } from './benchScenario.js';

widenInliningBudget(); // as the worker thread's entry does (src/batch/worker.ts)

const [functions, horizonDays, releaseDays, sampleEveryDays, progress] = process.argv.slice(2).map(Number);
const scenario = benchScenario({
  functions: functions!, horizonDays: horizonDays!, releaseDays: releaseDays!,
  ...(sampleEveryDays !== undefined && sampleEveryDays > 0 ? { sampleEveryDays } : {}),
});
const start = process.hrtime.bigint();
const result = simulateReplication(scenario, 0, {
  seed: 1,
  keepPatches: false,
  ...(progress === 1 ? { progress: progressView(createProgressCell()) } : {}),
});
const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
const usage = process.resourceUsage();
process.stdout.write(JSON.stringify({
  functions: result.totals.functions,
  wallMs,
  events: result.totals.events,
  releases: scenario.releases.length,
  cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  maxRssBytes: usage.maxRSS * 1024,
  digest: result.digest,
}) + '\n');
