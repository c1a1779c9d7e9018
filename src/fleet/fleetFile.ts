/**
 * The fleet file: one inventory of real Lambda functions, declared once here (a zod schema
 * and the TypeScript type inferred from it). `fleet import` and `fleet collect` write it,
 * `schema --fleet` prints its JSON Schema, and the simulator's second phase reads it with
 * `readFleetFile` (fleetRecords.ts). It stores what the simulator needs and nothing else:
 * no environment variables, roles, code locations or tags.
 */
import { z } from 'zod';

export const FLEET_FORMAT = 'lambda-rollout-sim/fleet';
export const FLEET_FORMAT_VERSION = 1;

const updateMode = z.enum(['Auto', 'FunctionUpdate', 'Manual']);
const architecture = z.enum(['x86_64', 'arm64']);
const packageType = z.enum(['Zip', 'Image']);
const qualifier = z.string().regex(/^(\$LATEST|[1-9]\d*)$/);
const runtimeVersionArn = z.string().regex(/^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+::runtime:[a-zA-Z0-9]+$/);
const lastModified = z.string().describe('As Lambda writes it, e.g. 2019-09-23T18:32:33.857+0000');

export const fleetVersionSchema = z.strictObject({
  qualifier: qualifier.describe('`$LATEST` or a published version number'),
  lastModified,
  runtime: z.string().nullable().describe('Runtime identifier of this version (null for an image)'),
  architecture,
  updateRuntimeOn: updateMode.nullable().describe(
    'Configured runtime update mode (R7); `Auto` when the inputs had no runtime-management output for it (R2); null for an image (R3)',
  ),
  pinnedRuntimeVersionArn: runtimeVersionArn.nullable().describe('The runtime version ARN a `Manual` version is pinned to (R12, R17); else null'),
  runtimeVersionArn: runtimeVersionArn.nullable().describe(
    'The runtime version this version runs now (GetFunction RuntimeVersionConfig); null for an image or when unknown',
  ),
});

export const fleetAliasSchema = z.strictObject({
  name: z.string(),
  functionVersion: qualifier.describe('The version the alias points to'),
  additionalVersionWeights: z
    .record(z.string(), z.number().min(0).max(1))
    .describe('RoutingConfig.AdditionalVersionWeights: a second version and the share of traffic it gets'),
});

export const functionDeploysSchema = z.strictObject({
  observedDeploys: z.number().int().min(0).describe('Distinct LastModified times in the exposure, after the first one seen'),
  exposureDays: z.number().min(0).describe('From the window start (or the first LastModified seen, if later) to the window end'),
  ratePerDay: z.number().min(0).describe('Posterior mean deploy rate, (shape + observed) / (rate + exposure)'),
  posteriorShape: z.number().positive(),
  posteriorRateDays: z.number().positive().describe('Gamma rate parameter of the posterior, in days'),
});

export const fleetFunctionSchema = z.strictObject({
  functionArn: z.string().describe('Unqualified function ARN'),
  region: z.string(),
  account: z.string(),
  functionName: z.string(),
  runtime: z.string().nullable().describe("$LATEST's runtime identifier (null for an image)"),
  architecture,
  packageType,
  versions: z.array(fleetVersionSchema).min(1).describe('$LATEST first, then published versions ascending'),
  aliases: z.array(fleetAliasSchema).describe('Sorted by name'),
  deploys: functionDeploysSchema,
});

export const deployStatisticsSchema = z.strictObject({
  method: z.literal('gamma-poisson-marginal-likelihood'),
  windowStart: lastModified,
  windowEnd: lastModified.describe('The latest LastModified in the inventory'),
  windowDays: z.number().positive(),
  priorShape: z.number().positive().describe('k of the Gamma prior of deploy rates'),
  priorRateDays: z.number().positive().describe('Gamma rate of the prior, in days (its scale θ is 1 / this, per day)'),
  pooledRatePerDay: z.number().min(0).describe('All observed deploys / all exposure'),
  overdispersed: z.boolean().describe('False when the data showed no spread beyond Poisson: then every function gets the pooled rate'),
});

export const fleetFileSchema = z.strictObject({
  format: z.literal(FLEET_FORMAT),
  formatVersion: z.literal(FLEET_FORMAT_VERSION),
  anonymized: z.boolean().describe('Function names and account ids replaced by salted hashes'),
  deployStatistics: deployStatisticsSchema,
  functions: z.array(fleetFunctionSchema).describe('Sorted by functionArn'),
});

export type UpdateMode = z.infer<typeof updateMode>;
export type Architecture = z.infer<typeof architecture>;
export type PackageType = z.infer<typeof packageType>;
export type FleetVersion = z.infer<typeof fleetVersionSchema>;
export type FleetAlias = z.infer<typeof fleetAliasSchema>;
export type FunctionDeploys = z.infer<typeof functionDeploysSchema>;
export type FleetFunction = z.infer<typeof fleetFunctionSchema>;
export type DeployStatistics = z.infer<typeof deployStatisticsSchema>;
export type FleetFile = z.infer<typeof fleetFileSchema>;

/** JSON Schema (draft 2020-12) of fleet files, printed by `schema --fleet`. */
export function fleetJsonSchema(): object {
  return z.toJSONSchema(fleetFileSchema, { target: 'draft-2020-12', io: 'input' });
}
