/**
 * A release's publication waves (R10), completed to cover every commercial region
 * exactly once: the file's waves as listed (regions outside the fleet included, since
 * they still take a wave slot), then every region not listed, grouped by its
 * default wave in DEFAULT_REGION_WAVES order, empty waves dropped.
 */
import { DEFAULT_REGION_WAVES, type RegionName } from '../model/catalog/regions.js';

export type RegionOrderItem = RegionName | readonly RegionName[];

export function completeRegionWaves(order: readonly RegionOrderItem[] | undefined): RegionName[][] {
  const listed: RegionName[][] = (order ?? []).map((item) => (typeof item === 'string' ? [item] : [...item]));
  const seen = new Set<RegionName>(listed.flat());
  const rest = DEFAULT_REGION_WAVES.map((wave) => wave.filter((region) => !seen.has(region))).filter((wave) => wave.length > 0);
  return [...listed, ...rest];
}
