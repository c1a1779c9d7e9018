import { describe, expect, it } from 'vitest';
import { functionName, logGroupName, SIM_EPOCH_MS } from '../../../src/model/logs/names.js';

describe('log names', () => {
  it('simulated time 0 is 2026-01-01T00:00:00Z', () => {
    expect(new Date(SIM_EPOCH_MS).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('function names are zero-padded to 7 digits, longer ones kept whole', () => {
    expect(functionName(0)).toBe('fn-0000000');
    expect(functionName(123)).toBe('fn-0000123');
    expect(functionName(9_999_999)).toBe('fn-9999999');
    expect(functionName(12_345_678)).toBe('fn-12345678');
    expect(() => functionName(-1)).toThrow(RangeError);
  });

  it('log groups are Lambda\'s /aws/lambda/<function>', () => {
    expect(logGroupName(123)).toBe('/aws/lambda/fn-0000123');
  });
});
