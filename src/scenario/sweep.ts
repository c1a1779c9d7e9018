/**
 * `sweep`: key paths mapped to lists of values. The batch runs the Cartesian product of
 * the lists (the first key outermost, so point indices go row by row), each point being
 * the file with that point's values put in. Every value is checked like the rest of the
 * file, by putting it into the parsed file and running the same validation; its errors
 * point at the value's own line and column in the `sweep` list.
 *
 *   1. paths     each key parsed against the schema (sweepPath.ts); no key twice or nested
 *   2. values    each value alone in the file: its errors at the value, cross-field ones
 *                ("with horizon = 1d: releases[0].at: …") at the value too
 *   3. points    every combination checked (errors only two values make together are
 *                reported at `sweep`) and normalised to a Scenario
 */
import type { Document, LineCounter } from 'yaml';
import { checkFile, findingKey } from './check.js';
import type { ScenarioFile } from './fileSchema.js';
import { scenarioFileSchema } from './fileSchema.js';
import type { Finding } from './finding.js';
import { MAX_SWEEP_POINTS } from './limits.js';
import { msg, show } from './messages.js';
import { normalize } from './normalize.js';
import { formatKeyPath } from '../common/messages.js';
import type { PathSegment } from './path.js';
import { locate } from './positions.js';
import type { ScenarioError } from './scenarioError.js';
import { parseSweepPath } from './sweepPath.js';
import type { Scenario } from '../model/spec.js';

export interface SweepParameter {
  /** The key as written in the file; names the column of sweep.csv and the entry in summary.json. */
  readonly key: string;
  readonly path: readonly PathSegment[];
  /** The values as written in the file. */
  readonly values: readonly unknown[];
}

export interface SweepPoint {
  /** 0-based, row-major over the parameters (the first parameter changes slowest). */
  readonly index: number;
  /** One value per parameter, in parameter order. */
  readonly values: readonly unknown[];
  readonly scenario: Scenario;
}

export interface Sweep {
  readonly parameters: readonly SweepParameter[];
  readonly points: readonly SweepPoint[];
}

export interface SweepInput {
  readonly file: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** The parsed file as written. */
  readonly value: Record<string, unknown>;
  /** Findings of the file as written: not repeated for every value. */
  readonly baseFindings: readonly Finding[];
  /** Whether the file as written passed; points are only built from a valid file. */
  readonly baseValid: boolean;
  /** Applied to every normalised point (the inventory, inventory.ts); default: none. */
  readonly attach?: (scenario: Scenario) => Scenario;
}

export type SweepResult = { readonly ok: true; readonly sweep: Sweep } | { readonly ok: false; readonly errors: ScenarioError[] };

/** Most errors reported for combinations of values (the rest would repeat them). */
const MAX_POINT_ERRORS = 10;

export function expandSweep(input: SweepInput): SweepResult {
  const { file, doc, lineCounter, value } = input;
  const raw = value['sweep'];
  const entries = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? Object.entries(raw as Record<string, unknown>) : [];
  const errors: ScenarioError[] = [];
  const at = (nodePath: readonly PathSegment[], anchor: Finding['anchor'], path: string, message: string, allowed?: string): void => {
    const { line, col } = locate(doc, lineCounter, nodePath, anchor);
    errors.push(allowed === undefined ? { file, line, col, path, message } : { file, line, col, path, message, allowed });
  };

  // 1. paths
  const parameters: SweepParameter[] = [];
  for (const [key, values] of entries) {
    if (!Array.isArray(values) || values.length === 0) continue; // the schema reports it
    const parsed = parseSweepPath(key, scenarioFileSchema);
    if (!parsed.ok) {
      at(['sweep', key], 'key', `sweep.${key}`, parsed.message, parsed.allowed);
      continue;
    }
    const clash = parameters.find((p) => isPrefix(p.path, parsed.path) || isPrefix(parsed.path, p.path));
    if (clash !== undefined) {
      const same = clash.path.length === parsed.path.length;
      const [inner, outer] = clash.path.length > parsed.path.length ? [clash.key, key] : [key, clash.key];
      at(['sweep', key], 'key', `sweep.${key}`, same ? msg.sweepPathTwice(key, clash.key) : msg.sweepPathOverlap(inner, outer));
      continue;
    }
    parameters.push({ key, path: parsed.path, values });
  }
  const total = parameters.reduce((n, p) => n * p.values.length, 1);
  if (total > MAX_SWEEP_POINTS) at(['sweep'], 'key', 'sweep', msg.sweepTooManyPoints(total, MAX_SWEEP_POINTS));
  if (errors.length > 0) return { ok: false, errors };

  // 2. values, one at a time
  const known = new Set(input.baseFindings.map(findingKey));
  parameters.forEach((parameter) => {
    parameter.values.forEach((v, i) => {
      const placed = putAt(value, parameter.path, v);
      const valueNode: PathSegment[] = ['sweep', parameter.key, i];
      if (!placed.ok) {
        at(valueNode, 'value', formatKeyPath(parameter.path), placed.message);
        return;
      }
      for (const f of checkFile(placed.value).findings) {
        if (known.has(findingKey(f))) continue;
        if (isPrefix(parameter.path, f.path)) {
          at([...valueNode, ...f.path.slice(parameter.path.length)], f.anchor, formatKeyPath(f.path), f.message, f.allowed);
        } else {
          at(valueNode, 'value', formatKeyPath(f.path), msg.sweepCrossField(parameter.key, v, f.message), f.allowed);
        }
      }
    });
  });
  if (errors.length > 0 || !input.baseValid) return { ok: false, errors };

  // 3. points
  const points: SweepPoint[] = [];
  let pointErrors = 0;
  for (let index = 0; index < total; index++) {
    const values = valuesOf(parameters, index);
    let current: unknown = value;
    for (let k = 0; k < parameters.length; k++) {
      const placed = putAt(current, parameters[k]!.path, values[k]);
      if (!placed.ok) throw new Error(`sweep: ${placed.message} after the values were checked`);
      current = placed.value;
    }
    const checked = checkFile(current);
    const fresh = checked.findings.filter((f) => !known.has(findingKey(f)));
    if (checked.data === undefined || fresh.length > 0) {
      const described = parameters.map((p, k) => `${p.key} = ${show(values[k])}`).join(', ');
      const problems = fresh.length > 0 ? fresh.map((f) => `${formatKeyPath(f.path)}: ${f.message}`) : [msg.invalid()];
      for (const problem of problems) {
        if (pointErrors++ < MAX_POINT_ERRORS) at(['sweep'], 'key', 'sweep', msg.sweepPoint(index, described, problem));
      }
      continue;
    }
    points.push({ index, values, scenario: normalizePoint(checked.data, input) });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, sweep: { parameters, points } };
}

function normalizePoint(data: ScenarioFile, input: SweepInput): Scenario {
  const scenario = normalize(data, {
    where: (path) => {
      const { line, col } = locate(input.doc, input.lineCounter, path, 'value');
      return `${input.file}:${line}:${col}`;
    },
  });
  return input.attach === undefined ? scenario : input.attach(scenario);
}

/** The values of point `index`: row-major, the last parameter changing fastest. */
export function valuesOf(parameters: readonly SweepParameter[], index: number): unknown[] {
  const values = new Array<unknown>(parameters.length);
  let rest = index;
  for (let k = parameters.length - 1; k >= 0; k--) {
    const n = parameters[k]!.values.length;
    values[k] = parameters[k]!.values[rest % n];
    rest = Math.floor(rest / n);
  }
  return values;
}

function isPrefix(prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}

type Placed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/**
 * A copy of `root` with `value` at `path`. Missing maps on the way are created (a key the
 * file leaves to its default); a list index must exist in the file.
 */
export function putAt(root: unknown, path: readonly PathSegment[], value: unknown): Placed {
  const copy = structuredClone(root) as Record<PathSegment, unknown>;
  let container: Record<PathSegment, unknown> = copy;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (typeof segment === 'number') {
      if (!Array.isArray(container) || segment >= container.length) {
        return { ok: false, message: msg.sweepIndexMissing(formatKeyPath(path.slice(0, i + 1)), Array.isArray(container) ? container.length : 0) };
      }
    } else if (!last && !Object.hasOwn(container, segment)) {
      container[segment] = {};
    }
    if (last) {
      container[segment] = structuredClone(value);
    } else {
      const next = container[segment];
      if (typeof next !== 'object' || next === null) {
        // The file holds a value of the wrong shape here; the schema reports it.
        return { ok: false, message: msg.sweepPathBeyondValue(formatKeyPath(path.slice(0, i + 1))) };
      }
      container = next as Record<PathSegment, unknown>;
    }
  }
  return { ok: true, value: copy };
}
