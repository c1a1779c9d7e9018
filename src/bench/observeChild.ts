/**
 * One observe measurement in a process of its own, so that its peak RSS is its own:
 * `node dist/bench/observeChild.js <log file> <out dir>` reads the log as `observe` does (every
 * table and status.html written) and prints one JSON line: lines read, wall time, peak RSS.
 */
import { runObserve } from '../observe/runObserve.js';

const [log, out] = process.argv.slice(2);
const start = process.hrtime.bigint();
const { observation } = await runObserve({ logs: [log!], out: out! });
const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({
  lines: observation.inits + observation.skipped + observation.malformed,
  wallMs,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}) + '\n');
