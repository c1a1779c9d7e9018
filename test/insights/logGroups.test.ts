import { describe, expect, it } from 'vitest';
import { isLogGroupPattern, logGroupMatcher } from '../../src/insights/logGroups.js';

describe('LogGroupNames', () => {
  it('a trailing * matches every group with that prefix; other names match exactly', () => {
    const match = logGroupMatcher(['/aws/lambda/*', '/ecs/web']);
    expect(match('/aws/lambda/checkout')).toBe(true);
    expect(match('/aws/lambda/')).toBe(true);
    expect(match('/aws/lambdax')).toBe(false);
    expect(match('/AWS/lambda/checkout')).toBe(false); // case sensitive
    expect(match('/ecs/web')).toBe(true);
    expect(match('/ecs/web-2')).toBe(false);
  });

  it('* alone matches every group', () => {
    expect(logGroupMatcher(['*'])('anything')).toBe(true);
  });

  it('accepts * only at the end', () => {
    expect(isLogGroupPattern('/aws/lambda/*')).toBe(true);
    expect(isLogGroupPattern('/aws/lambda/fn')).toBe(true);
    expect(isLogGroupPattern('/aws/*/fn')).toBe(false);
    expect(isLogGroupPattern('**')).toBe(false);
  });
});
