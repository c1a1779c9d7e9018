/**
 * Public API of the scenario module: YAML text or file → validated, normalised
 * `Scenario`, or every error found, each with file, line, column and key path.
 *
 * Pipeline (one pass, all errors together):
 *   1. read      size limit, binary check, YAML parse, alias-bomb guard   (readYaml.ts)
 *   2. validate  zod file schema: types, ranges, unknown keys, names       (fileSchema.ts, issues.ts)
 *   3. check     cross-field rules on the same parsed value                (semantic.ts)
 *   4. locate    key paths → line:col in the YAML source                   (positions.ts)
 *   5. normalise file units → model units, defaults, waves, R19 override   (normalize.ts)
 *   6. sweep     each swept value checked in place, every point normalised (sweep.ts)
 */
import { readFile, stat } from 'node:fs/promises';
import { checkFile } from './check.js';
import type { Finding } from './finding.js';
import { MAX_FILE_BYTES } from './limits.js';
import { msg } from './messages.js';
import { normalize } from './normalize.js';
import { formatKeyPath, ioReason } from '../common/messages.js';
import { locate } from './positions.js';
import { readYaml } from './readYaml.js';
import { readInventory, withInventory } from './inventory.js';
import { sortErrors, type ScenarioError } from './scenarioError.js';
import { expandSweep, type Sweep } from './sweep.js';
import type { Scenario } from '../model/spec.js';

export { formatScenarioError, type ScenarioError } from './scenarioError.js';
export type { Sweep, SweepParameter, SweepPoint } from './sweep.js';

/**
 * On success, `source` is the scenario's text as read (for reports that quote it), and
 * `sweep` its sweep points (null when the file has no `sweep`).
 */
export type LoadResult =
  | { ok: true; scenario: Scenario; source: string; sweep: Sweep | null }
  | { ok: false; errors: ScenarioError[] };

/** Pure: parse, validate and normalise scenario text; `fileName` is only used in messages. */
export function parseScenario(sourceText: string, fileName: string, scenarioPath: string | null = null): LoadResult {
  try {
    return parse(sourceText, fileName, scenarioPath);
  } catch (error) {
    // Input that exhausts the stack despite the nesting guard still comes back as an error;
    // anything else is a bug here and stays loud.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return failAtStart(fileName, msg.tooDeep());
    throw error;
  }
}

/** Read a scenario file (at most 1 MiB of UTF-8) and parse it; I/O problems come back as errors at 1:1. */
export async function loadScenarioFile(filePath: string): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return failAtStart(filePath, msg.cannotRead('not a regular file'));
    if (info.size > MAX_FILE_BYTES) return failAtStart(filePath, msg.fileTooLarge(info.size));
    bytes = await readFile(filePath);
  } catch (error) {
    return failAtStart(filePath, msg.cannotRead(ioReason(error)));
  }
  if (bytes.length > MAX_FILE_BYTES) return failAtStart(filePath, msg.fileTooLarge(bytes.length));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failAtStart(filePath, msg.notUtf8());
  }
  return parseScenario(text, filePath, filePath);
}

function parse(source: string, file: string, scenarioPath: string | null): LoadResult {
  const read = readYaml(source, file);
  if (!read.ok) return { ok: false, errors: sortErrors(read.errors) };

  // 1b. inventory: read the fleet file and write its mix into the raw value (inventory.ts)
  const inventory = readInventory(read.value, scenarioPath);
  const checked = inventory.findings.length > 0 ? { findings: inventory.findings, data: undefined } : checkFile(read.value);
  const findings = checked.findings;
  const toError = (f: Finding): ScenarioError => {
    const { line, col } = locate(read.doc, read.lineCounter, f.path, f.anchor);
    const error = { file, line, col, path: formatKeyPath(f.path), message: f.message };
    return f.allowed === undefined ? error : { ...error, allowed: f.allowed };
  };
  const errors = [...read.errors, ...findings.map(toError)];
  // 2b. sweep: every swept value checked in place (sweep.ts), errors at the value's own line:col
  const value = read.value as Record<string, unknown>;
  const swept = Object.hasOwn(value, 'sweep')
    ? expandSweep({
        file, doc: read.doc, lineCounter: read.lineCounter, value, baseFindings: findings,
        baseValid: checked.data !== undefined && findings.length === 0 && read.errors.length === 0,
        attach: (s) => withInventory(s, inventory),
      })
    : null;
  if (swept !== null && !swept.ok) errors.push(...swept.errors);
  if (checked.data === undefined && errors.length === 0) errors.push({ file, line: 1, col: 1, path: '', message: msg.invalid() });
  if (checked.data === undefined || errors.length > 0) return { ok: false, errors: sortErrors(errors) };

  const scenario = withInventory(normalize(checked.data, {
    where: (path) => {
      const { line, col } = locate(read.doc, read.lineCounter, path, 'value');
      return `${file}:${line}:${col}`;
    },
  }), inventory);
  return { ok: true, scenario, source, sweep: swept?.ok === true ? swept.sweep : null };
}

function failAtStart(file: string, message: string): LoadResult {
  return { ok: false, errors: [{ file, line: 1, col: 1, path: '', message }] };
}
