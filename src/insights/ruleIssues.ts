/** zod issues of a rule → one `RuleIssue` per problem, each naming the key path and what is allowed. */
import type { z } from 'zod';
import { formatKeyPath, suggest } from '../common/messages.js';
import { msg } from './messages.js';
import { acceptedKeysAt } from './ruleSchema.js';

export interface RuleIssue {
  /** Key path as a user reads it: `Contribution.Filters[0].In`; empty for the whole rule. */
  readonly path: string;
  readonly message: string;
}

export function ruleIssue(path: readonly PropertyKey[], message: string): RuleIssue {
  return { path: formatKeyPath(path), message };
}

export function formatRuleIssue(file: string, issue: RuleIssue): string {
  return issue.path === '' ? `${file}: ${issue.message}` : `${file}: ${issue.path}: ${issue.message}`;
}

export function issuesFromZod(issues: readonly z.core.$ZodIssue[]): RuleIssue[] {
  return issues.flatMap((issue): RuleIssue[] => {
    const path = issue.path;
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = acceptedKeysAt(path);
        return issue.keys.map((key) =>
          ruleIssue([...path, key], key === 'LogGroupARNs' && path.length === 0
            ? msg.logGroupArns()
            : msg.unknownKey(key, allowed, suggest(key, allowed))),
        );
      }
      case 'invalid_type':
        return [ruleIssue(path, issue.input === undefined ? msg.missingKey() : msg.wrongType(issue.expected, issue.input))];
      case 'invalid_value':
        return [ruleIssue(path, msg.notOneOf(issue.values, issue.input))];
      case 'invalid_union':
        return [ruleIssue(path, msg.numberOrString(issue.input))];
      case 'too_small':
        return [ruleIssue(path, issue.origin === 'string' ? msg.emptyText() : msg.tooFew(Number(issue.minimum)))];
      case 'too_big':
        return [ruleIssue(path, msg.tooMany(Number(issue.maximum)))];
      default:
        return [ruleIssue(path, msg.invalid())];
    }
  });
}
