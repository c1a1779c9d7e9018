/** LastModified as Lambda writes it (aws-shapes.md: `2019-09-23T18:32:33.857+0000`), and what is refused. */
import { describe, expect, it } from 'vitest';
import { formatLastModified, parseLastModifiedMs } from '../../src/fleet/lastModified.js';

describe('LastModified', () => {
  it('reads the +0000 form and other offsets to the same instant', () => {
    expect(parseLastModifiedMs('2019-09-23T18:32:33.857+0000')).toBe(Date.UTC(2019, 8, 23, 18, 32, 33, 857));
    expect(parseLastModifiedMs('2019-09-23T18:32:33.857Z')).toBe(Date.UTC(2019, 8, 23, 18, 32, 33, 857));
    expect(parseLastModifiedMs('2019-09-23T20:32:33.857+02:00')).toBe(Date.UTC(2019, 8, 23, 18, 32, 33, 857));
    expect(parseLastModifiedMs('2019-09-23T13:32:33.857-0500')).toBe(Date.UTC(2019, 8, 23, 18, 32, 33, 857));
    expect(parseLastModifiedMs('2024-02-29T00:00:00+0000')).toBe(Date.UTC(2024, 1, 29));
  });
  it('refuses days that do not exist and other shapes', () => {
    for (const bad of ['2026-02-30T00:00:00.000+0000', '2025-02-29T00:00:00+0000', '2019-09-23 18:32:33', '2019-09-23T24:00:00Z', 1569263553857, null]) {
      expect(parseLastModifiedMs(bad), String(bad)).toBeUndefined();
    }
  });
  it('formats window bounds in the same form', () => {
    expect(formatLastModified(Date.UTC(2019, 8, 23, 18, 32, 33, 857))).toBe('2019-09-23T18:32:33.857+0000');
  });
});
