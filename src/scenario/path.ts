/** Key paths into a scenario file (shown with common/messages.ts's `formatKeyPath`: `fleet.regions.us-east-1`, `releases[0].phase2.duration`). */

export type PathSegment = string | number;
export type KeyPath = readonly PathSegment[];

/** zod paths may hold symbols in theory; scenario paths never do. */
export function toKeyPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}
