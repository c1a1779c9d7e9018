/**
 * `fleet collect --region R... [--profile P] [--endpoint-url URL] --out FLEET.json`: the same
 * data as `fleet import`, asked of the Lambda API with the AWS SDK (loaded only here, so the
 * other commands start without it), with the default credential chain, adaptive retries, a
 * bounded number of calls in flight and a progress bar on stderr.
 */
import { buildFleet } from '../../fleet/buildFleet.js';
import { collectDocuments, DEFAULT_MAX_ATTEMPTS } from '../../fleet/collect.js';
import { UserError } from '../../common/userError.js';
import { type CliIo } from '../io.js';
import { UsageError } from '../usageError.js';
import type { FleetCollectArgs } from './fleetArgs.js';
import { buildOptions, writeFleet } from './fleetWrite.js';

async function progressBar(io: CliIo, quiet: boolean) {
  if (quiet) return { planned: (_n: number) => undefined, call: () => undefined, stop: () => undefined };
  const { default: cliProgress } = await import('cli-progress'); // loaded only when it runs (start-up)
  const tty = io.stderrIsTty;
  const stream = tty ? process.stderr : { write: (text: string) => { io.stderr(text); return true; }, isTTY: false };
  const bar = new cliProgress.SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: 'API calls {value}/{total} | {duration_formatted} elapsed',
    noTTYOutput: !tty,
    notTTYSchedule: 5_000,
    hideCursor: tty,
  }, cliProgress.Presets.shades_classic);
  bar.start(0, 0);
  let total = 0;
  return {
    planned: (n: number) => bar.setTotal((total += n)),
    call: () => {
      if (bar.getProgress() >= 1) bar.setTotal(++total); // list pages are not known in advance
      bar.increment();
    },
    stop: () => bar.stop(),
  };
}

export async function fleetCollectCommand(args: FleetCollectArgs, io: CliIo): Promise<number> {
  if (!(Number.isInteger(args.concurrency) && args.concurrency >= 1)) throw new UsageError(`--concurrency: ${args.concurrency} (allowed: an integer >= 1)`);
  const options = buildOptions(args, io);
  // The pinned SDK version works on Node 20; its notice about future versions needing Node 22 is not for our users.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const sdk = await import('@aws-sdk/client-lambda');
  const progress = await progressBar(io, args.quiet);
  let documents;
  try {
    documents = await collectDocuments(sdk, {
      regions: args.region,
      profile: args.profile,
      endpointUrl: args.endpointUrl,
      concurrency: args.concurrency,
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
      onPlanned: progress.planned,
      onCall: progress.call,
    });
  } catch (error) {
    progress.stop();
    // Credentials, permissions, an unknown region or endpoint: the user's to fix; no stack trace.
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(`fleet collect: ${name}: ${message}`, 'file');
  }
  progress.stop();
  return writeFleet(() => buildFleet(documents, options), args.out, io);
}
