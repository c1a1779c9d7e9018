/** Key paths into a scenario file, as users read them: `fleet.regions.us-east-1`, `releases[0].phase2.duration`. */

export type PathSegment = string | number;
export type KeyPath = readonly PathSegment[];

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/** zod paths may hold symbols in theory; scenario paths never do. */
export function toKeyPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}
