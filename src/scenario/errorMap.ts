/**
 * Words for zod's built-in issues, passed to `safeParse` (never installed globally,
 * so other modules' zod use is untouched). Schemas that need a sharper message
 * (durations, labels) set their own `error`, which takes precedence.
 */
import type { z } from 'zod';
import { fieldInfoOf } from './fields.js';
import { msg } from './messages.js';
import { suggest } from '../common/messages.js';

export const scenarioErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if ((issue.expected === 'number' || issue.expected === 'int') && typeof issue.input === 'number') {
        return Number.isFinite(issue.input) ? msg.notWhole(issue.input) : msg.notFinite(issue.input);
      }
      return msg.wrongType(issue.expected, issue.input);
    case 'too_small':
      if (issue.origin === 'string') return msg.textEmpty();
      if (issue.origin === 'array') return msg.listEmpty();
      return issue.inclusive === false ? msg.greaterThan(issue.minimum) : msg.atLeast(issue.minimum);
    case 'too_big':
      if (issue.origin === 'string') return msg.textTooLong(issue.maximum);
      return issue.inclusive === false ? msg.lessThan(issue.maximum) : msg.atMost(issue.maximum);
    case 'invalid_value': {
      const noun = fieldInfoOf(issue.inst)?.noun ?? 'value';
      const candidates = issue.values.map(String);
      return msg.unknownName(noun, issue.input, typeof issue.input === 'string' ? suggest(issue.input, candidates) : undefined);
    }
    default:
      return msg.invalid();
  }
};
