/**
 * Makes the bundled example inventory, `scenarios/inventory/example-fleet.json`:
 * `npx tsx src/bench/exampleInventory.ts [OUT]` writes synthetic, real-shaped AWS CLI outputs
 * for 300 functions (syntheticInventory.ts, 4-space JSON like the CLI) to a temporary folder and
 * runs `fleet import --anonymize` on them. The salt is random, so every run gives other hashes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/cli.js';
import { processIo } from '../cli/io.js';
import { writeSyntheticInventory } from './syntheticInventory.js';

const out = process.argv[2] ?? 'scenarios/inventory/example-fleet.json';
const dir = mkdtempSync(join(tmpdir(), 'example-inventory-'));
try {
  writeSyntheticInventory(dir, { functions: 300, versionsPerFunction: 4, seed: 2026, indent: 4, endMs: Date.UTC(2025, 11, 15) });
  process.exitCode = await runCli(['fleet', 'import', dir, '--out', out, '--anonymize'], processIo);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
