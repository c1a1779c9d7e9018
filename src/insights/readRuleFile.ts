/** Reads a rule file (JSON, at most 1 MiB) and compiles it; every problem comes back as one line. */
import { readFile, stat } from 'node:fs/promises';
import { compileRule, type CompiledRule } from './compileRule.js';
import { ioReason } from '../common/messages.js';
import { isAFolder } from '../common/openToRead.js';
import { InsightsInputError } from './inputError.js';
import { msg } from './messages.js';
import { formatRuleIssue } from './ruleIssues.js';

export const MAX_RULE_BYTES = 1 << 20;

/** Throws `InsightsInputError` listing every problem of the file. */
export async function readRuleFile(file: string): Promise<CompiledRule> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw isAFolder();
    if (info.size > MAX_RULE_BYTES) throw new InsightsInputError([`${file}: ${msg.ruleTooLarge(info.size, MAX_RULE_BYTES)}`]);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof InsightsInputError) throw error;
    throw new InsightsInputError([`${file}: ${msg.cannotReadRule(ioReason(error))}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InsightsInputError([`${file}: ${msg.ruleNotJson(error instanceof Error ? error.message : String(error))}`]);
  }
  const compiled = compileRule(raw);
  if (!compiled.ok) throw new InsightsInputError(compiled.issues.map((issue) => formatRuleIssue(file, issue)));
  return compiled.rule;
}
