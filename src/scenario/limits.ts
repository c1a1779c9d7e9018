/**
 * Hard limits of the scenario file format, in one place so that the schema, the
 * messages and the docs quote the same numbers.
 */

/** Largest scenario file accepted: 1 MiB. Real scenarios are a few KiB; this bounds parse time and memory. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Longest `horizon`: ten years of simulated time. */
export const MAX_HORIZON_MS = 3650 * 86_400_000;

/** Fleet size bounds (`fleet.functions`, `halt.afterFailingFunctions`). */
export const MAX_FUNCTIONS = 50_000_000;

/** Upper bound of `replications`. */
export const MAX_REPLICATIONS = 100_000;

/**
 * Most releases a file may stand for, series (`repeat`) expanded: each is a version of the
 * catalog (at most 65,535 fit) and costs every replication a publication per region.
 */
export const MAX_RELEASES = 10_000;

/**
 * Bounds of the invocation-rate lognormal: a median of a billion invocations per function per
 * day and a sigma of 10 keep every drawn rate (median × e^(6.23 σ) at most) finite in the
 * fleet's Float32 column, so invocation metrics never overflow to Infinity or NaN.
 */
export const MAX_INVOCATIONS_PER_DAY = 1e9;
export const MAX_INVOCATION_SIGMA = 10;

/** Length bounds of the scenario name and of version labels. */
export const MAX_NAME_CHARS = 200;
export const MAX_LABEL_CHARS = 100;

/**
 * YAML alias expansions allowed before a file is refused as an alias bomb
 * ("billion laughs"); this is the `yaml` package's own default, stated here so it is visible.
 */
export const MAX_ALIAS_COUNT = 100;

/** Nesting guards (see nesting.ts): open flow brackets, and width of a line's indentation plus block indicators. */
export const MAX_FLOW_NESTING = 64;
export const MAX_BLOCK_INDENT = 256;

/** Most points a `sweep` may expand to (the product of its lists' lengths). */
export const MAX_SWEEP_POINTS = 10_000;

/**
 * Most architecture or runtime-identifier changes an owner makes per function per day
 * (`owners.migrations.perFunctionPerDay`): one an hour. Each is an owner's deliberate
 * UpdateFunctionConfiguration (R8, R13) and an event of the run; a larger rate only floods the
 * event queue (a hostile file with 1e9 ran for hours instead of being refused).
 */
export const MAX_MIGRATIONS_PER_FUNCTION_PER_DAY = 24;
