import { describe, expect, it } from 'vitest';
import { leafAt, parseJsonPath } from '../../src/insights/jsonPath.js';

describe('JSON property paths', () => {
  it('parses the documented examples', () => {
    expect(parseJsonPath('$.userAgent')).toEqual(['userAgent']);
    expect(parseJsonPath('$.endpoints[0]')).toEqual(['endpoints', 0]);
    expect(parseJsonPath('$.users[1].name')).toEqual(['users', 1, 'name']);
    expect(parseJsonPath('$.requestParameters.instanceId')).toEqual(['requestParameters', 'instanceId']);
    expect(parseJsonPath('$.c-count')).toEqual(['c-count']);
  });

  it('refuses what is not a path', () => {
    for (const bad of ['$', 'ip', '$ip', '$.', '$..a', '$.a[', '$.a[x]', '$.a[-1]', '.a', '$.a.']) {
      expect(parseJsonPath(bad), bad).toBeUndefined();
    }
  });

  it('finds leaves; objects, lists and missing steps give nothing', () => {
    const root = { a: { b: [10, { c: 'x' }] }, n: null };
    expect(leafAt(root, ['a', 'b', 0])).toBe(10);
    expect(leafAt(root, ['a', 'b', 1, 'c'])).toBe('x');
    expect(leafAt(root, ['n'])).toBeNull();
    expect(leafAt(root, ['a'])).toBeUndefined();
    expect(leafAt(root, ['a', 'b'])).toBeUndefined();
    expect(leafAt(root, ['a', 'b', 5])).toBeUndefined();
    expect(leafAt(root, ['a', 'x'])).toBeUndefined();
    expect(leafAt(root, ['toString'])).toBeUndefined(); // own properties only
    expect(leafAt('text', ['a'])).toBeUndefined();
  });
});
