/**
 * `npm run bench`: the performance figures of the project, measured with plain Node
 * (process.hrtime, process.resourceUsage, child processes for peak RSS), as medians over
 * repeated runs. It prints; it asserts nothing. Options: `--quick` (smaller fleets, for a
 * smoke run), `--repeats N`.
 *
 *   1. kernel      – hold model, events/s with 10 k and 1 M pending
 *   2. end to end  – 1 M functions, 365 days, 34 regions, 2 architectures, 4 runtimes,
 *                    a release every 14 days per runtime, 10% images, default mode mix
 *   3. scaling     – time vs functions; 365 d vs 730 d with and without more releases;
 *                    2 workers vs 1 on a 64-unit batch
 *   4. overhead    – end-to-end events/s as a share of the bare kernel's
 *   5. fleet import – `fleet import` of CLI outputs for 100,000 functions × 5 versions
 *   6. observe     – a 10-million-line INIT_START log (generated in a temp folder): lines/s, peak RSS
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLEET_BYTES_PER_FUNCTION, FLEET_BYTES_PER_VERSION_SLOT } from '../model/fleet/fleetState.js';
import { runChild, median } from './childRun.js';
import { benchWorkers } from '../batch/benchWorkers.js';
import { benchScenario } from './benchScenario.js';
import { benchKernel } from './kernelBench.js';
import { writeObserveLog } from './observeLog.js';

interface EndToEnd {
  functions: number;
  wallMs: number;
  events: number;
  releases: number;
  cpuMs: number;
  maxRssBytes: number;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const repeatsArg = args.indexOf('--repeats');
const repeats = repeatsArg >= 0 ? Number(args[repeatsArg + 1]) : quick ? 1 : 3;
const big = quick ? 100_000 : 1_000_000;

const rows: [string, string, string][] = [];
const row = (figure: string, value: string, target = ''): void => {
  rows.push([figure, value, target]);
  console.error(`  ${figure}: ${value}`);
};
const M = (x: number): string => `${(x / 1e6).toFixed(2)} M/s`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function endToEnd(functions: number, horizonDays: number, releaseDays: number): EndToEnd & { runs: number[] } {
  const runs: EndToEnd[] = [];
  for (let i = 0; i < repeats; i++) runs.push(runChild<EndToEnd>('endToEndChild.js', [functions, horizonDays, releaseDays]));
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const mid = byWall[byWall.length >> 1]!;
  return { ...mid, wallMs: median(runs.map((r) => r.wallMs)), maxRssBytes: Math.max(...runs.map((r) => r.maxRssBytes)), runs: runs.map((r) => r.wallMs) };
}

console.error(`lambda-rollout-sim benchmark — ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores, Node ${process.version}, medians of ${repeats}${quick ? ' (quick)' : ''}`);

// 1. kernel
const kernel10k = await benchKernel({ pending: 10_000, events: quick ? 2_000_000 : 10_000_000, repeats: Math.max(3, repeats) });
row('kernel, 10 k pending', M(kernel10k.medianEventsPerSec), '≥ 10 M/s');
const kernel1m = await benchKernel({ pending: 1_000_000, events: quick ? 2_000_000 : 10_000_000, repeats: Math.max(3, repeats) });
row('kernel, 1 M pending', M(kernel1m.medianEventsPerSec), '≥ 5 M/s');

// 2. end to end
const e2e = endToEnd(big, 365, 365);
row(`${big.toLocaleString('en')} functions, 365 d, ${e2e.releases} releases: wall`, s(e2e.wallMs), quick ? '' : '≤ 20 s');
const e2eRate = e2e.events / (e2e.wallMs / 1000);
row('  simulated events/s', M(e2eRate));
row('  events', e2e.events.toLocaleString('en'));
row('  peak RSS', `${(e2e.maxRssBytes / 2 ** 20).toFixed(0)} MiB`, quick ? '' : '≤ 1 GB');
row('  fleet state per function', `${FLEET_BYTES_PER_FUNCTION} B + 4 version slots × ${FLEET_BYTES_PER_VERSION_SLOT} B`);

// 3. scaling
for (const n of quick ? [10_000, 100_000] : [10_000, 100_000]) {
  row(`${n.toLocaleString('en')} functions, 365 d: wall`, s(endToEnd(n, 365, 365).wallMs));
}
const fixedN = quick ? 20_000 : 100_000;
const base = endToEnd(fixedN, 365, 365);
const longerSameReleases = endToEnd(fixedN, 730, 365);
const longerMoreReleases = endToEnd(fixedN, 730, 730);
row(`${fixedN.toLocaleString('en')} functions, 730 d vs 365 d, same releases`, `${(longerSameReleases.wallMs / base.wallMs).toFixed(2)}×`, '≤ 1.2×');
row(`${fixedN.toLocaleString('en')} functions, 730 d vs 365 d, releases continue`, `${(longerMoreReleases.wallMs / base.wallMs).toFixed(2)}×`);
{
  // 64 units of a 40,000-function, 180-day fleet (about 0.15 s each), on 1 then 2 threads.
  const unitScenario = benchScenario({ functions: quick ? 5_000 : 40_000, horizonDays: 180, releaseDays: 180 });
  const one: number[] = [];
  const two: number[] = [];
  let hashes = new Set<string>();
  for (let i = 0; i < Math.max(1, Math.min(repeats, 3)); i++) {
    const a = await benchWorkers(unitScenario, 1, 64);
    const b = await benchWorkers(unitScenario, 2, 64);
    one.push(a.wallMs);
    two.push(b.wallMs);
    hashes = new Set([...hashes, a.resultHash, b.resultHash]);
  }
  row('2 workers vs 1 on 64 units', `${(median(one) / median(two)).toFixed(2)}× (${s(median(one))} → ${s(median(two))}; ${hashes.size === 1 ? 'same resultHash' : 'DIFFERENT resultHash'})`, '≥ 1.8×');
}

// 4. overhead
row('model overhead: end-to-end events/s ÷ kernel 1 M pending', `${((100 * e2eRate) / kernel1m.medianEventsPerSec).toFixed(1)}%`);

// 5. fleet import (synthetic CLI outputs written to a temporary folder, then imported)
{
  interface FleetImport { functions: number; versions: number; inputBytes: number; wallMs: number; cpuMs: number; maxRssBytes: number }
  const n = quick ? 20_000 : 100_000;
  const runs: FleetImport[] = [];
  for (let i = 0; i < Math.max(1, Math.min(repeats, 3)); i++) runs.push(runChild<FleetImport>('fleetImportChild.js', [n, 5]));
  const mid = runs[0]!;
  row(`fleet import, ${n.toLocaleString('en')} functions × 5 versions (${(mid.inputBytes / 2 ** 20).toFixed(0)} MiB of CLI output): wall`, s(median(runs.map((r) => r.wallMs))), quick ? '' : '≤ 30 s');
  row('  CPU time (user + system)', s(median(runs.map((r) => r.cpuMs))));
  row('  peak RSS (generator included)', `${(Math.max(...runs.map((r) => r.maxRssBytes)) / 2 ** 20).toFixed(0)} MiB`);
}

// 6. observe: streaming memory must not grow with the log; throughput such that a year of a
// 10,000-function fleet's inits (one per function per ~2 h: ≈ 44 M lines) is read in 5 minutes.
{
  const lines = quick ? 1_000_000 : 10_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'lrs-bench-observe-'));
  try {
    const log = join(dir, 'init_start.ndjson');
    writeObserveLog(log, lines, 10_000);
    const runs: { lines: number; wallMs: number; maxRssBytes: number }[] = [];
    for (let i = 0; i < Math.max(1, Math.min(repeats, 3)); i++) runs.push(runChild('observeChild.js', [log, join(dir, `out-${i}`)]));
    const wall = median(runs.map((r) => r.wallMs));
    row(`observe a ${(lines / 1e6).toFixed(0)}-million-line log (10,000 functions): lines/s`, M(runs[0]!.lines / (wall / 1000)).replace(' M/s', ' M lines/s'), '≥ 0.15 M lines/s');
    row('  peak RSS', `${(Math.max(...runs.map((r) => r.maxRssBytes)) / 2 ** 20).toFixed(0)} MiB`, '≤ 300 MiB');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`| figure${' '.repeat(width - 6)} | value | target |`);
console.log(`|${'-'.repeat(width + 2)}|---|---|`);
for (const [figure, value, target] of rows) console.log(`| ${figure.padEnd(width)} | ${value} | ${target} |`);
