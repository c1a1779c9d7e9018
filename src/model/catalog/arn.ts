import { createHash } from 'node:crypto';

/**
 * Runtime version ARN (R4, R6): `arn:aws:lambda:<region>::runtime:<64 hex>`; the account
 * field is empty. The 64-hex part is derived deterministically from the version label and
 * the architecture (public trackers saw one hash per version and architecture across
 * regions, always different between architectures; domain.md), optionally also the region.
 * So the same version always has the same ARN.
 */
export function runtimeVersionArn(region: string, label: string, architecture: string, hashPerRegion: boolean): string {
  const material = hashPerRegion ? `${label}\n${architecture}\n${region}` : `${label}\n${architecture}`;
  const hex = createHash('sha256').update(material).digest('hex');
  return `arn:aws:lambda:${region}::runtime:${hex}`;
}

/** The pattern every runtime version ARN matches (R4). */
export const RUNTIME_VERSION_ARN_PATTERN = /^arn:aws:lambda:[a-z]{2}(-[a-z]+)+-\d::runtime:[0-9a-f]{64}$/;
