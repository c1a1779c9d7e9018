/** The few lines `run` prints when it is done: where the results are and what they say. */
interface SummaryLike {
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly resultHash: string;
  readonly metrics: Record<string, {
    mean: number | null; ci95: readonly [number, number] | null; unit: string; replications: number; definedIn: number; censoredShare?: number | null;
  }>;
}

const HEADLINE = [
  'staleFunctionDays', 'lambdaStaleFunctionDays', 'ownerStaleFunctionDays', 'timeToPatchP50Days', 'timeToPatchP95Days',
  'unpatchedShareAtHorizon', 'exposedFunctions', 'failedInvocations', 'timeToRollbackP50Hours', 'pinnedAtHorizon',
];

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3);
}

export function formatHeadline(summary: SummaryLike, outDir: string): string {
  const lines = [
    `${summary.scenario}: ${summary.replications} replication(s), seed ${summary.seed}`,
    `resultHash ${summary.resultHash}`,
  ];
  for (const name of HEADLINE) {
    const m = summary.metrics[name];
    if (!m) continue;
    if (m.definedIn === 0 && m.censoredShare === undefined) continue; // e.g. no rollbacks at all
    const undefinedText = m.censoredShare !== undefined
      ? `not reached by the horizon${m.censoredShare !== null ? ` (${(m.censoredShare * 100).toFixed(1)}% censored)` : ''}`
      : `undefined in ${m.replications - m.definedIn} of ${m.replications} replications`;
    const value = m.mean === null ? undefinedText : `${fmt(m.mean)}${m.ci95 ? ` [${fmt(m.ci95[0])}, ${fmt(m.ci95[1])}]` : ''} ${m.unit}`;
    lines.push(`  ${name.padEnd(26)} ${value}`);
  }
  lines.push(`results in ${outDir}`);
  return lines.join('\n') + '\n';
}
