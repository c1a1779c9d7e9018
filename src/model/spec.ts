/**
 * A validated, normalised scenario: the only shape the model ever sees. It belongs to the
 * model; scenario/ turns YAML into it (and so depends on the model, never the reverse).
 *
 * Every duration is in integer milliseconds (`…Ms`), every share in [0, 1],
 * every weight list has positive weights that sum to 1 and keeps the file's order
 * (file order is what the seeded draws index into, so it is part of the result).
 * Defaults are filled in once, by the scenario loader.
 */
import type { ArchitectureName, PackageTypeName, UpdateModeName } from './catalog/architectures.js';
import type { RegionName } from './catalog/regions.js';

export interface WeightEntry<K extends string = string> {
  readonly name: K;
  /** Normalised weight, > 0; the weights of one list sum to 1. */
  readonly weight: number;
}

export interface Scenario {
  readonly name: string;
  /** Base seed; `--seed` overrides it. Non-negative integer. */
  readonly seed: number;
  readonly horizonMs: number;
  readonly sampleEveryMs: number;
  readonly replications: number;
  readonly fleet: FleetSpec;
  /**
   * One entry for every key of the file's `fleet.runtimes`, in file order, zero-weight
   * ones included (so every release's runtime has an entry); defaults filled in.
   */
  readonly runtimes: readonly RuntimeSpec[];
  /** Sorted by `atMs`, ties kept in file order. Labels unique within a runtime. */
  readonly releases: readonly ReleaseSpec[];
  readonly catalog: CatalogSpec;
  readonly owners: OwnersSpec;
  readonly policy: PolicySpec;
  readonly outputs: OutputsSpec;
  /**
   * The real calendar (`startDate`): time 0 is `startDateMs` (ms since the Unix epoch, UTC), and
   * runtimes carry their lifecycle dates. Absent without `startDate`: logs are dated from
   * 2026-01-01 and no lifecycle applies (today's behaviour).
   */
  readonly calendar?: { readonly startDateMs: number };
  /** Warnings the loader raised (e.g. policy overriding mode weights); printed by the CLI. */
  readonly warnings: readonly string[];
}

export interface FleetSpec {
  /** Functions at time 0. */
  readonly functions: number;
  readonly regions: readonly WeightEntry<RegionName>[];
  readonly architectures: readonly WeightEntry<ArchitectureName>[];
  readonly runtimes: readonly WeightEntry<string>[];
  readonly packageTypes: readonly WeightEntry<PackageTypeName>[];
  readonly updateModes: readonly WeightEntry<UpdateModeName>[];
  /** Share of functions whose traffic goes through an alias to published versions (R14). */
  readonly publishedVersionShare: number;
  readonly deploys: {
    /** Mean time between deploys of an active function (Poisson process). */
    readonly meanIntervalMs: number;
    /** Share of functions that never deploy (nor rebuild, for images). */
    readonly inactiveShare: number;
    /**
     * Optional shape k of a Gamma spread of deploy rates across active functions
     * (mean rate kept at 1/meanInterval); null = every active function has the same rate.
     */
    readonly rateShape: number | null;
  };
  /** Container-image functions rebuild from the newest base image as a Poisson process (R3). */
  readonly imageRebuilds: { readonly meanIntervalMs: number };
  /** Lognormal invocation rate per function: median and sigma of ln(rate). */
  readonly invocationsPerDay: { readonly median: number; readonly sigma: number };
  /** Mean lifetime of an execution environment (R15); used by the exposure model. */
  readonly environmentLifetimeMs: number;
  /**
   * Mean duration of one invocation, > 0. A function keeps about
   * 1 + invocationsPerDay × invocationDuration / 1 day environments warm (busy concurrency
   * plus one idle), which sets its rate of inits in the INIT_START log (R15).
   */
  readonly invocationDurationMs: number;
  /** New functions created per day during the run (Poisson); 0 = none. */
  readonly createdPerDay: number;
  /** Published versions an alias function keeps (R14): the alias target and earlier ones, oldest deleted first. */
  readonly publishedVersions: { readonly retain: number };
  /** UpdateFunctionConfiguration calls per function: Poisson with this mean interval, null = none (R8 phase 1). */
  readonly configUpdates: { readonly meanIntervalMs: number | null };
  /** Idle environments a function keeps warm besides its busy concurrency (R15, INIT_START rate). */
  readonly idleEnvironments: number;
  /**
   * The functions at time 0 taken from an imported inventory (`fleet.inventory`), in file
   * order; absent when the fleet is drawn from the weights. The weights above are then the
   * inventory's own mix (what functions created during the run are drawn from).
   */
  readonly inventory?: readonly InventoryFunctionSpec[];
  /** With an inventory: the mode its Auto versions are switched to before time 0 ("if the owners switched"); absent = as the file says. */
  readonly switchAutoTo?: UpdateModeName;
}

/** One function of an imported inventory, as the model needs it (no ARNs, no names). */
export interface InventoryFunctionSpec {
  readonly region: RegionName;
  readonly architecture: ArchitectureName;
  /** Managed runtime id; an image function gets the runtime its base image is drawn for (docs/model.md). */
  readonly runtime: string;
  readonly packageType: PackageTypeName;
  /** `$LATEST` (number 0) first, then the kept published versions, numbers ascending. */
  readonly versions: readonly InventoryVersionSpec[];
  /** Published version number the serving alias points to, or null (`$LATEST` serves). */
  readonly aliasNumber: number | null;
  /** Deploys (Zip) or rebuilds (Image) per day, from the inventory's estimate. */
  readonly deployRatePerDay: number;
}

export interface InventoryVersionSpec {
  readonly number: number;
  /** Runtime version label (R4): the scenario's `runtimes.<id>.arns`, or the automatic labels. */
  readonly label: string;
  /** Configured mode; null for an image function (R3). */
  readonly mode: UpdateModeName | null;
}

export interface RuntimeSpec {
  /** Runtime identifier (R5), e.g. `python3.12`. */
  readonly id: string;
  /** Label of the version every function runs at time 0, e.g. `python:3.12.v14` (R4). */
  readonly current: string;
  /** R11: the starting version begins failing at this time, ms; null = never. */
  readonly expiresAtMs: number | null;
  /**
   * With `startDate`: deprecation, block-create and block-update of the runtime in ms from time
   * 0 (negative: before the start), null where the catalog has no date. Absent without `startDate`.
   */
  readonly lifecycle?: { readonly deprecatedAtMs: number | null; readonly blockCreateAtMs: number | null; readonly blockUpdateAtMs: number | null };
  /** Versions older than `current` that an inventory runs at time 0, oldest first; absent = none. */
  readonly earlier?: readonly string[];
}

export interface ReleaseSpec {
  readonly runtime: string;
  /** Version label (R4). */
  readonly version: string;
  /** Publication in the first wave's regions. */
  readonly atMs: number;
  /**
   * Publication waves (R10): each inner list is published together, waves
   * `regionIntervalMs` apart. Always covers all 34 commercial regions exactly once:
   * the file's `regionOrder` waves as listed (regions outside the fleet included,
   * since they still take a wave slot), then every region not listed, grouped by its
   * wave in DEFAULT_REGION_WAVES and in that order, empty waves dropped. Without a
   * `regionOrder` it equals DEFAULT_REGION_WAVES.
   */
  readonly regionWaves: readonly (readonly RegionName[])[];
  readonly regionIntervalMs: number;
  /**
   * Explicit publication times (from the start of the run) of some regions, overriding
   * their wave time (file key `publishedAt`); absent or empty when the file gives none. File order kept.
   */
  readonly publishedAtMs?: readonly { readonly region: RegionName; readonly atMs: number }[];
  /** Phase 2 (R8): Auto functions not yet updated are spread over [pub + startAfter, pub + startAfter + duration]. */
  readonly phase2: { readonly startAfterMs: number; readonly durationMs: number };
  readonly incompatibility: IncompatibilitySpec | null;
  /** R11: Lambda halts the release once this many functions have detected failures. */
  readonly halt: {
    readonly afterFailingFunctions: number;
    readonly delayMs: number;
    /** Lambda moves Auto function versions off the withdrawn version over [halt + startAfter, + duration] (R11). */
    readonly rollback: { readonly startAfterMs: number; readonly durationMs: number };
  } | null;
  /** R11: the version starts failing this long after its first publication (e.g. an expired certificate). */
  readonly expiresAfterMs: number | null;
  /** Label of an earlier release of the same runtime that this release fixes. */
  readonly fixes: string | null;
  /** Publication of the release's base image, once for all regions (R3); null = the release's first publication. */
  readonly baseImageAtMs: number | null;
}

export interface IncompatibilitySpec {
  /** Share of functions of the runtime that are susceptible. */
  readonly share: number;
  /** Share of a susceptible function's invocations on this version that fail. */
  readonly errorRate: number;
  /** Optional filters: only functions matching all given lists are susceptible. */
  readonly architectures: readonly ArchitectureName[] | null;
  readonly regions: readonly RegionName[] | null;
  readonly packageTypes: readonly PackageTypeName[] | null;
}

export interface CatalogSpec {
  /** ARN hash per (version, architecture) by default; true adds the region (domain.md, "Architectures"). */
  readonly arnHashPerRegion: boolean;
}

export interface OwnersSpec {
  /** Lognormal delay from a function's first failed invocation to its owner noticing. */
  readonly detectionDelay: { readonly medianMs: number; readonly sigma: number };
  /** Share of owners with alarms, and their (lognormal) detection delay. */
  readonly alarms: { readonly share: number; readonly medianMs: number; readonly sigma: number };
  readonly rollback: {
    /** After this, the owner returns a pinned function to Auto (R12, R18). */
    readonly unpinAfterMs: number;
    /** Share of owners that never unpin. */
    readonly neverUnpinShare: number;
  };
  /** R13: owners change architecture or runtime identifier at this rate per function per day. */
  readonly migrations: { readonly perFunctionPerDay: number; readonly retryAfterMs: number };
}

export interface PolicySpec {
  /** R19: deny PutRuntimeManagementConfig organisation-wide. */
  readonly denyRuntimeManagementConfig: boolean;
  /** R19: time to get a case-by-case exception before a pinning rollback. */
  readonly exceptionApprovalMs: number;
}

export interface OutputsSpec {
  /** Sampled INIT_START log (R15); null = not written. `sample` is the share of inits written. */
  readonly initStartLog: { readonly sample: number } | null;
  /** Write the event trace `events.ndjson`. */
  readonly events: boolean;
}
