/**
 * The headline metrics, in the order every reader shows them: what `run` prints, the
 * default targets of `--target-ci`, and the metrics a sweep or a comparison is read by.
 */
import type { MetricName } from './metrics.js';

export const HEADLINE_METRICS = [
  'staleFunctionDays', 'lambdaStaleFunctionDays', 'ownerStaleFunctionDays', 'timeToPatchP50Days', 'timeToPatchP95Days',
  'unpatchedShareAtHorizon', 'exposedFunctions', 'failedInvocations', 'timeToRollbackP50Hours', 'pinnedAtHorizon',
] as const satisfies readonly MetricName[];
