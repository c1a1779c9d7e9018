import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/common/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['arm46', 'arm64', 1], // adjacent transposition counts once
    ['us-east-l', 'us-east-1', 1],
  ])('%s → %s is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggest', () => {
  const keys = ['name', 'seed', 'horizon', 'sampleEvery', 'replications', 'fleet'];

  it('finds close keys and names', () => {
    expect(suggest('sampleEvry', keys)).toBe('sampleEvery');
    expect(suggest('horizn', keys)).toBe('horizon');
    expect(suggest('replicatoins', keys)).toBe('replications');
    expect(suggest('auto', ['Auto', 'FunctionUpdate', 'Manual'])).toBe('Auto');
    expect(suggest('x86-64', ['x86_64', 'arm64'])).toBe('x86_64');
    expect(suggest('ap-southeast-9', ['ap-southeast-1', 'ap-southeast-2'])).toBe('ap-southeast-1');
  });

  it('allows more edits for long names (a third of the length)', () => {
    expect(suggest('envronmntLifetim', ['environmentLifetime', 'createdPerDay'])).toBe('environmentLifetime'); // 3 edits
    expect(suggest('abcdefg', ['abcdxyz'])).toBeUndefined(); // 3 edits in 7 characters is too many
  });

  it('stays quiet when nothing is close', () => {
    expect(suggest('banana', keys)).toBeUndefined();
    expect(suggest('x', ['s', 'm'])).toBeUndefined();
    expect(suggest('__proto__', keys)).toBeUndefined();
    expect(suggest('seed', keys)).toBeUndefined(); // already valid
    expect(suggest('', keys)).toBeUndefined();
  });
});
