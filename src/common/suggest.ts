/** "Did you mean …?" for unknown keys and names. */

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (`arm46` → `arm64` is 1). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

/** Longer inputs are not compared (cost grows with the product of lengths). */
const MAX_COMPARED_CHARS = 100;

/**
 * The closest candidate, compared case-insensitively, if it is close enough:
 * distance ≤ 2, or ≤ a third of the input's length for long names. Ties go to the
 * candidate listed first. Undefined when nothing is close or the input is itself a candidate.
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (input.length === 0 || input.length > MAX_COMPARED_CHARS || candidates.includes(input)) return undefined;
  const limit = Math.max(2, Math.floor(input.length / 3));
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // `bestDistance < input.length`: keep at least one character, so `x` never "means" `s`.
  return bestDistance <= limit && bestDistance < input.length ? best : undefined;
}
