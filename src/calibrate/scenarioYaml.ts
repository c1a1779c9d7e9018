/**
 * The fitted scenario as YAML (pure), each fitted value with a comment giving its evidence.
 * Strings are written as JSON strings (valid YAML); durations in whole minutes or hours, which
 * the scenario format reads exactly. Regions and runtimes the catalog does not know are left out
 * with a comment (the simulator models the 34 commercial regions and the managed runtimes).
 */
import { isRegionName } from '../model/catalog/regions.js';
import { RUNTIME_IDS } from '../model/catalog/runtimes.js';
import { DAY_MS } from '../observe/tables.js';
import { HOUR_MS, type Fitted, type FittedScenario } from './fit.js';

const q = (s: string): string => JSON.stringify(s);
export const minutes = (ms: number): string => `${Math.max(0, Math.round(ms / 60_000))}m`;
const comment = (evidence: string): string => `  # ${evidence.replace(/[\r\n]+/g, ' ')}`;

function weightMap(indent: string, f: Fitted<readonly [string, number][]>, known: (k: string) => boolean): string[] {
  const lines = [`${indent.slice(2)}${comment(f.evidence).trimStart()}`];
  for (const [k, w] of f.value) lines.push(known(k) ? `${indent}${q(k)}: ${Math.round(w * 1000) / 1000}` : `${indent}# ${k}: ${w}  (not in the simulator's catalog, left out)`);
  return lines;
}

export interface YamlSource {
  readonly dir: string;
}

export function scenarioYaml(f: FittedScenario, source: YamlSource): string {
  const out: string[] = [];
  const push = (...lines: string[]): void => void out.push(...lines);
  const knownRuntime = (id: string): boolean => RUNTIME_IDS.includes(id);
  push(
    `# Fitted by lambda-rollout-sim calibrate from ${source.dir}.`,
    `# Time 0 is ${new Date(f.epochMs).toISOString()} (the UTC day of the first init); every time below counts from it.`,
    `# Each fitted value has its evidence in a comment; check the fit with: calibrate ${source.dir} --out FILE --check`,
    `name: ${q(`calibrated from ${source.dir.replace(/[\\/]+$/, '').replace(/^.*[\\/]/, '')}`)}`,
    'seed: 1',
    `horizon: ${Math.round(f.horizonMs / HOUR_MS)}h${comment(`to the last init, ${new Date(f.epochMs + f.horizonMs).toISOString()} at the latest`)}`,
    `sampleEvery: ${f.horizonMs >= 6 * HOUR_MS ? '6h' : '1h'}`,
    'fleet:',
    `  functions: ${f.functions.value}${comment(f.functions.evidence)}`,
    `  regions:`,
    ...weightMap('    ', f.regions, isRegionName),
    '  architectures:',
    ...weightMap('    ', f.architectures, () => true),
    '  runtimes:',
    ...weightMap('    ', f.runtimes, knownRuntime),
    '  packageTypes:',
    ...weightMap('    ', f.packageTypes, () => true),
    '  updateModes:',
    ...weightMap('    ', f.updateModes, () => true),
    `  publishedVersionShare: ${f.publishedVersionShare.value}${comment(f.publishedVersionShare.evidence)}`,
    '  deploys:',
    `    meanInterval: ${Math.max(1, Math.round(f.deployIntervalMs.value / HOUR_MS))}h${comment(f.deployIntervalMs.evidence)}`,
    `  environmentLifetime: ${Math.max(1, Math.round(f.environmentLifetimeMs.value / 60_000))}m${comment(f.environmentLifetimeMs.evidence)}`,
    'runtimes:',
  );
  for (const c of f.current.filter((c) => knownRuntime(c.runtime))) {
    push(`  ${q(c.runtime)}:`, `    current: ${q(c.label)}${comment('first version seen (the oldest in first-sighting order)')}`);
    for (const arn of c.arns) push(`    # ARN: ${arn}`);
  }
  push('releases:');
  const horizonPlusDay = f.horizonMs + DAY_MS;
  const releases = f.releases.filter((r) => knownRuntime(r.runtime));
  if (releases.length === 0) out[out.length - 1] = 'releases: []';
  for (const r of releases) {
    const seen = r.publications.filter((p) => Number.isFinite(p.atMs) && isRegionName(p.region));
    const first = seen[0];
    if (first === undefined) continue;
    push(
      `  - runtime: ${q(r.runtime)}`,
      `    version: ${q(r.label)}`,
      `    at: ${minutes(first.atMs)}${comment(`${first.region}: ${first.evidence}`)}`,
    );
    for (const arn of r.arns) push(`    # ARN: ${arn}`);
    if (r.regular !== null) {
      push(
        `    regionOrder: [${r.regular.order.filter(isRegionName).map(q).join(', ')}]${comment('regions by fitted publication time')}`,
        `    regionInterval: ${minutes(r.regular.intervalMs)}${comment('median gap between fitted publications; every gap within 25% of it or within two standard errors')}`,
      );
      for (const p of seen.slice(1)) push(`    # ${p.region} at ${minutes(p.atMs)}: ${p.evidence}`);
    } else {
      push(`    regionOrder: [${seen.map((p) => q(p.region)).join(', ')}]${comment('regions by fitted publication time; the gaps are irregular, so each has its time below')}`, '    publishedAt:');
      for (const p of r.publications.filter((p) => isRegionName(p.region))) {
        push(`      ${q(p.region)}: ${minutes(Number.isFinite(p.atMs) ? p.atMs : horizonPlusDay)}${comment(p.evidence)}`);
      }
    }
    if (r.window === null) {
      push(`    # phase 2: no evidence in the logs; the defaults apply`);
    } else {
      push(
        '    phase2:',
        `      startAfter: ${minutes(r.window.value.startAfterMs)}${comment(r.window.evidence)}`,
        `      duration: ${minutes(r.window.value.durationMs)}${comment(`${r.window.value.method} method, ${r.window.value.subjects} functions`)}`,
      );
    }
  }
  push('outputs:', '  initStartLog: { sample: 1 }  # so that a run of this scenario can be observed the same way');
  return `${out.join('\n')}\n`;
}
