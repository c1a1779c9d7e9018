/** summary.json checked for the fields the report relies on (the contract's checked view, output/summaryShape.ts). */
import { ResultsFileError } from './csvColumns.js';
import type { SummaryJson } from './types.js';

/** Checks the fields the report relies on; everything else is optional. */
export function checkSummary(value: unknown, file: string): SummaryJson {
  const problems: string[] = [];
  const o = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  if (typeof o.scenario !== 'string') problems.push('`scenario` must be a string');
  if (typeof o.seed !== 'number') problems.push('`seed` must be a number');
  const swept = Array.isArray(o.points) && o.points.length > 0;
  if (!(typeof o.replications === 'number' && o.replications >= 1) && !(swept && o.replications === null)) problems.push('`replications` must be a number ≥ 1');
  if (typeof o.functions !== 'number') problems.push('`functions` must be a number');
  if (typeof o.horizonDays !== 'number' || !(o.horizonDays > 0)) problems.push('`horizonDays` must be a number > 0');
  if (typeof o.resultHash !== 'string') problems.push('`resultHash` must be a string');
  if (!swept && (typeof o.metrics !== 'object' || o.metrics === null)) problems.push('`metrics` must be an object');
  if (o.points !== undefined && !Array.isArray(o.points)) problems.push('`points` must be a list');
  if (swept) {
    (o.points as unknown[]).forEach((p, i) => {
      const point = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
      if (typeof point.point !== 'number' || typeof point.parameters !== 'object' || point.parameters === null || typeof point.metrics !== 'object' || point.metrics === null) {
        problems.push(`\`points[${i}]\` must have a number \`point\`, and \`parameters\` and \`metrics\` objects`);
      }
    });
  }
  if (o.perReplication !== undefined && !Array.isArray(o.perReplication)) problems.push('`perReplication` must be a list');
  if (problems.length > 0) throw new ResultsFileError(`${file}: ${problems.join('; ')}`);
  return o as unknown as SummaryJson;
}
