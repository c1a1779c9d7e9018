/**
 * `fleet collect`: asks the Lambda API, region by region, for the same documents a user
 * would save with the AWS CLI (docs/own-fleet.md), and hands them to the
 * same merge as `fleet import` (buildFleet.ts), so both write the same file:
 *
 *   1. ListFunctions with FunctionVersion=ALL, through the SDK's paginator (NextMarker);
 *   2. per function: ListAliases (paginated);
 *   3. per Zip version ($LATEST and published): GetFunction (RuntimeVersionConfig) and
 *      GetRuntimeManagementConfig, with the version as Qualifier. Image versions have no
 *      runtime to ask about (R3).
 *
 * Calls in steps 2–3 run at most `concurrency` at a time; the client retries throttling
 * with the SDK's adaptive retry mode. The SDK module is passed in, so the CLI can load it
 * lazily and this file only needs its types.
 */
import type * as LambdaSdk from '@aws-sdk/client-lambda';
import { parseFunctionArn } from './arn.js';
import { runLimited } from './concurrency.js';
import type { JsonDocument } from './jsonDocuments.js';

export interface CollectOptions {
  readonly regions: readonly string[];
  readonly profile?: string | undefined;
  readonly endpointUrl?: string | undefined;
  /** Most API calls in flight at once, per region. */
  readonly concurrency: number;
  /** Attempts per call, including the first (adaptive retry). */
  readonly maxAttempts: number;
  /** Called when more calls are planned, and after each call. */
  readonly onPlanned?: (calls: number) => void;
  readonly onCall?: () => void;
}

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_MAX_ATTEMPTS = 8;

/** A response without the SDK's `$metadata`, as the CLI would print it. */
function asDocument(output: object): Record<string, unknown> {
  const { $metadata: _ignored, ...rest } = output as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

async function collectRegion(sdk: typeof LambdaSdk, region: string, options: CollectOptions): Promise<JsonDocument[]> {
  const client = new sdk.LambdaClient({
    region,
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts,
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.endpointUrl === undefined ? {} : { endpoint: options.endpointUrl }),
  });
  try {
    const docs: JsonDocument[] = [];
    const zipVersions: { fn: string; qualifier: string }[] = [];
    const functions = new Set<string>();
    let page = 0;
    for await (const out of sdk.paginateListFunctions({ client, pageSize: 50 }, { FunctionVersion: 'ALL' })) {
      page++;
      options.onCall?.();
      const doc = asDocument(out);
      docs.push({ value: doc, where: `${region} ListFunctions page ${page}` });
      for (const config of out.Functions ?? []) {
        const arn = parseFunctionArn(config.FunctionArn);
        if (arn === undefined || config.Version === undefined) continue; // the merge reports it
        functions.add(arn.unqualified);
        if ((config.PackageType ?? 'Zip') === 'Zip') zipVersions.push({ fn: arn.unqualified, qualifier: config.Version });
      }
    }
    const tasks: (() => Promise<JsonDocument[]>)[] = [];
    for (const fn of [...functions].sort()) {
      tasks.push(async () => {
        const pages: JsonDocument[] = [];
        let n = 0;
        for await (const out of sdk.paginateListAliases({ client, pageSize: 50 }, { FunctionName: fn })) {
          options.onCall?.();
          pages.push({ value: asDocument(out), where: `${region} ListAliases ${fn} page ${++n}` });
        }
        return pages;
      });
    }
    for (const { fn, qualifier } of zipVersions) {
      tasks.push(async () => {
        const out = await client.send(new sdk.GetFunctionCommand({ FunctionName: fn, Qualifier: qualifier }));
        options.onCall?.();
        // Code (a presigned URL), Tags and Concurrency are not part of the fleet: keep Configuration only.
        return [{ value: { Configuration: asDocument(out.Configuration ?? {}) }, where: `${region} GetFunction ${fn}:${qualifier}` }];
      });
      tasks.push(async () => {
        const out = await client.send(new sdk.GetRuntimeManagementConfigCommand({ FunctionName: fn, Qualifier: qualifier }));
        options.onCall?.();
        return [{ value: asDocument(out), where: `${region} GetRuntimeManagementConfig ${fn}:${qualifier}` }];
      });
    }
    options.onPlanned?.(tasks.length);
    for (const found of await runLimited(tasks, options.concurrency)) docs.push(...found);
    return docs;
  } finally {
    client.destroy();
  }
}

/** The documents of every region, one list per region, in the order of `regions`. */
export async function collectDocuments(sdk: typeof LambdaSdk, options: CollectOptions): Promise<JsonDocument[][]> {
  const out: JsonDocument[][] = [];
  for (const region of options.regions) out.push(await collectRegion(sdk, region, options));
  return out;
}
