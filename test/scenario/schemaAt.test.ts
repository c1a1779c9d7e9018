import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioErrorMap } from '../../src/scenario/errorMap.js';
import { scenarioFileSchema } from '../../src/scenario/fileSchema.js';
import { infoOf, schemaAt } from '../../src/scenario/schemaAt.js';

describe('schemaAt: one key of the file format on its own (for swept values)', () => {
  it('reaches nested keys through lists, records and defaults', () => {
    const phase2Duration = schemaAt(scenarioFileSchema, ['releases', 0, 'phase2', 'duration']);
    expect(phase2Duration).toBeDefined();
    expect(phase2Duration?.safeParse('3d').success).toBe(true);
    expect(phase2Duration?.safeParse('3 days').success).toBe(false);
    expect(schemaAt(scenarioFileSchema, ['fleet', 'regions', 'us-east-1'])?.safeParse(0.5).success).toBe(true);
    expect(schemaAt(scenarioFileSchema, ['releases', 0, 'regionOrder', 2, 1])?.safeParse('eu-west-1').success).toBe(true);
  });

  it('gives the same words as the loader', () => {
    const share = schemaAt(scenarioFileSchema, ['fleet', 'publishedVersionShare']) as z.ZodType;
    const result = share.safeParse(1.5, { error: scenarioErrorMap });
    expect(result.error?.issues[0]?.message).toBe('must be at most 1');
    expect(infoOf(share)?.allowed).toBe('a number from 0 to 1');
  });

  it('is undefined off the format', () => {
    expect(schemaAt(scenarioFileSchema, ['fleet', 'nope'])).toBeUndefined();
    expect(schemaAt(scenarioFileSchema, ['releases', 'x'])).toBeUndefined();
    expect(schemaAt(scenarioFileSchema, ['__proto__'])).toBeUndefined();
  });
});
