/**
 * Exposure to bad releases (metrics.md): per susceptible function, an episode of running an
 * incompatible version — its environment share, the Exp(1) mass left before its first
 * failed invocation, and the owner's detection and rollback. Only susceptible functions on
 * an incompatible version have an entry, so the map stays small.
 */
export interface ExposureEpisode {
  /** The incompatible version and its release index. */
  readonly version: number;
  readonly release: number;
  /** Group in exposure.csv, fixed when the function first ran the version. */
  readonly group: number;
  /** Share of invocations served by the version, at `anchorMs` (R15). */
  share: number;
  anchorMs: number;
  /** True while the version is live (its share rises), false after the function left it. */
  live: boolean;
  /** Start of the current stretch of running it live. */
  liveSinceMs: number;
  /** Start of the current episode (the function switched to the version). */
  episodeStartMs: number;
  /** Exp(1) mass of failed-invocation intensity left before the episode's first failure. */
  hazardLeft: number;
  /** Pending first-failure event, or -1. */
  failureHandle: number;
  /** The episode's first failure and detection times, NaN until they happen. */
  firstFailureMs: number;
  detectedMs: number;
  /** Episodes so far (a function that returns to the version after unpinning starts another). */
  episodes: number;
  /** When and how the owner rolled the episode back (ROLLBACK_*), NaN / ROLLBACK_NONE until then. */
  rolledBackMs: number;
  rollbackKind: number;
}

export const ROLLBACK_NONE = 0;
export const ROLLBACK_ALIAS = 1;
export const ROLLBACK_PIN = 2;
export const ROLLBACK_IMAGE = 3;
export const ROLLBACK_NAMES = ['', 'alias', 'pin', 'image'] as const;

/** Per-group figures, one row of exposure.csv each. */
export const EXPOSURE_FIELDS = [
  'exposedFunctions', 'exposureMs', 'exposedInvocations', 'failedInvocations', 'detectedFunctions',
  'rollbacksByAlias', 'rollbacksByPin', 'rollbacksByImage',
] as const;
export type ExposureField = (typeof EXPOSURE_FIELDS)[number];
export const FIELD: { readonly [K in ExposureField]: number } = Object.fromEntries(EXPOSURE_FIELDS.map((f, i) => [f, i])) as never;
