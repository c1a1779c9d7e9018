/** The lines `fleet import` / `fleet collect` print on stderr after writing: what was read and what was assumed. */
import type { BuildResult } from './buildFleet.js';

export function summaryLines(result: BuildResult, out: string): string[] {
  const { counts, documents, fleet } = result;
  const docs = Object.entries(documents).map(([shape, n]) => `${n} ${shape}`).join(', ');
  const s = fleet.deployStatistics;
  return [
    `read ${docs || 'no documents'}`,
    `${counts.functions} functions (${counts.imageFunctions} container images, R3), ${counts.versions} versions, ${counts.aliases} aliases written to ${out}`,
    `${counts.defaultedToAuto} Zip versions had no get-runtime-management-config output: taken as Auto (R2)`,
    `${counts.withoutRuntimeVersion} Zip versions had no get-function output: the runtime version they run is unknown`,
    ...(counts.ignoredForImages > 0 ? [`${counts.ignoredForImages} runtime-management outputs for container images not used (R3)`] : []),
    `deploy rates over ${s.windowStart} – ${s.windowEnd}: pooled ${s.pooledRatePerDay.toPrecision(3)}/day, prior Gamma(shape ${s.priorShape.toPrecision(3)}, rate ${s.priorRateDays.toPrecision(3)} days)${s.overdispersed ? '' : ' (no spread beyond Poisson: every function gets the pooled rate)'}`,
  ];
}
