/**
 * The 34 commercial AWS regions, all of which run Lambda (domain.md, "Regions";
 * source: botocore endpoints.json). Order here is alphabetical within each
 * geography and is used only for stable indexing, never as a rollout order.
 */
export const COMMERCIAL_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1',
  'ap-east-1', 'ap-east-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
  'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2',
  'eu-west-1', 'eu-west-2', 'eu-west-3',
  'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1',
] as const;

export type RegionName = (typeof COMMERCIAL_REGIONS)[number];

/**
 * Default publication order when a release gives no `regionOrder` (R10).
 * No public source gives Lambda's real order (domain.md). This default follows the
 * AWS Builders' Library wave pattern: a single low-traffic region first, then waves
 * of growing size, the largest regions last. Each inner list is one wave; waves are
 * published `regionInterval` apart.
 */
export const DEFAULT_REGION_WAVES: readonly (readonly RegionName[])[] = [
  ['ca-west-1'],
  ['af-south-1'],
  ['ap-southeast-4', 'il-central-1', 'mx-central-1'],
  ['ap-east-2', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'eu-central-2', 'eu-south-2'],
  ['ap-east-1', 'ap-south-2', 'ap-southeast-3', 'ap-northeast-3', 'eu-south-1', 'me-central-1', 'me-south-1', 'sa-east-1'],
  ['ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'eu-north-1', 'eu-west-2', 'eu-west-3', 'us-west-1'],
  ['ap-northeast-1', 'eu-central-1', 'eu-west-1', 'us-east-2', 'us-west-2'],
  ['us-east-1'],
];

export function isRegionName(name: string): name is RegionName {
  return (COMMERCIAL_REGIONS as readonly string[]).includes(name);
}
