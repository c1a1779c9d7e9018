/**
 * The benchmark's scenario, written as a scenario file and loaded through the same parser and
 * validator users go through: a fleet over all 34 commercial regions, 2 architectures and 4
 * runtimes, each runtime with a release every 14 days, 10% container images and the default
 * scenario's mode mix (Auto 0.85, FunctionUpdate 0.12, Manual 0.03).
 */
import { COMMERCIAL_REGIONS } from '../model/catalog/regions.js';
import { parseScenario } from '../scenario/load.js';
import type { Scenario } from '../model/spec.js';

export interface BenchScenarioOptions {
  readonly functions: number;
  readonly horizonDays: number;
  /** Days over which releases are published (releases stop after this); 0: no release at all. */
  readonly releaseDays: number;
  readonly sampleEveryDays?: number;
}

export function benchScenarioText(o: BenchScenarioOptions): string {
  const regions = COMMERCIAL_REGIONS.map((r) => `${r}: 1`).join(', ');
  const runtimes: [string, string][] = [
    ['python3.12', 'python:3.12.v30'], ['nodejs22.x', 'nodejs:22.v40'], ['java21', 'java:21.v20'], ['provided.al2023', 'provided:al2023.v90'],
  ];
  const count = Math.max(1, Math.ceil(o.releaseDays / 14));
  return [
    'name: benchmark fleet',
    'seed: 1',
    `horizon: ${o.horizonDays}d`,
    `sampleEvery: ${o.sampleEveryDays ?? 7}d`,
    'fleet:',
    `  functions: ${o.functions}`,
    `  regions: { ${regions} }`,
    '  architectures: { x86_64: 0.6, arm64: 0.4 }',
    `  runtimes: { ${runtimes.map(([id]) => `${id}: 1`).join(', ')} }`,
    '  packageTypes: { Zip: 0.9, Image: 0.1 }',
    '  updateModes: { Auto: 0.85, FunctionUpdate: 0.12, Manual: 0.03 }',
    '  publishedVersionShare: 0.3',
    '  deploys: { meanInterval: 14d, inactiveShare: 0.3 }',
    'runtimes:',
    ...runtimes.map(([id, current]) => `  ${id}: { current: ${current} }`),
    ...(o.releaseDays <= 0 ? ['releases: []'] : ['releases:']),
    ...(o.releaseDays <= 0 ? [] : runtimes).map(([id, current], i) => {
      const first = current.replace(/(\d+)$/, (n) => String(Number(n) + 1));
      return `  - { runtime: ${id}, version: ${first}, at: ${1 + 3 * i}d, regionInterval: 6h, repeat: { every: 14d, count: ${count} } }`;
    }),
    '',
  ].join('\n');
}

export function benchScenario(o: BenchScenarioOptions): Scenario {
  const loaded = parseScenario(benchScenarioText(o), 'benchmark.yaml');
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return loaded.scenario;
}
