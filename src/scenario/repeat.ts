/**
 * Release series (`repeat`): one file entry standing for releases `every` apart, labelled by
 * raising the final number of the first label (python:3.12.v15 → v16 → …). Labels are
 * otherwise never parsed (domain.md: no label grammar is assumed).
 */
const NUMBERED = /^(.*?)(\d+)$/;

export function isNumberedLabel(label: string): boolean {
  return NUMBERED.test(label);
}

/** The label of the k-th release of a series (k = 0 is the first). */
export function seriesLabel(first: string, k: number): string {
  const m = NUMBERED.exec(first);
  if (m === null) throw new Error(`label ${first} does not end in a number`);
  const digits = m[2]!;
  return `${m[1]}${(BigInt(digits) + BigInt(k)).toString().padStart(digits.length, '0')}`;
}

/** How many releases a series has: `count`, or as many as start before the horizon. */
export function seriesLength(atMs: number, everyMs: number, horizonMs: number, count: number | undefined): number {
  const beforeHorizon = Math.max(1, Math.ceil((horizonMs - atMs) / everyMs));
  return count === undefined ? beforeHorizon : Math.min(count, beforeHorizon);
}
