/**
 * `calibrate --check`: simulates the fitted scenario and compares, per release and region, the
 * simulated time-to-patch curve (the share of functions that moved within t of publication, from
 * the simulator's patch rows, exact times) with the observed one (Turnbull's estimate from the
 * logs, publication = the fitted time). The figure is the largest vertical distance between the
 * two curves (a Kolmogorov-Smirnov distance) over [0, the shorter of the two observation spans],
 * on a one-hour grid.
 */
import { turnbull, turnbullCdf } from '../analysis/turnbull.js';
import { buildVersionTable } from '../model/catalog/versionTable.js';
import { simulateReplication } from '../model/simulate.js';
import type { Scenario } from '../model/spec.js';
import { historyIndex, patchSubjects } from '../observe/timeToPatch.js';
import type { FittedScenario } from './fit.js';
import { HOUR_MS } from './fit.js';
import type { Observed } from './readObserved.js';

/** Replications simulated: enough that the simulated curve's noise is small against the observed one's. */
export const CHECK_REPLICATIONS = 3;

export interface CheckRow {
  readonly label: string;
  readonly region: string;
  readonly observedFunctions: number;
  readonly simulatedFunctions: number;
  readonly maxDistance: number;
}

export function checkFit(scenario: Scenario, fitted: FittedScenario, observed: Observed, replications = CHECK_REPLICATIONS): CheckRow[] {
  const versions = buildVersionTable(scenario);
  const regions = scenario.fleet.regions.map((r) => r.name as string);
  // Simulated times to patch per (version, region): ms from publication, NaN = not patched.
  const simulated = new Map<string, number[]>();
  const simSpan = new Map<string, number>();
  for (let rep = 0; rep < replications; rep++) {
    const result = simulateReplication(scenario, rep, { seed: scenario.seed, keepPatches: true, versions });
    const p = result.patches;
    if (p === null) continue;
    for (let i = 0; i < p.length; i++) {
      const key = `${versions.label[p.version[i]!]}\u0000${regions[result.functions.region[p.functionId[i]!]!]}`;
      const list = simulated.get(key) ?? [];
      list.push(p.patchedMs[i]! - p.publishedMs[i]!);
      simulated.set(key, list);
      simSpan.set(key, scenario.horizonMs - p.publishedMs[i]!);
    }
  }
  const history = historyIndex(observed.transitions);
  const rows: CheckRow[] = [];
  for (const r of fitted.releases) {
    for (const pub of r.publications) {
      if (!Number.isFinite(pub.atMs)) continue;
      const publishedMs = fitted.epochMs + pub.atMs;
      const subjects = patchSubjects(observed.functions, history, observed.rank, { runtime: r.runtime, label: r.label, region: pub.region, publishedMs });
      const sim = simulated.get(`${r.label}\u0000${pub.region}`) ?? [];
      if (subjects.length === 0 || sim.length === 0) continue;
      const fit = turnbull(subjects.map((s) => s.interval));
      const sorted = sim.filter(Number.isFinite).sort((a, b) => a - b);
      const span = Math.min(observed.endMs - publishedMs, simSpan.get(`${r.label}\u0000${pub.region}`) ?? 0);
      let worst = 0;
      let k = 0;
      for (let t = 0; t <= span; t += HOUR_MS) {
        while (k < sorted.length && sorted[k]! <= t) k++;
        worst = Math.max(worst, Math.abs(k / sim.length - turnbullCdf(fit, t)));
      }
      rows.push({ label: r.label, region: pub.region, observedFunctions: subjects.length, simulatedFunctions: sim.length / replications, maxDistance: worst });
    }
  }
  return rows;
}
