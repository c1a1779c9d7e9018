/** Readers ask for results columns by the writers' own declarations: kinds follow, unknown names fail. */
import { describe, expect, it } from 'vitest';
import { catalogColumns, sweepColumns, tableColumns } from '../../src/output/columns.js';
import { patchesTable } from '../../src/output/patchesCsv.js';

describe('results columns', () => {
  it('gives the kinds the writer declares', () => {
    expect(tableColumns(patchesTable, ['replication', 'how', 'patched_at_days'])).toEqual({ replication: 'number', how: 'string', patched_at_days: 'number' });
    expect(catalogColumns(['runtime', 'published_at_days'])).toEqual({ runtime: 'string', published_at_days: 'number' });
    expect(sweepColumns()).toEqual({ point: 'number', metric: 'string', mean: 'number', ci95_lo: 'number', ci95_hi: 'number', replications: 'number', unit: 'string' });
  });

  it('refuses a column no writer writes', () => {
    expect(() => tableColumns(patchesTable, ['replication', 'patched_on'])).toThrow('patches.csv has no column patched_on');
  });
});
