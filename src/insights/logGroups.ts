/**
 * `LogGroupNames`: each name matches exactly, or, ending in `*`, matches every log
 * group whose name starts with what comes before the `*`. Matching is case sensitive.
 */

export type LogGroupMatcher = (logGroupName: string) => boolean;

/** Whether `pattern` is a name the rule syntax accepts: `*` only as the last character. */
export function isLogGroupPattern(pattern: string): boolean {
  const star = pattern.indexOf('*');
  return star === -1 || star === pattern.length - 1;
}

export function logGroupMatcher(patterns: readonly string[]): LogGroupMatcher {
  const exact = new Set(patterns.filter((p) => !p.endsWith('*')));
  const prefixes = patterns.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
  return (name) => exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix));
}
