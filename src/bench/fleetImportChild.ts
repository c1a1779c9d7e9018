/**
 * The fleet-import figure in a process of its own: `node dist/bench/fleetImportChild.js
 * <functions> <versionsPerFunction>` writes a synthetic inventory of CLI outputs
 * (syntheticInventory.ts, compact JSON) to a temporary folder, then times `fleet import` of it
 * end to end (read, merge, estimate, write the fleet file atomically), and prints one JSON line:
 * input size, versions, wall and CPU time of the import and peak RSS. The folder is removed afterwards.
 */
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFleet } from '../fleet/importFleet.js';
import { fleetFileChunks } from '../fleet/writeFleet.js';
import { writeFileAtomic } from '../insights/writeFileAtomic.js';
import { writeSyntheticInventory } from './syntheticInventory.js';

const [functions, versionsPerFunction] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'fleet-bench-'));
try {
  const inputs = join(dir, 'inventory');
  const generated = writeSyntheticInventory(inputs, { functions: functions!, versionsPerFunction: versionsPerFunction!, seed: 1, indent: 0, endMs: Date.UTC(2026, 10, 1) });
  const inputBytes = readdirSync(inputs).reduce((sum, f) => sum + statSync(join(inputs, f)).size, 0);
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = importFleet([inputs], { windowDays: 365 });
  writeFileAtomic(join(dir, 'fleet.json'), fleetFileChunks(result.fleet));
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  process.stdout.write(JSON.stringify({
    functions: result.counts.functions,
    versions: generated.versions,
    inputBytes,
    outputBytes: statSync(join(dir, 'fleet.json')).size,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssBeforeBytes: rssBefore,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
