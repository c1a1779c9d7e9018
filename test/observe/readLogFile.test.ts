/**
 * The four exported forms (fixtures.ts says which API shape each follows) read to the same
 * INIT_START lines, in chunks as small as a few bytes (so values and elements split across
 * reads); other lines are skipped; malformed INIT_START lines are reported with file and line;
 * unknown shapes, non-UTF-8 text, truncated JSON and empty files stop with one line each.
 */
import { describe, expect, it } from 'vitest';
import { ObserveInputError } from '../../src/observe/observeError.js';
import { readLogFile, type LogItem } from '../../src/observe/readLogFile.js';
import { EVENTS, filterPages, insightsCsv, insightsJson, ndjson, tempDir, write } from './fixtures.js';

async function read(file: string, chunkBytes?: number, logGroup?: string): Promise<LogItem[]> {
  const items: LogItem[] = [];
  for await (const item of readLogFile(file, { ...(chunkBytes === undefined ? {} : { chunkBytes }), logGroup })) items.push(item);
  return items;
}

async function problem(file: string): Promise<string> {
  try {
    await read(file);
  } catch (error) {
    if (error instanceof ObserveInputError) return error.problems.join('\n');
    throw error;
  }
  throw new Error('expected an error');
}

const inits = (items: LogItem[]) => items.flatMap((i) => (i.kind === 'init' ? [i.init] : []));

describe('the four forms', () => {
  const dir = tempDir();
  const files = {
    ndjson: write(dir, 'log.ndjson', ndjson(EVENTS)),
    pages: write(dir, 'aws_lambda_checkout.json', filterPages(EVENTS, 2)),
    insightsJson: write(dir, 'query.json', insightsJson(EVENTS)),
    insightsCsv: write(dir, 'query.csv', insightsCsv(EVENTS)),
  };

  it('read the same inits, whatever the chunk size', async () => {
    const expected = await read(files.ndjson);
    expect(inits(expected)).toEqual([
      { timestampMs: EVENTS[0]!.timestamp, fn: 'checkout', region: 'eu-west-1', qualifier: '$LATEST', label: 'python:3.12.v14', arn: expect.stringMatching(/a{64}$/) },
      { timestampMs: EVENTS[2]!.timestamp, fn: 'checkout', region: 'eu-west-1', qualifier: '7', label: 'python:3.12.v14', arn: expect.stringMatching(/a{64}$/) },
      { timestampMs: EVENTS[3]!.timestamp, fn: 'checkout', region: 'eu-west-1', qualifier: '$LATEST', label: 'python:3.12.v15', arn: expect.stringMatching(/b{64}$/) },
    ]);
    for (const file of Object.values(files)) {
      for (const chunk of [3, 7, 64, 1 << 20]) {
        const items = await read(file, chunk);
        expect(inits(items), `${file} in ${chunk}-byte chunks`).toEqual(inits(expected));
        expect(items.filter((i) => i.kind === 'malformed')).toHaveLength(1);
      }
    }
  });

  it('reports a malformed INIT_START line with its file and line', async () => {
    const bad = (await read(files.ndjson)).find((i) => i.kind === 'malformed');
    expect(bad).toMatchObject({ where: `${files.ndjson}:5`, reason: expect.stringContaining('is not `INIT_START Runtime Version') });
  });

  it('takes the log group of filter-log-events pages from the file name or --log-group', async () => {
    expect(inits(await read(files.pages))[0]?.fn).toBe('checkout');
    const plain = write(dir, 'checkout.json', filterPages(EVENTS, 10));
    expect(inits(await read(plain))[0]?.fn).toBe('checkout');
    expect(inits(await read(plain, undefined, '/aws/lambda/orders'))[0]?.fn).toBe('orders');
  });

  it('reads a CSV field that holds a comma, a quote and a line break', async () => {
    const csv = '@timestamp,@message,@logStream,@log\n"2026-03-20 12:00:00.000","REPORT a, ""b""\nc",x,y\n' + insightsCsv(EVENTS).split('\r\n').slice(1).join('\n');
    const file = write(dir, 'quoted.csv', csv);
    for (const chunk of [2, 5, 1 << 20]) expect(inits(await read(file, chunk))).toHaveLength(3);
  });
});

describe('bad files: one line with file and position', () => {
  const dir = tempDir();
  it('unknown shape', async () => {
    const file = write(dir, 'x.txt', '\n\nhello world\n');
    expect(await problem(file)).toMatch(new RegExp(`^${file}:3: not a log export this tool reads`));
    expect(await problem(write(dir, 'y.json', '{"foo": 1}\n'))).toMatch(/y\.json:1: not a log export/);
  });
  it('non-UTF-8 text', async () => {
    const file = write(dir, 'latin1.ndjson', Buffer.concat([Buffer.from(ndjson(EVENTS.slice(0, 2))), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d, 0x0a])]));
    expect(await problem(file)).toMatch(new RegExp(`^${file}:3: byte \\d+ is not UTF-8 text`));
  });
  it('truncated JSON', async () => {
    const text = filterPages(EVENTS, 10);
    const file = write(dir, 'aws_lambda_cut.json', text.slice(0, Math.floor(text.length * 0.6)));
    expect(await problem(file)).toMatch(new RegExp(`^${file}:\\d+: the JSON ends with .* still open: the file is cut short \\(truncated JSON\\)`));
  });
  it('empty input', async () => {
    expect(await problem(write(dir, 'empty.json', ''))).toMatch(/empty\.json:1: the file is empty/);
    expect(await problem(write(dir, 'blank.ndjson', '\n  \n'))).toMatch(/blank\.ndjson:1: the file is empty/);
  });
});
