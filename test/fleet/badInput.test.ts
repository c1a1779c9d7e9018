/**
 * Bad inventories (issue 11 point 7): not JSON → file:line:col; a document of no known shape is
 * named with its keys; ARNs that do not parse, versions of functions never listed and duplicate
 * records are counted; the import refuses (FleetInputError) instead of writing half a fleet.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFleet } from '../../src/fleet/importFleet.js';
import { FleetInputError } from '../../src/fleet/issues.js';
import { readJsonDocuments } from '../../src/fleet/jsonDocuments.js';

const dir = mkdtempSync(join(tmpdir(), 'fleet-bad-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:f';
const config = (arn: string, version = '$LATEST') => ({ FunctionName: 'f', FunctionArn: arn, Runtime: 'python3.12', LastModified: '2026-01-01T00:00:00.000+0000', Version: version, PackageType: 'Zip', Architectures: ['x86_64'] });
const listing = write('list.json', JSON.stringify({ Functions: [config(ARN)] }, null, 4));

function problems(paths: string[]): string[] {
  try {
    importFleet(paths, { windowDays: 365 });
  } catch (error) {
    if (error instanceof FleetInputError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the import to refuse');
}

describe('bad inventories', () => {
  it('not JSON: file:line:col of the first error', () => {
    const bad = write('bad.json', '{\n    "Functions": [\n        {"FunctionArn": x}\n    ]\n}\n');
    const p = problems([listing, bad]);
    expect(p[0]).toBe(`${bad}:3:25 not JSON: expected a value, found \`x\``);
    expect(p.at(-1)).toBe('fleet: refused (nothing written): 1 not JSON');
  });

  it('text outside a document and a file ending inside one', () => {
    expect(problems([write('text.json', '{"Aliases": []}\nhello')])[0]).toMatch(/text\.json:2:1 not JSON: expected a JSON document/);
    expect(problems([write('cut.json', '{"Aliases": [\n')])[0]).toMatch(/cut\.json:2:1 not JSON: expected a value, found the end/);
  });

  it('a document of no known shape is named with its keys', () => {
    const p = problems([listing, write('tags.json', '{"Tags": {"a": "b"}, "TagsError": null}')]);
    expect(p[0]).toMatch(/tags\.json:1:1: a document of no known shape, with keys Tags, TagsError \(known: `Functions` \(list-functions\)/);
  });

  it('ARNs that do not parse, a never-listed version, duplicates: counted in one pass', () => {
    const p = problems([
      listing,
      write('badarn.json', JSON.stringify({ Functions: [config('arn:aws:lambda:eu-west-1:12345:function:g'), config('not-an-arn')] })),
      write('rmc.json', JSON.stringify({ UpdateRuntimeOn: 'Auto', FunctionArn: `${ARN}:9`, RuntimeVersionArn: null })),
      write('other.json', JSON.stringify({ Versions: [config('arn:aws:lambda:eu-west-1:123456789012:function:ghost:1', '1')] })),
      write('dup.json', JSON.stringify({ Functions: [config(ARN)] })),
    ]);
    expect(p.at(-1)).toBe('fleet: refused (nothing written): 2 ARNs that do not parse, 1 duplicate records, 2 records of functions or versions never listed');
    expect(p.some((l) => l.includes('badarn.json:1:1 Functions[0].FunctionArn: "arn:aws:lambda:eu-west-1:12345:function:g" is not a function ARN'))).toBe(true);
    expect(p.some((l) => l.includes(`dup.json:1:1 Functions[0]: ${ARN}:$LATEST again in list-functions output (first at ${listing}:1:1 Functions[0])`))).toBe(true);
    expect(p.some((l) => l.includes(`get-runtime-management-config output for ${ARN}:9, a version no list-functions`))).toBe(true);
    expect(p.some((l) => l.includes('function:ghost, which no list-functions output names'))).toBe(true);
  });

  it('values out of range name the key and what is allowed', () => {
    const p = problems([
      listing,
      write('mode.json', JSON.stringify({ UpdateRuntimeOn: 'Sometimes', FunctionArn: ARN, RuntimeVersionArn: null })),
      write('manual.json', JSON.stringify({ UpdateRuntimeOn: 'Manual', FunctionArn: ARN, RuntimeVersionArn: null })),
    ]);
    expect(p[0]).toMatch(/mode\.json:1:1 UpdateRuntimeOn: "Sometimes" \(allowed: Auto, FunctionUpdate, Manual; R7\)/);
    expect(p[1]).toMatch(/manual\.json:1:1 RuntimeVersionArn: Manual needs a runtime version ARN \(R17\)/);
  });
});

describe('concatenated documents', () => {
  it('splits documents written one after another, across read chunks, strings with braces kept whole', () => {
    const docs = [{ Aliases: [] }, { Functions: [{ Description: 'a } tricky { "string" \\ here' }], NextMarker: 'x' }, { Versions: [] }];
    const path = write('many.json', docs.map((d) => JSON.stringify(d, null, 4)).join('\n'));
    for (const chunk of [7, 64, 1 << 20]) {
      const read = [...readJsonDocuments(path, chunk)];
      expect(read.map((d) => d.value)).toEqual(docs);
      expect(read.map((d) => d.where.slice(path.length))).toEqual([':1:1', ':4:1', ':12:1']);
    }
  });
});

describe('concatenated documents, any content and any chunk size (property)', () => {
  it('reads back exactly the documents written, escapes and quotes split across chunks included', async () => {
    const fc = await import('fast-check');
    const tricky = fc.constantFrom('"', '\\', '\\"', '{', '}', '[', ']', '\n', 'é', '\u2028', 'x');
    const text = fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join(''));
    const doc = fc.dictionary(text, fc.oneof(text, fc.integer(), fc.array(text, { maxLength: 3 })), { minKeys: 1, maxKeys: 4 });
    let n = 0;
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (docs, chunk, pretty) => {
        const path = write(`prop-${n++}.json`, docs.map((d) => JSON.stringify(d, null, pretty ? 4 : undefined)).join('\n'));
        expect([...readJsonDocuments(path, chunk)].map((d) => d.value)).toEqual(docs);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
