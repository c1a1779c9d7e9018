/**
 * Test helper: runs a scenario's replications one after another in this thread and combines
 * their digests into the run's `resultHash` by the batch's own rule (`batchResultHash`).
 * Replication r uses the same named streams (seed, name, r) whatever else is run, so any replication can be rerun alone and gives the same bytes.
 */
import { batchResultHash } from '../../src/batch/batchOutputs.js';
import { buildVersionTable, type VersionTable } from '../../src/model/catalog/versionTable.js';
import type { ReplicationResult } from '../../src/model/result.js';
import { simulateReplication } from '../../src/model/simulate.js';
import type { Scenario } from '../../src/model/spec.js';

export interface RunOptions {
  readonly seed: number;
  readonly replications: number;
  readonly keepPatches: boolean;
  /** Called after each replication (for progress). */
  readonly onReplication?: (done: number, total: number, result: ReplicationResult) => void;
}

export interface RunResult {
  readonly versions: VersionTable;
  readonly results: readonly ReplicationResult[];
  /** sha256 over the replications' digests, in replication order. */
  readonly resultHash: string;
}

export function runReplications(scenario: Scenario, options: RunOptions): RunResult {
  const versions = buildVersionTable(scenario);
  const results: ReplicationResult[] = [];
  for (let r = 0; r < options.replications; r++) {
    const initStart = scenario.outputs.initStartLog;
    const result = simulateReplication(scenario, r, {
      seed: options.seed,
      keepPatches: options.keepPatches,
      keepChanges: scenario.outputs.events,
      // The INIT_START log is written for replication 0 (one run's log, as CloudWatch would hold it).
      ...(initStart !== null && r === 0 ? { initStartSample: initStart.sample } : {}),
      versions,
    });
    results.push(result);
    options.onReplication?.(r + 1, options.replications, result);
  }
  return { versions, results, resultHash: batchResultHash(results.map((r) => ({ point: 0, replication: r.replication, digest: r.digest })), false) };
}
