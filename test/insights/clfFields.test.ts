import { describe, expect, it } from 'vitest';
import { clfField, clfFields } from '../../src/insights/clfFields.js';
import { ARN_V15, initStart } from './fixtures.js';

describe('CLF fields', () => {
  it('splits R15 INIT_START lines: 1 INIT_START, 4 the label, 8 the ARN', () => {
    const fields = clfFields(initStart('python:3.13.v60', ARN_V15));
    expect(fields).toEqual(['INIT_START', 'Runtime', 'Version:', 'python:3.13.v60', 'Runtime', 'Version', 'ARN:', ARN_V15]);
    expect(clfField(fields, 1)).toBe('INIT_START');
    expect(clfField(fields, 4)).toBe('python:3.13.v60');
    expect(clfField(fields, 8)).toBe(ARN_V15);
    expect(clfField(fields, 9)).toBeUndefined();
  });

  it('treats runs of spaces and TABs as one separator and ignores leading white space', () => {
    expect(clfFields('  a \t\t b\n')).toEqual(['a', 'b']);
    expect(clfFields(' \n')).toEqual([]);
  });
});
