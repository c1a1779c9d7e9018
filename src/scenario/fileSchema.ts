/**
 * The scenario FILE format as one zod schema: strict maps everywhere (unknown keys
 * are errors), file-format values (durations as strings), defaults filled in as a
 * file would write them. Every key is documented with `.describe()`, which the JSON
 * Schema (`jsonSchema.ts`) publishes for editors.
 *
 * Checks here see one value at a time; checks across keys (a release's runtime must
 * be in the fleet, `fixes` must name an earlier release, …) are in `semantic.ts`.
 * The section schemas are exported so that a single key can be validated on its own
 * (see `schemaAt.ts`), e.g. a swept value of `releases[0].phase2.duration`.
 */
import { z } from 'zod';
import { ARCHITECTURES, PACKAGE_TYPES, UPDATE_MODES } from '../model/catalog/architectures.js';
import { COMMERCIAL_REGIONS } from '../model/catalog/regions.js';
import { RUNTIME_IDS } from '../model/catalog/runtimes.js';
import {
  count,
  duration,
  flag,
  label,
  nameList,
  names,
  nonNegativeNumber,
  nonNegativeNumberAtMost,
  positiveNumber,
  positiveNumberAtMost,
  positiveShare,
  share,
  text,
  weightMap,
  withInfo,
} from './fields.js';
import { DEFAULT_SAMPLE_EVERY } from './defaults.js';
import { MAX_FUNCTIONS, MAX_HORIZON_MS, MAX_INVOCATION_SIGMA, MAX_INVOCATIONS_PER_DAY, MAX_MIGRATIONS_PER_FUNCTION_PER_DAY, MAX_REPLICATIONS } from './limits.js';
import { allowed } from './messages.js';

const RUNTIMES = RUNTIME_IDS as readonly [string, ...string[]];

const region = () => names('region', COMMERCIAL_REGIONS);

/**
 * R10: publication waves; an item is one region or a list of regions published
 * together. "No region twice" is checked in semantic.ts, so it is reported even
 * when an item is also wrong.
 */
const regionOrderSchema = withInfo(
  z.array(withInfo(z.union([region(), z.array(region()).min(1)]), { allowed: allowed.regionWave() })),
  { allowed: allowed.regionOrder() },
);

export const fleetSchema = z.strictObject({
  functions: count(1, MAX_FUNCTIONS).describe('Number of functions at time 0.'),
  regions: weightMap('region', COMMERCIAL_REGIONS).describe(
    'Share of functions per commercial region, as weights (normalised to sum 1).',
  ),
  architectures: weightMap('architecture', ARCHITECTURES)
    .default({ x86_64: 1 })
    .describe('Share of functions per CPU architecture, as weights.'),
  runtimes: weightMap('runtime', RUNTIMES).describe(
    'Share of functions per managed runtime identifier (R5), as weights.',
  ),
  packageTypes: weightMap('package type', PACKAGE_TYPES)
    .default({ Zip: 1 })
    .describe('Share of Zip and container-image functions, as weights; image functions change version only when rebuilt (R3).'),
  updateModes: weightMap('update mode', UPDATE_MODES)
    .default({ Auto: 1 })
    .describe('Share of functions per runtime update mode (R7), as weights.'),
  publishedVersionShare: share()
    .default(0)
    .describe('Share of functions whose traffic goes through an alias to published versions (R14).'),
  deploys: z
    .strictObject({
      meanInterval: duration('refused').default('14d').describe('Mean time between deploys of an active function (Poisson).'),
      inactiveShare: share().default(0).describe('Share of functions that never deploy (nor rebuild, for images).'),
      rateShape: positiveNumber()
        .optional()
        .describe('Shape k of a Gamma spread of deploy rates across active functions (mean kept); omit for equal rates.'),
    })
    .prefault({})
    .describe('How often owners deploy; a deploy moves the function to the latest version in phase 1 (R8).'),
  imageRebuilds: z
    .strictObject({
      meanInterval: duration('refused').default('30d').describe('Mean time between rebuilds from the newest base image (R3).'),
    })
    .prefault({})
    .describe('Container-image functions rebuild and redeploy as a Poisson process (R3).'),
  invocationsPerDay: z
    .strictObject({
      median: positiveNumberAtMost(MAX_INVOCATIONS_PER_DAY).default(1000).describe('Median invocations per function per day.'),
      sigma: nonNegativeNumberAtMost(MAX_INVOCATION_SIGMA).default(1).describe('Sigma of ln(rate) across functions (lognormal).'),
    })
    .prefault({})
    .describe('Invocation rate per function, lognormal across functions.'),
  environmentLifetime: duration('refused')
    .default('2h')
    .describe('Mean lifetime of an execution environment (R15); old versions keep serving on warm environments.'),
  invocationDuration: duration('refused')
    .default('200ms')
    .describe('Mean duration of one invocation; with the invocation rate it sets how many environments a function keeps warm (R15).'),
  createdPerDay: nonNegativeNumber().default(0).describe('New functions created per day during the run (Poisson).'),
  publishedVersions: z
    .strictObject({
      retain: count(1, 16).default(3).describe('Published versions each alias function keeps (the alias target and earlier ones); the oldest is deleted first.'),
    })
    .prefault({})
    .describe('Published function versions kept per function with an alias (R14).'),
  configUpdates: z
    .strictObject({
      meanInterval: duration('refused').optional().describe('Mean time between UpdateFunctionConfiguration calls of a function (Poisson); omit for none.'),
    })
    .prefault({})
    .describe('Configuration updates: the second phase-1 trigger (R8); they do not publish a version.'),
  switchAutoTo: names('update mode', UPDATE_MODES)
    .optional()
    .describe('With fleet.inventory: "if the owners switched" — every Auto version of the inventory runs in this mode from time 0 instead (an owner action before the run, for comparing modes); omit: as the file says.'),
  inventory: text()
    .optional()
    .describe('A fleet file written by `fleet import` (path relative to this file): the functions at time 0, replacing functions and the weights.'),
  idleEnvironments: nonNegativeNumber().default(1).describe('Idle execution environments each function keeps warm besides its busy ones (R15, INIT_START rate).'),
});

export const runtimeStateSchema = z.strictObject({
  current: label().optional().describe('Version label every function of this runtime runs at time 0 (R4), e.g. python:3.12.v14; default `<prefix>.v1`.'),
  arns: z
    .record(label(), z.array(text()).min(1))
    .optional()
    .describe('With fleet.inventory: the version label of each runtime version ARN (R4, R6), labels oldest first; the current label names the current version, labels before it earlier ones.'),
  expiresAt: duration('allowed').optional().describe('The starting version begins failing at this time, e.g. an expired certificate (R11); omit: never.'),
});

export const incompatibilitySchema = z.strictObject({
  share: share().describe('Share of the runtime\'s functions that are susceptible.'),
  errorRate: share().describe('Share of a susceptible function\'s invocations on this version that fail.'),
  architectures: nameList('architecture', ARCHITECTURES).optional().describe('Only functions on these architectures are susceptible.'),
  regions: nameList('region', COMMERCIAL_REGIONS).optional().describe('Only functions in these regions are susceptible.'),
  packageTypes: nameList('package type', PACKAGE_TYPES).optional().describe('Only functions of these package types are susceptible.'),
});

export const releaseSchema = z.strictObject({
  runtime: names('runtime', RUNTIMES).describe('Runtime identifier of the release; must be one of fleet.runtimes.'),
  version: label().describe('Version label (R4), unique within the runtime and different from its current label.'),
  at: duration('allowed').describe('Publication in the first wave\'s regions, from the start of the run; before the horizon.'),
  regionOrder: regionOrderSchema
    .optional()
    .describe(
      'Publication waves (R10): each item is a region or a list of regions published together. Regions not listed follow in the default order.',
    ),
  regionInterval: duration('allowed').default('12h').describe('Time between waves; 0 publishes all waves at once.'),
  publishedAt: z
    .partialRecord(region(), duration('allowed'))
    .optional()
    .describe(
      'Explicit publication time per region, from the start of the run, for irregular waves (R10); overrides the wave order and interval for the regions listed. Each region must be in fleet.regions.',
    ),
  phase2: z
    .strictObject({
      startAfter: duration('allowed').default('7d').describe('Phase 2 starts this long after publication in a region (R8).'),
      duration: duration('allowed').default('7d').describe('Phase 2 spreads its updates of Auto functions over this long (R8).'),
    })
    .prefault({})
    .describe('Phase 2 of the rollout: Lambda updates the Auto functions not yet updated (R8, R9).'),
  incompatibility: incompatibilitySchema.optional().describe('Functions that break on this version (omit for a good release).'),
  repeat: z
    .strictObject({
      every: duration('refused').describe('Time between successive releases of the series.'),
      count: count(1, 10_000).optional().describe('Releases in the series, the first included (default: as many as start before the horizon).'),
    })
    .optional()
    .describe(
      'Makes this entry a series of releases (community trackers: about one every 2-3 weeks): the k-th is published k × every after `at`, its label the first one with its final number raised by k (python:3.12.v15, v16, …).',
    ),
  halt: z
    .strictObject({
      afterFailingFunctions: count(1, MAX_FUNCTIONS).describe('Lambda halts the release once this many functions have detected failures.'),
      delay: duration('allowed').default('0s').describe('Time from reaching the threshold to the halt taking effect.'),
      rollback: z
        .strictObject({
          startAfter: duration('allowed').default('0s').describe('Lambda starts moving Auto function versions off the withdrawn version this long after the halt.'),
          duration: duration('allowed').default('1d').describe('Lambda spreads those moves over this long (public incidents: under a day to about four days).'),
        })
        .prefault({})
        .describe('Lambda moves Auto function versions off the withdrawn version to the latest secure one (R11).'),
    })
    .optional()
    .describe('Lambda stops publishing the release after failures (omit: never halts).'),
  expiresAfter: duration('refused')
    .optional()
    .describe('The version starts failing this long after its first publication, e.g. an expired certificate (R11).'),
  fixes: label().optional().describe('Label of an earlier release of the same runtime that this release fixes.'),
  baseImage: z
    .strictObject({
      at: duration('allowed').optional().describe('Publication of the base container image, once for every region (R3, R10); default: the release\'s first publication.'),
    })
    .prefault({})
    .describe('The release\'s base container image (R3).'),
});

export const ownersSchema = z.strictObject({
  detectionDelay: z
    .strictObject({
      median: duration('refused').default('6h').describe('Median delay from a function\'s first failure to its owner noticing.'),
      sigma: nonNegativeNumber().default(1).describe('Sigma of ln(delay) (lognormal).'),
    })
    .prefault({})
    .describe('How long owners without alarms take to notice failures.'),
  alarms: z
    .strictObject({
      share: share().default(0).describe('Share of owners with alarms on errors.'),
      median: duration('refused').default('5m').describe('Median detection delay of owners with alarms.'),
      sigma: nonNegativeNumber().default(0.5).describe('Sigma of ln(delay) (lognormal).'),
    })
    .prefault({})
    .describe('Owners with alarms notice failures faster.'),
  rollback: z
    .strictObject({
      unpinAfter: duration('refused').default('14d').describe('After a rollback (Manual pin, R12) the owner returns to Auto after this long (R18).'),
      neverUnpinShare: share().default(0).describe('Share of owners that never unpin.'),
    })
    .prefault({})
    .describe('How owners roll back a broken version and when they undo it.'),
  migrations: z
    .strictObject({
      perFunctionPerDay: nonNegativeNumberAtMost(MAX_MIGRATIONS_PER_FUNCTION_PER_DAY).default(0).describe('Rate at which owners change architecture or runtime identifier (R13).'),
      retryAfter: duration('allowed').default('1d').describe('Retry delay when a migration is refused because $LATEST is Manual (R13).'),
    })
    .prefault({})
    .describe('Owners migrating functions to another architecture or runtime identifier (R13).'),
});

export const policySchema = z.strictObject({
  denyRuntimeManagementConfig: flag()
    .default(false)
    .describe('Deny PutRuntimeManagementConfig organisation-wide: every function stays Auto (R19).'),
  exceptionApproval: duration('allowed').default('2d').describe('Time to get a policy exception before a pinning rollback (R19).'),
});

export const outputsSchema = z.strictObject({
  initStartLog: z
    .strictObject({
      sample: positiveShare().describe('Share of execution-environment inits written to the log.'),
    })
    .optional()
    .describe('Write a sampled INIT_START log (R15); omit for none.'),
  events: flag().default(false).describe('Write the event trace events.ndjson.'),
});

export const scenarioFileSchema = z
  .strictObject({
    name: text().describe('What this scenario asks, in a few words.'),
    seed: count(0, Number.MAX_SAFE_INTEGER).default(1).describe('Base seed of every random stream; --seed overrides it.'),
    horizon: duration('refused', MAX_HORIZON_MS).describe('Simulated time span, from 0.'),
    startDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date')
      .optional()
      .describe('Calendar date of time 0 (UTC), e.g. 2026-01-01: dates the logs and applies the runtime lifecycle (deprecation, block-create, block-update); omit: logs dated from 2026-01-01, no lifecycle.'),
    sampleEvery: duration('refused').default(DEFAULT_SAMPLE_EVERY).describe('Time between metric samples; at most the horizon.'),
    replications: count(1, MAX_REPLICATIONS).default(1).describe('Independent runs with derived seeds.'),
    fleet: fleetSchema.describe('The functions at time 0 and how their owners behave.'),
    runtimes: z
      .partialRecord(names('runtime', RUNTIMES), runtimeStateSchema)
      .optional()
      .describe('Current version label per runtime of the fleet; default `<prefix>.v1` from the catalog.'),
    releases: z.array(releaseSchema).default([]).describe('Runtime versions Lambda publishes during the run (R1, R8, R10).'),
    catalog: z
      .strictObject({
        arnHashPerRegion: flag().default(false).describe('Version ARNs differ per region too, not only per architecture (R6).'),
      })
      .prefault({})
      .describe('How runtime version ARNs are formed (R4, R6).'),
    owners: ownersSchema.prefault({}).describe('How function owners notice failures, roll back and migrate (R12, R13, R18).'),
    policy: policySchema.prefault({}).describe('Organisation policy on runtime management (R19).'),
    outputs: outputsSchema.prefault({}).describe('Optional outputs.'),
    sweep: z
      .record(z.string().min(1), z.array(z.unknown()).min(1))
      .optional()
      .describe(
        'Runs the Cartesian product of these values: each key is a key path as errors print it (releases[0].phase2.duration, fleet.updateModes.Auto; quote a key that contains dots as ["python3.12"]), each value a list of values for it, checked like the rest of the file.',
      ),
  })
  .meta({
    title: 'lambda-rollout-sim scenario',
    description: 'A scenario for the Lambda managed-runtime update simulator: a fleet, the releases Lambda publishes, and how owners react.',
  });

/** The file as written (before defaults). */
export type ScenarioFileInput = z.input<typeof scenarioFileSchema>;
/** The file after validation, defaults filled in, values still in file units. */
export type ScenarioFile = z.output<typeof scenarioFileSchema>;
export type ReleaseFile = z.output<typeof releaseSchema>;
