/**
 * Shared by the hostile-input tests: the scenario files to mutate, tiny variants of them that
 * run in milliseconds, and the checks an outcome must pass (loaded, or refused with
 * `file:line:col` on every error).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { formatScenarioError, type LoadResult } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/model/spec.js';

export const SCENARIO_DIR = 'scenarios';

export interface Source {
  readonly name: string;
  readonly text: string;
}

/** The files in scenarios/, as written, plus a tiny variant of each (≤ 100 functions, 1 replication). */
export function scenarioSources(): Source[] {
  const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).sort();
  const originals = files.map((name) => ({ name, text: readFileSync(join(SCENARIO_DIR, name), 'utf8') }));
  return [...originals, ...originals.map((s) => ({ name: `tiny-${s.name}`, text: tinySource(s.text) }))];
}

/** The same scenario at a size that runs in milliseconds (comments and layout change). */
export function tinySource(text: string): string {
  const doc = parseDocument(text);
  const functions = doc.getIn(['fleet', 'functions']);
  if (typeof functions === 'number') doc.setIn(['fleet', 'functions'], Math.min(functions, 100));
  doc.setIn(['replications'], 1);
  if (doc.hasIn(['fleet', 'createdPerDay'])) doc.setIn(['fleet', 'createdPerDay'], 1);
  if (doc.hasIn(['outputs', 'initStartLog'])) doc.setIn(['outputs', 'initStartLog', 'sample'], 0.0001);
  return String(doc);
}

const DAY = 86_400_000;

/** A loaded scenario cut down so that one replication runs fast whatever the file asked for. */
export function capScenario(s: Scenario): Scenario {
  const horizonMs = Math.min(s.horizonMs, 60 * DAY);
  return {
    ...s,
    horizonMs,
    sampleEveryMs: Math.max(s.sampleEveryMs, Math.ceil(horizonMs / 500)),
    replications: 1,
    fleet: { ...s.fleet, functions: Math.min(s.fleet.functions, 100), createdPerDay: Math.min(s.fleet.createdPerDay, 20) },
    releases: s.releases.slice(0, 100),
    owners: { ...s.owners, migrations: { ...s.owners.migrations, perFunctionPerDay: Math.min(s.owners.migrations.perFunctionPerDay, 1) } },
  };
}

/** `file:line:col` and a space at the start of every error line. */
export const ERROR_LINE = /^(.+?):(\d+):(\d+) /;

/** Problems with an outcome: a refusal must point at a real place in the file, with a message. */
export function outcomeProblems(result: LoadResult, text: string, file: string): string[] {
  if (result.ok) return result.scenario.name.trim() === '' ? ['loaded with an empty name'] : [];
  const problems: string[] = [];
  if (result.errors.length === 0) problems.push('refused without any error');
  const lineCount = text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).length;
  for (const e of result.errors) {
    const line = formatScenarioError(e);
    const m = ERROR_LINE.exec(line);
    if (m === null || m[1] !== file) problems.push(`no file:line:col: ${JSON.stringify(line.slice(0, 200))}`);
    // One line, and nothing that drives a terminal (a key like "\e[2J" must not clear the screen).
    if (/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(line)) problems.push(`control character in ${JSON.stringify(line.slice(0, 200))}`);
    if (!(Number.isInteger(e.line) && e.line >= 1 && Number.isInteger(e.col) && e.col >= 1)) problems.push(`bad position ${e.line}:${e.col}`);
    if (e.line > lineCount + 1) problems.push(`line ${e.line} beyond the file's ${lineCount} lines: ${line.slice(0, 200)}`);
    if (e.message.trim() === '') problems.push(`empty message at ${e.line}:${e.col}`);
    if (/\bundefined\b|\[object Object\]/.test(e.message + (e.allowed ?? ''))) problems.push(`garbled message: ${line.slice(0, 300)}`);
  }
  return problems;
}
