/**
 * Headline metrics (metrics.md): per replication, then mean and 95% CI over replications.
 * Window of exposure in function-days, split Lambda/owner (R18); time to patch from the
 * Kaplan–Meier curve of every (function, release) that existed at the release's publication
 * in its region; percentiles not reached by the horizon are null.
 */
import type { ReplicationResult } from '../model/result.js';
import { EXPOSURE_FIELDS, FIELD } from '../model/exposure/exposureState.js';
import { DAY_MS, HOUR_MS } from '../model/units.js';
import { kaplanMeier, survivalAtMs, survivalQuantileMs } from './kaplanMeier.js';
import { meanCi95 } from './meanCi.js';

export interface MetricDefinition {
  readonly unit: string;
  readonly description: string;
}

export const METRICS = {
  staleFunctionDays: { unit: 'function-days', description: 'Window of exposure: area under the stale-function curve' },
  lambdaStaleFunctionDays: { unit: 'function-days', description: "Stale function-days of Auto Zip functions the rollout had not reached yet: Lambda's (R18)" },
  ownerStaleFunctionDays: { unit: 'function-days', description: "Stale function-days of FunctionUpdate, Manual and image functions: the owner's (R18)" },
  staleFunctionVersionDays: { unit: 'function-version-days', description: 'Area under the curve of stale kept function versions ($LATEST and published): the surface qualified invocations can reach' },
  lambdaStaleFunctionVersionDays: { unit: 'function-version-days', description: "Stale function-version-days of Auto versions: Lambda's (R18)" },
  ownerStaleFunctionVersionDays: { unit: 'function-version-days', description: "Stale function-version-days of FunctionUpdate, Manual (pinned included) and image versions: the owner's (R18)" },
  technicalLagVersionsMean: { unit: 'versions', description: 'Versions the serving version is behind the latest secure one, averaged over functions and the horizon (at the samples)' },
  technicalLagDaysMean: { unit: 'days', description: 'Days since the latest secure version reached a stale function (0 if not stale), averaged over functions and the horizon (at the samples)' },
  technicalLagVersionsP95: { unit: 'versions', description: '95th percentile over functions of versions behind, at the horizon' },
  technicalLagDaysP95: { unit: 'days', description: '95th percentile over functions of days behind, at the horizon' },
  staleInvocations: { unit: 'invocations', description: 'Invocation-weighted window of exposure: invocations served by stale functions' },
  timeToPatchP50Days: { unit: 'days', description: 'Median time from a release reaching a region to its functions running it (Kaplan–Meier)' },
  timeToPatchP90Days: { unit: 'days', description: '90th percentile of time to patch (Kaplan–Meier)' },
  timeToPatchP95Days: { unit: 'days', description: '95th percentile of time to patch (Kaplan–Meier)' },
  unpatchedShareAt7Days: { unit: 'share', description: 'Kaplan–Meier share still unpatched 7 days after publication' },
  unpatchedShareAt30Days: { unit: 'share', description: 'Kaplan–Meier share still unpatched 30 days after publication' },
  unpatchedShareAt90Days: { unit: 'share', description: 'Kaplan–Meier share still unpatched 90 days after publication' },
  unpatchedShareAtHorizon: { unit: 'share', description: '(function, release) pairs still unpatched at the horizon, of all that existed at publication' },
  functionsAtHorizon: { unit: 'functions', description: 'Functions at the horizon, created ones included' },
  exposedFunctions: { unit: 'functions', description: 'Susceptible functions that ran an incompatible version' },
  exposureFunctionHours: { unit: 'function-hours', description: 'Time susceptible functions ran an incompatible version live' },
  exposedInvocations: { unit: 'invocations', description: 'Invocations served by an incompatible version on susceptible functions, over the environment mix (R15)' },
  failedInvocations: { unit: 'invocations', description: 'Of those, the failed ones (errorRate)' },
  timeToDetectP50Hours: { unit: 'hours', description: 'Median time from starting to run an incompatible version to the owner noticing' },
  timeToRollbackP50Hours: { unit: 'hours', description: 'Median time from starting to run an incompatible version to the rollback taking effect' },
  rollbacksByAlias: { unit: 'functions', description: 'Rollbacks by redirecting an alias to the previous published version (R14)' },
  rollbacksByPin: { unit: 'functions', description: 'Rollbacks by PutRuntimeManagementConfig Manual with the previous ARN (R12, R17)' },
  rollbacksByImage: { unit: 'functions', description: 'Rollbacks by redeploying the previous container image (R3)' },
  pinnedAtHorizon: { unit: 'functions', description: 'Functions still pinned by a rollback at the horizon (R18)' },
  blockedChanges: { unit: 'changes', description: 'Architecture or runtime changes that waited because $LATEST was pinned for a rollback (R13)' },
  aliasRedirectsWithoutRollback: { unit: 'functions', description: 'Alias redirects that rolled nothing back: every earlier kept version already ran the bad version (Auto, phase 2, R14)' },
  expiryFailures: { unit: 'invocations', description: 'Invocations that failed on an expired version (R11)' },
  deprecatedRuntimeFunctions: { unit: 'functions', description: "With startDate: functions on a deprecated runtime at the horizon; the owner's (R18); undefined without startDate" },
  deprecatedRuntimeFunctionDays: { unit: 'function-days', description: "With startDate: function-days on a deprecated runtime up to the horizon; the owner's (R18); undefined without startDate" },
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

const PERCENTILES: Partial<Record<MetricName, number>> = {
  timeToPatchP50Days: 0.5,
  timeToPatchP90Days: 0.9,
  timeToPatchP95Days: 0.95,
};

export function replicationMetrics(result: ReplicationResult): Record<MetricName, number | null> {
  const t = result.totals;
  const curve = kaplanMeier(result.survival);
  const quantileDays = (q: number): number | null => {
    const ms = survivalQuantileMs(curve, q);
    return ms === null ? null : ms / DAY_MS;
  };
  return {
    staleFunctionDays: (t.lambdaStaleMs + t.ownerStaleMs) / DAY_MS,
    lambdaStaleFunctionDays: t.lambdaStaleMs / DAY_MS,
    ownerStaleFunctionDays: t.ownerStaleMs / DAY_MS,
    staleFunctionVersionDays: (t.lambdaStaleVersionMs + t.ownerStaleVersionMs) / DAY_MS,
    lambdaStaleFunctionVersionDays: t.lambdaStaleVersionMs / DAY_MS,
    ownerStaleFunctionVersionDays: t.ownerStaleVersionMs / DAY_MS,
    technicalLagVersionsMean: t.technicalLagVersionsMean,
    technicalLagDaysMean: t.technicalLagDaysMean,
    technicalLagVersionsP95: t.technicalLagVersionsP95,
    technicalLagDaysP95: t.technicalLagDaysP95,
    staleInvocations: t.staleInvocations,
    timeToPatchP50Days: quantileDays(PERCENTILES.timeToPatchP50Days!),
    timeToPatchP90Days: quantileDays(PERCENTILES.timeToPatchP90Days!),
    timeToPatchP95Days: quantileDays(PERCENTILES.timeToPatchP95Days!),
    unpatchedShareAt7Days: survivalAtMs(curve, 7 * DAY_MS),
    unpatchedShareAt30Days: survivalAtMs(curve, 30 * DAY_MS),
    unpatchedShareAt90Days: survivalAtMs(curve, 90 * DAY_MS),
    unpatchedShareAtHorizon: t.patchObservations === 0 ? null : t.unpatchedAtHorizon / t.patchObservations,
    functionsAtHorizon: t.functions,
    exposedFunctions: exposureSum(result, FIELD.exposedFunctions),
    exposureFunctionHours: exposureSum(result, FIELD.exposureMs) / HOUR_MS,
    exposedInvocations: exposureSum(result, FIELD.exposedInvocations),
    failedInvocations: exposureSum(result, FIELD.failedInvocations),
    timeToDetectP50Hours: medianOrNull(result.exposure.detectDelaysMs, HOUR_MS),
    timeToRollbackP50Hours: medianOrNull(result.exposure.rollbackDelaysMs, HOUR_MS),
    rollbacksByAlias: exposureSum(result, FIELD.rollbacksByAlias),
    rollbacksByPin: exposureSum(result, FIELD.rollbacksByPin),
    rollbacksByImage: exposureSum(result, FIELD.rollbacksByImage),
    pinnedAtHorizon: t.pinnedAtHorizon,
    blockedChanges: t.blockedChanges,
    aliasRedirectsWithoutRollback: t.aliasRedirectsWithoutRollback,
    expiryFailures: t.expiryFailures,
    deprecatedRuntimeFunctions: result.deprecatedRuntime?.functions ?? null,
    deprecatedRuntimeFunctionDays: result.deprecatedRuntime?.functionDays ?? null,
  };
}

function exposureSum(result: ReplicationResult, field: number): number {
  const totals = result.exposure.totals;
  let s = 0;
  for (let i = field; i < totals.length; i += EXPOSURE_FIELDS.length) s += totals[i]!;
  return s;
}

/** Median of a sample, in `unitMs` units; null when empty. */
function medianOrNull(values: Float64Array, unitMs: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return median / unitMs;
}

export interface MetricSummary {
  /** null when the metric is undefined in at least one replication (e.g. a percentile not reached). */
  readonly mean: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly unit: string;
  readonly replications: number;
  /** Replications in which the metric is defined. */
  readonly definedIn: number;
  /** For time-to-patch metrics: mean share of observations censored at the horizon. */
  readonly censoredShare?: number | null;
}

export function summarizeMetrics(results: readonly ReplicationResult[]): Record<MetricName, MetricSummary> {
  return summarizeMetricRows(results.map(replicationMetrics));
}

/** The same, from metrics already computed per replication (e.g. by worker threads). */
export function summarizeMetricRows(perReplication: readonly Readonly<Record<MetricName, number | null>>[]): Record<MetricName, MetricSummary> {
  const censored = perReplication.map((m) => m.unpatchedShareAtHorizon).filter((v): v is number => v !== null);
  const censoredShare = censored.length === 0 ? null : meanCi95(censored).mean;
  const out = {} as Record<MetricName, MetricSummary>;
  for (const name of METRIC_NAMES) {
    const values = perReplication.map((m) => m[name]);
    const defined = values.filter((v): v is number => v !== null);
    const all = defined.length === values.length && values.length > 0;
    const stats = all ? meanCi95(defined) : null;
    out[name] = {
      mean: stats ? stats.mean : null,
      ci95: stats ? stats.ci95 : null,
      unit: METRICS[name].unit,
      replications: values.length,
      definedIn: defined.length,
      ...(name in PERCENTILES ? { censoredShare } : {}),
    };
  }
  return out;
}
