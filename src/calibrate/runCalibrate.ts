/**
 * `calibrate`: read observe's folder → fit (pure) → YAML → validate with the project's own
 * scenario loader → write atomically → optionally `--check`. A fitted file that the loader
 * refuses is a bug of this tool (exit 1), never written.
 */
import { writeFileAtomic } from '../insights/writeFileAtomic.js';
import { formatScenarioError, parseScenario } from '../scenario/load.js';
import type { Scenario } from '../model/spec.js';
import { checkFit, type CheckRow } from './check.js';
import { fitScenario, type FittedScenario } from './fit.js';
import { readObserved, type Observed } from './readObserved.js';
import { inventoryKey, readInventory, type InventoryEntry } from '../observe/inventory.js';
import { scenarioYaml } from './scenarioYaml.js';

export interface CalibrateOptions {
  readonly dir: string;
  /** A fleet inventory to use instead of the one observe was given (if any). */
  readonly inventory?: string | undefined;
  readonly out: string;
  readonly check: boolean;
}

export interface CalibrateResult {
  readonly fitted: FittedScenario;
  readonly yaml: string;
  readonly scenario: Scenario;
  readonly check: readonly CheckRow[] | null;
}

export async function runCalibrate(options: CalibrateOptions): Promise<CalibrateResult> {
  const read = await readObserved(options.dir);
  const observed = options.inventory === undefined ? read : withInventory(read, readInventory(options.inventory));
  const fitted = fitScenario(observed);
  const yaml = scenarioYaml(fitted, { dir: options.dir });
  const loaded = parseScenario(yaml, options.out);
  if (!loaded.ok) throw new Error(`calibrate wrote a scenario its own loader refuses:\n${loaded.errors.map(formatScenarioError).join('\n')}\n---\n${yaml}`);
  writeFileAtomic(options.out, [yaml]);
  const check = options.check ? checkFit(loaded.scenario, fitted, observed) : null;
  return { fitted, yaml, scenario: loaded.scenario, check };
}

function withInventory(o: Observed, inventory: ReadonlyMap<string, InventoryEntry>): Observed {
  return { ...o, withInventory: true, functions: o.functions.map((f) => ({ ...f, inventory: inventory.get(inventoryKey(f.fn, f.region, f.qualifier)) ?? null })) };
}
