/**
 * Source text → YAML document and plain JS value, or errors with positions.
 *
 * Refused before parsing: files over 1 MiB, text with control characters
 * (binary files) and absurd nesting (nesting.ts). YAML errors stop here, except duplicate keys and warnings (e.g.
 * an unknown tag), which are reported while validation goes on, so a file's
 * mistakes are all listed in one pass. Alias bombs are refused when the value is
 * built (the `yaml` package's `maxAliasCount`).
 */
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { MAX_ALIAS_COUNT, MAX_BLOCK_INDENT, MAX_FILE_BYTES, MAX_FLOW_NESTING } from './limits.js';
import { msg } from './messages.js';
import { findExcessiveNesting } from './nesting.js';
import { formatKeyPath } from '../common/messages.js';
import { complexKeyOffsets, pathOfKeyAt, positionInText, positionOfOffset, START, unresolvedAliases } from './positions.js';
import type { ScenarioError } from './scenarioError.js';

export type YamlRead =
  | { readonly ok: true; readonly doc: Document; readonly lineCounter: LineCounter; readonly value: unknown; readonly errors: ScenarioError[] }
  | { readonly ok: false; readonly errors: ScenarioError[] };

/** C0 controls other than TAB, LF, CR; DEL; C1 controls other than NEL; non-characters (YAML 1.2 §5.1). */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

export function readYaml(text: string, file: string): YamlRead {
  // A byte-order mark is not content; without it, columns on line 1 match what editors show.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const at = (line: number, col: number, message: string, path = ''): ScenarioError => ({ file, line, col, path, message });

  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > MAX_FILE_BYTES) return { ok: false, errors: [at(1, 1, msg.fileTooLarge(bytes))] };

  const forbidden = FORBIDDEN_CHARACTER.exec(source);
  if (forbidden !== null) {
    const { line, col } = positionInText(source, forbidden.index);
    return { ok: false, errors: [at(line, col, msg.controlCharacter(forbidden[0].codePointAt(0) ?? 0))] };
  }

  const nesting = findExcessiveNesting(source);
  if (nesting !== undefined) {
    const { line, col } = positionInText(source, nesting.offset);
    const limit = nesting.kind === 'flow' ? MAX_FLOW_NESTING : MAX_BLOCK_INDENT;
    return { ok: false, errors: [at(line, col, msg.tooDeep(nesting.kind, limit))] };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: ScenarioError[] = [];
  let fatal = false;
  const report = (problem: YAMLError): void => {
    const { line, col } = positionOfOffset(lineCounter, problem.pos[0]);
    if (problem.code === 'DUPLICATE_KEY') {
      const path = pathOfKeyAt(doc, problem.pos[0]);
      const key = path?.[path.length - 1] ?? source.slice(problem.pos[0], problem.pos[1]);
      errors.push(at(line, col, msg.duplicateKey(String(key)), path === undefined ? '' : formatKeyPath(path)));
    } else if (problem.code === 'MULTIPLE_DOCS') {
      errors.push(at(line, col, msg.multipleDocuments()));
    } else {
      errors.push(at(line, col, msg.yaml(firstLine(problem.message))));
    }
  };
  for (const error of doc.errors) {
    report(error);
    fatal ||= error.code !== 'DUPLICATE_KEY';
  }
  doc.warnings.forEach(report);
  for (const offset of complexKeyOffsets(doc)) {
    const { line, col } = positionOfOffset(lineCounter, offset);
    errors.push(at(line, col, msg.complexKey()));
    fatal = true;
  }
  for (const { offset, name } of unresolvedAliases(doc)) {
    const { line, col } = positionOfOffset(lineCounter, offset);
    errors.push(at(line, col, msg.unknownAlias(name)));
    fatal = true;
  }
  if (fatal) return { ok: false, errors };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /resource exhaustion|excessive alias/i.test(error.message)) {
      return { ok: false, errors: [...errors, at(START.line, START.col, msg.aliasBomb(MAX_ALIAS_COUNT))] };
    }
    throw error;
  }
  if (value === null || value === undefined) {
    return { ok: false, errors: [...errors, at(START.line, START.col, msg.emptyFile())] };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    const offset = doc.contents?.range?.[0] ?? 0;
    const { line, col } = positionOfOffset(lineCounter, offset);
    return { ok: false, errors: [...errors, at(line, col, msg.rootNotMap(value))] };
  }
  return { ok: true, doc, lineCounter, value, errors };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
