/**
 * exposure.csv: exposure to bad releases (metrics.md) per replication, release, region (with
 * its publication wave, R10), architecture and update mode at exposure. Only groups with
 * exposed functions appear.
 */
import type { Scenario } from '../scenario/types.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import { EXPOSURE_FIELDS, FIELD } from '../model/exposure/exposureState.js';
import { MODE_SLOTS } from '../model/fleet/fleetState.js';
import type { ReplicationResult } from '../model/result.js';
import { HOUR_MS } from '../model/units.js';
import { csvLine } from './csv.js';
import { namesOf } from './decode.js';

export const EXPOSURE_COLUMNS = [
  'replication', 'release_version', 'runtime', 'region', 'wave', 'architecture', 'update_mode',
  'exposed_functions', 'exposure_function_hours', 'exposed_invocations', 'failed_invocations',
  'detected_functions', 'rollbacks_by_alias', 'rollbacks_by_pin', 'rollbacks_by_image',
] as const;

export function* exposureLines(scenario: Scenario, versions: VersionTable, results: readonly ReplicationResult[]): Generator<string> {
  const names = namesOf(scenario, versions);
  yield csvLine(EXPOSURE_COLUMNS);
  const width = EXPOSURE_FIELDS.length;
  for (const result of results) {
    const { totals, shape } = result.exposure;
    for (let release = 0; release < scenario.releases.length; release++) {
      const spec = scenario.releases[release]!;
      for (let region = 0; region < shape.regions; region++) {
        const regionName = names.region[region]!;
        const wave = spec.regionWaves.findIndex((w) => (w as readonly string[]).includes(regionName));
        for (let arch = 0; arch < shape.architectures; arch++) {
          for (let mode = 0; mode < MODE_SLOTS; mode++) {
            const base = ((((release * shape.regions + region) * shape.architectures + arch) * MODE_SLOTS) + mode) * width;
            if (totals[base + FIELD.exposedFunctions]! === 0) continue;
            yield csvLine([
              result.replication, spec.version, spec.runtime, regionName, wave, names.architecture[arch]!, names.mode[mode]!,
              totals[base + FIELD.exposedFunctions]!,
              totals[base + FIELD.exposureMs]! / HOUR_MS,
              totals[base + FIELD.exposedInvocations]!,
              totals[base + FIELD.failedInvocations]!,
              totals[base + FIELD.detectedFunctions]!,
              totals[base + FIELD.rollbacksByAlias]!,
              totals[base + FIELD.rollbacksByPin]!,
              totals[base + FIELD.rollbacksByImage]!,
            ]);
          }
        }
      }
    }
  }
}
