/** Registration of `run` (options only; the implementation in run.ts loads when it is chosen). */
import { defineCommand } from '../command.js';

export const runCmd = defineCommand({
  command: 'run <scenario>',
  describe: 'Run a scenario file (every sweep point × replication, on worker threads) and write its results',
  builder: (y) => y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario YAML file' })
    .option('out', { alias: 'o', type: 'string', describe: 'Output folder (default: reports/<scenario file name>)' })
    .option('seed', { type: 'number', describe: "Base seed (overrides the scenario's `seed`)" })
    .option('replications', { alias: 'r', type: 'number', describe: "Replications per point (overrides the scenario's `replications`)" })
    .option('patches', { type: 'boolean', default: true, describe: 'Write patches.csv (--no-patches for huge runs; metrics are unchanged)' })
    .option('parquet', { type: 'boolean', default: true, describe: 'Also write the row tables as Parquet (--no-parquet to skip)' })
    .option('workers', { alias: 'w', type: 'number', describe: 'Worker threads (default: the number of cores)' })
    .option('resume', { type: 'boolean', default: false, describe: 'Finish an interrupted or failed batch from its work folder' })
    .option('target-ci', { type: 'string', describe: 'Add replications until every target metric\'s 95% CI half-width is within this share of its mean, e.g. 5%' })
    .option('max-replications', { type: 'number', describe: 'Most replications per point with --target-ci (default 100)' })
    .option('target-metrics', { type: 'string', describe: 'Metrics --target-ci applies to, comma-separated (default: the headline metrics)' })
    .option('point', { type: 'number', describe: 'Run only this sweep point (0-based)' })
    .option('replication', { type: 'number', describe: 'Run only this replication (of each point run)' })
    .option('shard', { type: 'string', describe: 'Run every K-th unit from unit i, as i/K, and write a partition for `merge`' })
    .option('shards', { type: 'string', describe: 'Number of shards K (or `auto`), the index coming from the cluster engine\'s variable' })
    .option('force', { type: 'boolean', default: false, describe: 'Replace an output folder this tool did not make' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress on stderr' }),
  run: async (argv, io) => {
    const { runCommand } = await import('./run.js');
    return runCommand({
      scenario: argv.scenario,
      out: argv.out,
      seed: argv.seed,
      replications: argv.replications,
      patches: argv.patches,
      parquet: argv.parquet,
      workers: argv.workers,
      resume: argv.resume,
      targetCi: argv.targetCi,
      maxReplications: argv.maxReplications,
      targetMetrics: argv.targetMetrics,
      point: argv.point,
      replication: argv.replication,
      shard: argv.shard,
      shards: argv.shards,
      force: argv.force,
      quiet: argv.quiet,
    }, io);
  },
});
