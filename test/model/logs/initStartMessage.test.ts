/** R15: the INIT_START line, byte for byte. */
import { describe, expect, it } from 'vitest';
import { runtimeVersionArn, RUNTIME_VERSION_ARN_PATTERN } from '../../../src/model/catalog/arn.js';
import { initStartMessage } from '../../../src/model/logs/initStartMessage.js';
import { parseInit } from '../../../src/observe/initStartLine.js';

/** R15's ARN is shortened to `6b9e…` in the source; the rest of its 64 hex digits is filled with zeros here. */
const REAL_ARN = 'arn:aws:lambda:ap-east-2::runtime:6b9e000000000000000000000000000000000000000000000000000000000000';

describe('initStartMessage (R15)', () => {
  it('is the real line byte for byte: label, one TAB, then the ARN, no line end', () => {
    const line = initStartMessage('python:3.13.v60', REAL_ARN);
    const real = 'INIT_START Runtime Version: python:3.13.v60\u0009Runtime Version ARN: ' + REAL_ARN;
    expect(Buffer.from(line, 'utf8')).toEqual(Buffer.from(real, 'utf8'));
    expect(Buffer.from(line, 'utf8')[43]).toBe(0x09); // the TAB right after the label
  });

  it('reads back through the observe parser and CLF fields 4 and 8 (R16) as the catalog label and ARN', () => {
    const arn = runtimeVersionArn('ap-east-2', 'python:3.13.v60', 'x86_64', false);
    expect(arn).toMatch(RUNTIME_VERSION_ARN_PATTERN);
    const line = initStartMessage('python:3.13.v60', arn);
    const parsed = parseInit(0, '/aws/lambda/fn', '2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef', line);
    expect(parsed).toEqual({ ok: true, init: { timestampMs: 0, fn: 'fn', region: 'ap-east-2', qualifier: '$LATEST', label: 'python:3.13.v60', arn } });
    const fields = line.split(/\s+/);
    expect([fields[0], fields[3], fields[7], fields.length]).toEqual(['INIT_START', 'python:3.13.v60', arn, 8]);
  });
});
