/**
 * The sampled INIT_START log (R15) as NDJSON: one CloudWatch Logs event per line, in the shape
 * `FilterLogEvents` returns (and the `insights` command reads), keys in this order:
 *
 *   {"timestamp": <ms since the Unix epoch>, "logGroupName": "/aws/lambda/fn-0000123",
 *    "logStreamName": "2026/01/01/[$LATEST]<32 hex>", "message": "INIT_START Runtime Version: …"}
 *
 * `timestamp` is the scenario's startDate (default SIM_EPOCH_MS) + the init's simulated time. The log stream is Lambda's real
 * format, `YYYY/MM/DD/[<qualifier>]<32 lowercase hex>`: the UTC day of the init, the function
 * version serving at the init (`$LATEST`, or the alias's published version number, e.g.
 * `[7]`, R14), then an id of the environment, the first 32 hex digits of
 * sha256(replication, function, environment), so one environment always has one stream. The
 * ARN in the message is for the function's architecture at the init (it changes with
 * migrations, R6, R13).
 *
 * A log holds one replication and nothing marks it in the lines: the caller writes
 * replication 0 only, so that the log reads as one real account's logs.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../model/spec.js';
import { runtimeVersionArn } from '../model/catalog/arn.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import type { InitStartEvents, InitStartFunctions } from '../model/logs/initStartLog.js';
import { initStartMessage } from '../model/logs/initStartMessage.js';
import { epochMsOf, logGroupName } from '../model/logs/names.js';

export function* initStartLines(
  scenario: Scenario,
  versions: VersionTable,
  events: InitStartEvents,
  functions: InitStartFunctions,
): Generator<string> {
  const messages = messageCache(scenario, versions);
  const epochMs = epochMsOf(scenario);
  for (let i = 0; i < events.length; i++) {
    const f = events.functionId[i]!;
    const timestamp = epochMs + events.timestampMs[i]!;
    yield JSON.stringify({
      timestamp,
      logGroupName: logGroupName(f),
      logStreamName: logStreamName(timestamp, events.replication, f, events.environmentId[i]!, events.qualifier[i]!),
      message: messages(events.version[i]!, functions.region[f]!, events.architecture[i]!),
    }) + '\n';
  }
}

/**
 * `YYYY/MM/DD/[$LATEST]<32 hex>` (or `[7]` for published version 7: `qualifier` 7; 0 is
 * `$LATEST`) for an environment started at `timestamp` (ms since the Unix epoch).
 */
export function logStreamName(timestamp: number, replication: number, functionId: number, environmentId: number, qualifier = 0): string {
  const day = new Date(timestamp).toISOString().slice(0, 10).replaceAll('-', '/');
  const hex = createHash('sha256').update(`${replication}\n${functionId}\n${environmentId}`).digest('hex').slice(0, 32);
  return `${day}/[${qualifier === 0 ? '$LATEST' : String(qualifier)}]${hex}`;
}

/** The message of each (version, fleet region, fleet architecture), built once (one sha256 per ARN). */
function messageCache(scenario: Scenario, versions: VersionTable): (version: number, region: number, architecture: number) => string {
  const regions = scenario.fleet.regions;
  const architectures = scenario.fleet.architectures;
  const cache = new Map<number, string>();
  return (version, region, architecture) => {
    const key = (version * regions.length + region) * architectures.length + architecture;
    let message = cache.get(key);
    if (message === undefined) {
      const label = versions.label[version];
      const regionName = regions[region]?.name;
      const architectureName = architectures[architecture]?.name;
      if (label === undefined || regionName === undefined || architectureName === undefined) {
        throw new Error(`initStart: no name for version ${version}, region ${region} or architecture ${architecture}`);
      }
      message = initStartMessage(label, runtimeVersionArn(regionName, label, architectureName, scenario.catalog.arnHashPerRegion));
      cache.set(key, message);
    }
    return message;
  };
}
