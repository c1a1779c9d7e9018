/**
 * Every text the scenario loader shows a user, in one catalogue: error messages
 * (`msg`), "allowed" hints (`allowed`) and warnings (`warn`). Other files build
 * findings from these functions and never spell a message themselves, so wording
 * stays consistent and is reviewed in one place.
 */
import { clip, code, didYouMean as didYouMeanText } from '../common/messages.js';
import { MAX_FILE_BYTES } from './limits.js';

/** A value as the user wrote it, short enough for one line. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '`.nan`';
    if (value === Infinity) return '`.inf`';
    if (value === -Infinity) return '`-.inf`';
    return `\`${value}\``;
  }
  if (typeof value === 'string') return code(clip(value));
  if (typeof value === 'boolean') return `\`${value}\``;
  if (Array.isArray(value)) return 'a list';
  if (ArrayBuffer.isView(value)) return 'binary data';
  if (typeof value === 'object') return 'a map';
  return `\`${String(value)}\``;
}

const didYouMean = (suggestion: string | undefined): string => {
  const text = didYouMeanText(suggestion, code);
  return text === undefined ? '' : `; ${text}`;
};

const list = (names: readonly string[]): string => names.join(', ');

/** Nouns for what zod calls `expected`. */
const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  object: 'a map of keys',
  record: 'a map',
  array: 'a list',
};

export const msg = {
  // --- reading the file ---
  cannotRead: (reason: string) => `cannot read the scenario file: ${reason}`,
  fileTooLarge: (bytes: number) =>
    `the file is ${bytes} bytes; scenario files are limited to ${MAX_FILE_BYTES} bytes (1 MiB)`,
  notUtf8: () => 'the file is not UTF-8 text (is it a binary file?)',
  controlCharacter: (codePoint: number) =>
    `the file contains the control character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}, which YAML does not allow (is it a binary file?)`,
  tooDeep: (kind?: 'flow' | 'block', limit?: number) =>
    kind === 'flow'
      ? `more than ${limit} \`[\` or \`{\` are open here; the file nests too deeply to read`
      : kind === 'block'
        ? `the indentation here is wider than ${limit} columns; the file nests too deeply to read`
        : 'the file nests lists or maps too deeply to read',
  emptyFile: () => 'the file is empty; a scenario needs at least `name`, `horizon` and `fleet`',
  rootNotMap: (value: unknown) => `a scenario file must be a YAML map of keys (name: …, horizon: …), not ${show(value)}`,

  // --- YAML ---
  yaml: (text: string) => `YAML: ${text}`,
  multipleDocuments: () => 'a scenario file holds one YAML document; remove the `---` separator and what follows',
  duplicateKey: (key: string) => `duplicate key \`${key}\`: a key may appear only once in a map`,
  unknownAlias: (name: string) => `alias \`*${name}\` has no anchor \`&${name}\` before it`,
  complexKey: () => 'map keys must be plain names, not lists or maps',
  aliasBomb: (max: number) =>
    `the file expands YAML aliases (*name) more than ${max} times; refused as a possible alias bomb`,

  // --- shape ---
  unknownKey: (key: string, suggestion: string | undefined) => `unknown key \`${key}\`${didYouMean(suggestion)}`,
  unknownName: (noun: string, name: unknown, suggestion: string | undefined) =>
    typeof name === 'string' ? `unknown ${noun} ${show(name)}${didYouMean(suggestion)}` : `expected a ${noun}, got ${show(name)}`,
  missingKey: (key: string) => `required key \`${key}\` is missing`,
  wrongType: (expected: string, value: unknown) => {
    const noun = EXPECTED[expected] ?? expected;
    const quoteHint = expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
      ? '; put it in quotes to make it text'
      : '';
    return `expected ${noun}, got ${show(value)}${quoteHint}`;
  },
  notFinite: (value: number) => `must be a finite number, got ${show(value)}`,
  notWhole: (value: unknown) => `must be a whole number, got ${show(value)}`,
  atLeast: (min: number | bigint) => `must be at least ${fmt(min)}`,
  greaterThan: (min: number | bigint) => `must be greater than ${fmt(min)}`,
  atMost: (max: number | bigint) => `must be at most ${fmt(max)}`,
  lessThan: (max: number | bigint) => `must be less than ${fmt(max)}`,
  textEmpty: () => 'must not be empty',
  textTooLong: (max: number | bigint) => `must be at most ${fmt(max)} characters long`,
  listEmpty: () => 'must not be an empty list; leave the key out instead',
  blank: () => 'must not be blank',
  labelSpaces: (value: unknown) =>
    `${show(value)} contains white space; a version label is one word (INIT_START log lines split on spaces, R16)`,
  invalid: () => 'invalid value',

  // --- durations ---
  durationBareNumber: (value: number) =>
    `${show(value)} has no unit; add one, e.g. \`${Number.isFinite(value) ? Math.abs(value) : 1}d\` or \`${Number.isFinite(value) ? Math.abs(value) : 1}h\``,
  durationSyntax: (value: unknown) => `${show(value)} is not a duration`,
  durationNegative: (value: string) => `${show(value)} is negative; durations cannot be negative`,
  durationFraction: (value: string) => `${show(value)} is not a whole number of milliseconds`,
  durationTooLarge: (value: string) => `${show(value)} is too long to count in milliseconds`,
  durationZero: (value: string) => `${show(value)} is zero, which is meaningless here`,
  durationTooLong: (value: string, max: string) => `${show(value)} is longer than the maximum, ${max}`,

  // --- weights and lists ---
  weightsSumZero: (noun: string) => `the weights sum to 0; give at least one ${noun} a positive weight`,
  weightsTooLarge: () => 'the weights are too large to add up; scale them down',
  regionTwice: (region: string, first: string) =>
    `region \`${region}\` appears twice in regionOrder (first at ${first}); each region is published once`,

  // --- cross-field ---
  sampleEveryOverHorizon: (sampleEvery: string, horizon: string) =>
    `sampleEvery (${sampleEvery}) must not be longer than horizon (${horizon})`,
  defaultSampleEveryOverHorizon: (sampleEvery: string, horizon: string) =>
    `horizon (${horizon}) is shorter than the default sampleEvery (${sampleEvery}); set sampleEvery`,
  runtimeNotInFleet: (id: string, suggestion: string | undefined) =>
    `runtime \`${id}\` is not in fleet.runtimes${didYouMean(suggestion)}`,
  duplicateVersion: (label: string, runtime: string, first: string) =>
    `version \`${label}\` of ${runtime} is already released by ${first}; labels are unique per runtime`,
  versionIsCurrent: (label: string, runtime: string) =>
    `version \`${label}\` is the current version of ${runtime} (runtimes.${runtime}.current); a release must bring a new label`,
  publishedAtRegionNotInFleet: (region: string, suggestion: string | undefined) =>
    `region \`${region}\` is not in fleet.regions, so nothing there sees this publication${didYouMean(suggestion)}`,
  atNotBeforeHorizon: (at: string, horizon: string) =>
    `at (${at}) must be before the horizon (${horizon}), or the release never happens`,
  fixesUnknown: (label: string, runtime: string, suggestion: string | undefined) =>
    `fixes names \`${label}\`, which is not a release of ${runtime}${didYouMean(suggestion)}`,
  fixesSelf: () => 'a release cannot fix itself',
  repeatNeedsNumberedLabel: (label: string) =>
    `version \`${label}\` does not end in a number, so a repeated release cannot number its versions; write it like python:3.12.v15`,
  repeatWithFixes: () => 'a repeated release cannot carry `fixes`, which names one earlier release; list the fixing release on its own',
  fixesLater: (label: string, where: string) =>
    `fixes must name an earlier release, but \`${label}\` (${where}) comes later`,
  tooManyReleases: (total: number, max: number) =>
    `the releases stand for ${fmt(total)} versions (repeat series expanded); at most ${fmt(max)} are allowed: raise repeat.every or give repeat.count`,

  // --- sweep ---
  sweepPathSyntax: (path: string, detail: string) => `sweep path \`${path}\` is not a key path: ${detail}`,
  sweepPathUnknown: (path: string, problem: string) => `sweep path \`${path}\`: ${problem}`,
  sweepPathNotList: (at: string) => `\`${at}\` is not a list, so it takes no [index]`,
  sweepPathNeedsIndex: (at: string) => `\`${at}\` is a list; continue with an index, e.g. \`${at}[0]\``,
  sweepPathBeyondValue: (at: string) => `\`${at}\` is a single value and has no keys below it`,
  sweepNotSweepable: (key: string) =>
    `\`${key}\` cannot be swept: it applies to the whole batch (use --seed, --replications or the file's own value)`,
  sweepPathTwice: (path: string, other: string) => `sweeps the same key as \`${other}\` (\`${path}\`); list each key once`,
  sweepPathOverlap: (path: string, other: string) =>
    `\`${path}\` lies inside \`${other}\`, which is swept too; sweep one or the other`,
  sweepIndexMissing: (at: string, length: number) =>
    `\`${at}\` does not exist in the file (the list has ${length} item${length === 1 ? '' : 's'})`,
  sweepTooManyPoints: (points: number, max: number) =>
    `the sweep expands to ${fmt(points)} points; at most ${fmt(max)} are allowed`,
  sweepCrossField: (path: string, value: unknown, message: string) => `with ${path} = ${show(value)}: ${message}`,
  sweepPoint: (point: number, parameters: string, message: string) => `sweep point ${point} (${parameters}): ${message}`,
} as const;

export const allowed = {
  duration: (zero: 'allowed' | 'refused', max?: string) =>
    `a duration ${zero === 'refused' ? 'greater than 0' : '≥ 0'}${max === undefined ? '' : ` and at most ${max}`}, like 30m, 6h, 14d, 2w (units ms, s, m, h, d, w)`,
  share: () => 'a number from 0 to 1',
  positiveShare: () => 'a number greater than 0 and at most 1',
  nonNegative: () => 'a number ≥ 0',
  positive: () => 'a number greater than 0',
  positiveAtMost: (max: number) => `a number greater than 0 and at most ${fmt(max)}`,
  nonNegativeAtMost: (max: number) => `a number from 0 to ${fmt(max)}`,
  count: (min: number, max: number) => `a whole number from ${fmt(min)} to ${fmt(max)}`,
  weight: () => 'a number ≥ 0 (weights are normalised to sum 1)',
  weightMap: (noun: string) => `a map of ${noun} → weight ≥ 0, with at least one positive weight`,
  names: (names: readonly string[]) => list(names),
  keys: (keys: readonly string[]) => list(keys),
  map: (keys: readonly string[]) => `a map with keys ${list(keys)}`,
  text: (max: number) => `text of 1 to ${max} characters`,
  label: (max: number) => `a version label without spaces, up to ${max} characters, e.g. python:3.12.v15`,
  boolean: () => 'true or false',
  regionOrder: () => 'a list whose items are a region or a list of regions published together',
  regionWave: () => 'a region, or a list of regions published together',
  fleetRuntimes: (ids: readonly string[]) => list(ids),
  earlierReleases: (labels: readonly string[]) => list(labels),
  sweepPath: () => 'a key path as errors print it, e.g. releases[0].phase2.duration or fleet.updateModes.Auto; quote a key as ["python3.12"]',
} as const;

export const warn = {
  /** R19: an organisation that denies PutRuntimeManagementConfig keeps every function in Auto. */
  policyForcesAuto: (where: string) =>
    `${where} fleet.updateModes ignored: policy.denyRuntimeManagementConfig keeps every function in Auto (R19), so updateModes is { Auto: 1 }`,
} as const;

/**
 * A number as `toLocaleString('en-US')` writes it from 10,000 up (thousands separated by commas),
 * smaller ones plain. Whole numbers are grouped here: the first `toLocaleString` of a process
 * loads ICU's number formatting (≈ 15 ms), and the schema's "allowed" texts call this at load
 * time, which `validate` paid every run (docs/performance.md, start-up). Other values (fractions,
 * infinities, unsafe integers) still go through `toLocaleString`, so the text is the same.
 */
function fmt(n: number | bigint): string {
  if (typeof n === 'number' && Math.abs(n) < 10_000) return String(n);
  if (typeof n === 'bigint' || Number.isSafeInteger(n)) return groupThousands(String(n));
  return n.toLocaleString('en-US');
}

/** `-1234567` → `-1,234,567`: the digits of an integer's decimal text grouped by three. */
function groupThousands(integer: string): string {
  const sign = integer.startsWith('-') ? '-' : '';
  const digits = sign === '' ? integer : integer.slice(1);
  let text = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = text.length; i < digits.length; i += 3) text += `,${digits.slice(i, i + 3)}`;
  return sign + text;
}
