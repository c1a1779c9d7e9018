/**
 * One batch of units on a worker pool in a process of its own (benchWorkers.ts), so that two
 * can run side by side: `node dist/bench/workersChild.js <functions> <horizonDays> <releaseDays> <workers> <units>`
 * prints one JSON line with the batch's wall time and result hash.
 */
import { benchScenario } from './benchScenario.js';
import { benchWorkers } from './benchWorkers.js';

const [functions, horizonDays, releaseDays, workers, units] = process.argv.slice(2).map(Number);
const scenario = benchScenario({ functions: functions!, horizonDays: horizonDays!, releaseDays: releaseDays! });
const run = await benchWorkers(scenario, workers!, units!);
process.stdout.write(JSON.stringify({ wallMs: run.wallMs, resultHash: run.resultHash }) + '\n');
