/** The few lines `run` prints when it is done: where the results are and what they say. */
import { HEADLINE_METRICS } from '../../analysis/headline.js';
import { isSweepSummary, type MetricJson, type RunSummaryJson, type SummaryJson, type SweepSummaryJson, type TargetCiJson } from '../../output/summaryShape.js';

const HEADLINE: readonly string[] = HEADLINE_METRICS;

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3);
}

/** The headline of a summary.json, with or without a sweep. */
export function headlineOf(summary: SummaryJson, outDir: string): string {
  return isSweepSummary(summary) ? formatSweepHeadline(summary, outDir) : formatHeadline(summary as RunSummaryJson, outDir);
}

export function formatHeadline(summary: RunSummaryJson, outDir: string): string {
  const lines = [
    `${summary.scenario}: ${summary.replications} replication(s), seed ${summary.seed}`,
    `resultHash ${summary.resultHash}`,
  ];
  for (const name of HEADLINE) {
    const m = summary.metrics[name];
    if (!m) continue;
    if (m.definedIn === 0 && m.censoredShare === undefined) continue; // e.g. no rollbacks at all
    lines.push(`  ${name.padEnd(26)} ${metricText(m)}`);
  }
  if (summary.targetCi !== undefined) lines.push(targetText(summary.targetCi, summary.targetCi.met === true ? 1 : 0, 1));
  lines.push(`results in ${outDir}`);
  return lines.join('\n') + '\n';
}

function metricText(m: MetricJson): string {
  const undefinedText = m.censoredShare !== undefined
    ? `not reached by the horizon${m.censoredShare !== null && m.censoredShare !== undefined ? ` (${(m.censoredShare * 100).toFixed(1)}% censored)` : ''}`
    : `undefined in ${m.replications - m.definedIn} of ${m.replications} replications`;
  return m.mean === null ? undefinedText : `${fmt(m.mean)}${m.ci95 ? ` [${fmt(m.ci95[0])}, ${fmt(m.ci95[1])}]` : ''} ${m.unit}`;
}

function targetText(t: TargetCiJson, met: number, of: number): string {
  const goal = `target CI ±${(t.relativeHalfWidth * 100).toPrecision(3).replace(/\.?0+$/, '')}% of the mean`;
  return met === of
    ? `${goal}: met${of > 1 ? ' at every point' : ''}`
    : `${goal}: not met${of > 1 ? ` at ${of - met} of ${of} points` : ''} within ${t.maxReplications} replications`;
}

/** With a sweep: one block per point, its parameters and the first headline metrics. */
export function formatSweepHeadline(summary: SweepSummaryJson, outDir: string): string {
  const lines = [
    `${summary.scenario}: ${summary.points.length} sweep point(s), ${summary.units} unit(s), seed ${summary.seed}`,
    `resultHash ${summary.resultHash}`,
  ];
  for (const p of summary.points) {
    const parameters = Object.entries(p.parameters).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ');
    lines.push(`  point ${p.point}: ${parameters} (${p.replications} replication(s))`);
    for (const name of HEADLINE.slice(0, 4)) {
      const m = p.metrics[name];
      if (m !== undefined && m.definedIn > 0) lines.push(`    ${name.padEnd(24)} ${metricText(m)}`);
    }
  }
  if (summary.targetCi !== undefined) lines.push(targetText(summary.targetCi, summary.targetCi.metAt ?? 0, summary.points.length));
  lines.push(`results in ${outDir} (sweep.csv: every metric at every point)`);
  return lines.join('\n') + '\n';
}
