/**
 * The API through which the simulator reads a fleet file: `fleet.inventory` in a scenario
 * (src/scenario/inventory.ts) builds the functions at time 0 from these records and hands the
 * model plain specs (src/model must not import src/fleet); observe/calibrate `--inventory`
 * read the file through it too (src/observe/inventory.ts):
 *
 *   readFleetFile(path)          → FleetFile, validated against the schema (FleetInputError if not)
 *   fleetFunctionRecords(fleet)  → one FleetFunctionRecord per function, in file order
 *
 * A record carries every version with its runtime, architecture, configured mode (R7; null for
 * an image, R3), pinned ARN (Manual, R12) and current runtime version ARN; the alias that
 * serves traffic and its routing weights (R14); and the deploy rate with its posterior.
 */
import { readFileSync } from 'node:fs';
import { parseLastModifiedMs } from './lastModified.js';
import { fleetFileSchema, type Architecture, type FleetFile, type PackageType, type UpdateMode } from './fleetFile.js';
import { FleetInputError } from './issues.js';
import { ioReason } from '../common/messages.js';

export interface FleetVersionRecord {
  readonly qualifier: string;
  /** LastModified in epoch ms. */
  readonly lastModifiedMs: number;
  readonly runtime: string | null;
  readonly architecture: Architecture;
  readonly mode: UpdateMode | null;
  readonly pinnedRuntimeVersionArn: string | null;
  readonly runtimeVersionArn: string | null;
}

export interface FleetFunctionRecord {
  readonly functionArn: string;
  readonly region: string;
  readonly account: string;
  readonly runtime: string | null;
  readonly architecture: Architecture;
  readonly packageType: PackageType;
  /** `$LATEST` first, then published versions ascending. */
  readonly versions: readonly FleetVersionRecord[];
  /** The alias that serves traffic (see `servingAlias`), or null: then `$LATEST` serves. */
  readonly servingAlias: { readonly name: string; readonly functionVersion: string; readonly additionalVersionWeights: Readonly<Record<string, number>> } | null;
  /** The qualifier that serves most traffic: the serving alias's main version, or `$LATEST`. */
  readonly servingQualifier: string;
  /** Posterior mean deploy rate per day, and the posterior Gamma(shape, rate in days) to draw from. */
  readonly deployRatePerDay: number;
  readonly deployRatePosterior: { readonly shape: number; readonly rateDays: number };
}

/** Alias names taken as the one serving production traffic, first match wins (a documented choice, a parameter). */
export const DEFAULT_SERVING_ALIAS_NAMES: readonly string[] = ['live', 'prod', 'production'];

export function readFleetFile(path: string): FleetFile {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new FleetInputError([`${path}: ${error instanceof SyntaxError ? `not JSON (${error.message})` : ioReason(error)}`]);
  }
  const parsed = fleetFileSchema.safeParse(value);
  if (!parsed.success) {
    throw new FleetInputError(parsed.error.issues.slice(0, 10).map((i) => `${path}: ${i.path.join('.') || '(top)'}: ${i.message}`));
  }
  const problems: string[] = [];
  parsed.data.functions.forEach((f, i) => {
    const qualifiers = new Set(f.versions.map((v) => v.qualifier));
    for (const a of f.aliases) {
      for (const q of [a.functionVersion, ...Object.keys(a.additionalVersionWeights)]) {
        if (!qualifiers.has(q)) problems.push(`${path}: functions.${i}.aliases.${a.name}: routes to version ${q}, which the function does not have`);
      }
    }
  });
  if (problems.length > 0) throw new FleetInputError(problems);
  return parsed.data;
}

/**
 * The alias that serves traffic: the first of `preferred` the function has; else, of its
 * aliases, the one pointing to the highest published version; none → null ($LATEST serves).
 */
export function servingAlias(aliases: FleetFile['functions'][number]['aliases'], preferred: readonly string[] = DEFAULT_SERVING_ALIAS_NAMES) {
  for (const name of preferred) {
    const found = aliases.find((a) => a.name === name);
    if (found) return found;
  }
  const rank = (q: string): number => (q === '$LATEST' ? 0 : Number(q));
  return aliases.reduce<(typeof aliases)[number] | null>((best, a) => (best === null || rank(a.functionVersion) > rank(best.functionVersion) ? a : best), null);
}

export function fleetFunctionRecords(fleet: FleetFile, preferredAliases: readonly string[] = DEFAULT_SERVING_ALIAS_NAMES): FleetFunctionRecord[] {
  return fleet.functions.map((f) => {
    const alias = servingAlias(f.aliases, preferredAliases);
    return {
      functionArn: f.functionArn,
      region: f.region,
      account: f.account,
      runtime: f.runtime,
      architecture: f.architecture,
      packageType: f.packageType,
      versions: f.versions.map((v) => ({
        qualifier: v.qualifier,
        lastModifiedMs: parseLastModifiedMs(v.lastModified) ?? Number.NaN,
        runtime: v.runtime,
        architecture: v.architecture,
        mode: v.updateRuntimeOn,
        pinnedRuntimeVersionArn: v.pinnedRuntimeVersionArn,
        runtimeVersionArn: v.runtimeVersionArn,
      })),
      servingAlias: alias,
      servingQualifier: alias?.functionVersion ?? '$LATEST',
      deployRatePerDay: f.deploys.ratePerDay,
      deployRatePosterior: { shape: f.deploys.posteriorShape, rateDays: f.deploys.posteriorRateDays },
    };
  });
}
