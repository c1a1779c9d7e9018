/**
 * JSON Schema (draft 2020-12) of the scenario FILE format, for editors (e.g. the
 * YAML language server's `# yaml-language-server: $schema=…`). Generated from the
 * same zod schema that validates files, as the input side: durations appear as
 * strings with their pattern, and defaults as a file would write them.
 * Cross-field rules (semantic.ts) cannot be expressed here and are described in text.
 */
import { z } from 'zod';
import { scenarioFileSchema } from './fileSchema.js';

export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioFileSchema, { target: 'draft-2020-12', io: 'input' });
}
