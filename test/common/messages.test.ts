/** The shared message pieces and the one user-error type every catalogue and command uses. */
import { describe, expect, it } from 'vitest';
import { clip, code, didYouMean, formatKeyPath, ioReason, json } from '../../src/common/messages.js';
import { formatPosition, UserError } from '../../src/common/userError.js';
import { InsightsInputError } from '../../src/insights/inputError.js';
import { PlanError } from '../../src/batch/plan.js';
import { UsageError } from '../../src/cli/usageError.js';

const failure = (code: string): Error => Object.assign(new Error(`${code}: raw syscall text`), { code });

describe('common messages', () => {
  it('I/O reasons say what is wrong in a few words, the same for every file a command reads', () => {
    expect(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR'].map((c) => ioReason(failure(c)))).toEqual([
      'no such file or folder', 'permission denied', 'permission denied', 'it is a folder', 'a part of the path is not a folder',
    ]);
    expect(ioReason(failure('EIO'))).toBe('EIO: raw syscall text');
    expect(ioReason('plain')).toBe('plain');
  });

  it('quotes, clips, suggests and prints key paths', () => {
    expect([code('x'), json('x'), clip('a'.repeat(41)).length, clip('short')]).toEqual(['`x`', '"x"', 41, 'short']);
    expect([didYouMean('arm64', code), didYouMean(undefined, json)]).toEqual(['did you mean `arm64`?', undefined]);
    expect(formatKeyPath(['releases', 0, 'phase2', 'duration'])).toBe('releases[0].phase2.duration');
    expect(formatKeyPath([])).toBe('');
  });
});

describe('UserError', () => {
  it('names a position as file, file:line or file:line:col', () => {
    expect([formatPosition({ file: 'a.yaml' }), formatPosition({ file: 'a.yaml', line: 3 }), formatPosition({ file: 'a.yaml', line: 3, col: 7 })])
      .toEqual(['a.yaml', 'a.yaml:3', 'a.yaml:3:7']);
  });

  it('is the base of every user-facing error, in the command-line or the file form', () => {
    const errors = [new UsageError('bad flag'), new PlanError('bad plan'), new InsightsInputError(['r.json: one', 'r.json: two'])];
    expect(errors.every((e) => e instanceof UserError)).toBe(true);
    expect(errors.map((e) => [e.form, e.problems, e.name])).toEqual([
      ['command', ['bad flag'], 'UsageError'],
      ['command', ['bad plan'], 'PlanError'],
      ['file', ['r.json: one', 'r.json: two'], 'InsightsInputError'],
    ]);
  });
});
