/**
 * The command line: the only place that touches argv, exit codes and the terminal.
 * Every user mistake ends as one clear message and exit code 2, never a stack trace.
 */
import yargs from 'yargs';
import { OutputFolderError } from '../output/writeOutputDir.js';
import { COMPARE_COMMAND, COMPARE_DESCRIPTION, compareCommand, compareOptions } from './commands/compare.js';
import { fleetCommand } from './commands/fleet.js';
import { insightsCommand } from './commands/insights.js';
import { mergeCommand } from './commands/merge.js';
import { observeModule } from './commands/observe.js';
import { calibrateModule } from './commands/calibrate.js';
import { REPORT_COMMAND, REPORT_DESCRIPTION, reportCommand, reportOptions } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io.js';
import { toolVersion } from './version.js';

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const setExit = (code: number): void => {
    exitCode = code;
  };
  const parser = yargs([...args])
    .scriptName('lambda-rollout-sim')
    .usage('$0 <command> [options]\n\nSimulates AWS Lambda managed-runtime updates across a synthetic fleet.')
    .command(
      'run <scenario>',
      'Run a scenario file (every sweep point × replication, on worker threads) and write its results',
      (y) => y
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
      async (argv) => {
        exitCode = await runCommand({
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
    )
    .command(
      'merge <dirs..>',
      'Combine the partitions of `run --shard` into the outputs of one run',
      (y) => y
        .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'Partition folders written by run --shard' })
        .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'Output folder' })
        .option('parquet', { type: 'boolean', default: true, describe: 'Also write the row tables as Parquet (--no-parquet to skip)' })
        .option('force', { type: 'boolean', default: false, describe: 'Replace an output folder this tool did not make' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No warnings on stderr' }),
      async (argv) => {
        exitCode = await mergeCommand({ dirs: argv.dirs, out: argv.out, parquet: argv.parquet, force: argv.force, quiet: argv.quiet }, io);
      },
    )
    .command(
      'validate <scenarios..>',
      'Check scenario files and report every error with file:line:col',
      (y) => y.positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'Scenario YAML files' }),
      async (argv) => {
        exitCode = await validateCommand(argv.scenarios, io);
      },
    )
    .command('schema', 'Print the JSON Schema of scenario files (for editors), or of fleet files with --fleet', (y) => y.option('fleet', { type: 'boolean', default: false, describe: 'The fleet file format instead' }), (argv) => {
      exitCode = schemaCommand(io, argv.fleet);
    })
    .command(REPORT_COMMAND, REPORT_DESCRIPTION, reportOptions, async (argv) => {
      exitCode = await reportCommand({ dir: argv.dir, quiet: argv.quiet }, io);
    })
    .command(COMPARE_COMMAND, COMPARE_DESCRIPTION, compareOptions, async (argv) => {
      exitCode = await compareCommand({ dirs: argv.dirs, out: argv.out, label: argv.label, quiet: argv.quiet }, io);
    })
    .command(
      'insights',
      'Evaluate a CloudWatch Contributor Insights rule over an NDJSON log file; CSV of values per period per contributor',
      (y) => y
        .option('rule', { type: 'string', demandOption: true, describe: 'Rule JSON file (CloudWatchLogRule, version 1)' })
        .option('logs', { type: 'string', demandOption: true, describe: 'Log events, one FilterLogEvents event (JSON) per line' })
        .option('period', { type: 'string', demandOption: true, describe: 'Period length, e.g. 5m, 1h, 1d (aligned to the Unix epoch)' })
        .option('out', { alias: 'o', type: 'string', describe: 'CSV file to write (default: stdout)' }),
      async (argv) => {
        exitCode = await insightsCommand({ rule: argv.rule, logs: argv.logs, period: argv.period, out: argv.out }, io);
      },
    )
    .command(fleetCommand(io, setExit))
    .command(observeModule(io, setExit))
    .command(calibrateModule(io, setExit))
    .demandCommand(1, 'Name a command: run, merge, report, compare, validate, schema, insights, fleet, observe or calibrate.')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(toolVersion())
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });

  try {
    await parser.parseAsync();
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError || error instanceof OutputFolderError) {
      io.stderr(`lambda-rollout-sim: ${error.message}\nRun with --help for usage.\n`);
      return EXIT_USAGE;
    }
    io.stderr(`lambda-rollout-sim: internal error (please report it with the scenario file):\n${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return EXIT_INTERNAL;
  }
}
