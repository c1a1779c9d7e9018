/**
 * Steps 2–3 of loading, on a parsed file value: the zod schema (types, ranges, unknown
 * keys) and the cross-field rules, all findings in one list. Used for the file as written
 * and again for every sweep point (the file with the point's values put in).
 */
import { scenarioErrorMap } from './errorMap.js';
import { scenarioFileSchema, type ScenarioFile } from './fileSchema.js';
import type { Finding } from './finding.js';
import { findingsFromIssues } from './issues.js';
import { formatKeyPath } from '../common/messages.js';
import { protoKeyFindings } from './protoKeys.js';
import { semanticFindings } from './semantic.js';

export interface FileCheck {
  /** The validated file (defaults filled in), when the schema accepted it. */
  readonly data: ScenarioFile | undefined;
  readonly findings: readonly Finding[];
}

export function checkFile(value: unknown): FileCheck {
  const parsed = scenarioFileSchema.safeParse(value, { error: scenarioErrorMap, reportInput: true });
  const findings: Finding[] = [
    ...(parsed.success ? [] : findingsFromIssues(parsed.error.issues, value, scenarioFileSchema)),
    ...protoKeyFindings(value, scenarioFileSchema),
    ...semanticFindings(value),
  ];
  return { data: parsed.success ? parsed.data : undefined, findings };
}

/** Identifies a finding across two checks of slightly different files (same key, same words). */
export function findingKey(f: Finding): string {
  return `${formatKeyPath(f.path)}\n${f.message}`;
}
