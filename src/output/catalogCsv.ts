/**
 * catalog.csv: every runtime version of the run, with its ARN (R4, R6) and its planned
 * publication time (R10) in each commercial region and for each architecture.
 * Current versions were published before the run (time 0).
 */
import type { Scenario } from '../model/spec.js';
import { ARCHITECTURES } from '../model/catalog/architectures.js';
import { runtimeVersionArn } from '../model/catalog/arn.js';
import { COMMERCIAL_REGIONS } from '../model/catalog/regions.js';
import { REGION_COUNT, type VersionTable } from '../model/catalog/versionTable.js';
import { DAY_MS } from '../model/units.js';
import { csvLine } from './csv.js';

export const CATALOG_COLUMNS = ['runtime', 'runtime_version', 'region', 'architecture', 'runtime_version_arn', 'published_at_days'] as const;

export function* catalogLines(scenario: Scenario, versions: VersionTable): Generator<string> {
  yield csvLine(CATALOG_COLUMNS);
  yield* catalogRows(scenario, versions, '');
}

/** The rows without the header; `prefix` starts every line (`"3,"` for sweep point 3). */
export function* catalogRows(scenario: Scenario, versions: VersionTable, prefix: string): Generator<string> {
  for (let v = 0; v < versions.count; v++) {
    const runtime = scenario.runtimes[versions.runtimeIndex[v]!]!.id;
    const label = versions.label[v]!;
    for (let g = 0; g < REGION_COUNT; g++) {
      const region = COMMERCIAL_REGIONS[g]!;
      for (const arch of ARCHITECTURES) {
        yield prefix + csvLine([
          runtime, label, region, arch,
          runtimeVersionArn(region, label, arch, scenario.catalog.arnHashPerRegion),
          versions.publishedMs[v * REGION_COUNT + g]! / DAY_MS,
        ]);
      }
    }
  }
}
