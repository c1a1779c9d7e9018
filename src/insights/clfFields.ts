/**
 * Common Log Format events have no field names: the message is read as a list of
 * fields split on runs of white space (spaces, TABs), numbered from 1. Lambda's
 * INIT_START line has a TAB before its second part, so field 4 is the version label
 * and field 8 the version ARN (R15, R16).
 */

export function clfFields(message: string): string[] {
  const trimmed = message.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

/** Field `position` (1-based), or undefined when the message has fewer fields. */
export function clfField(fields: readonly string[], position: number): string | undefined {
  return fields[position - 1];
}
