/**
 * `observe` on the command line: what each table says for a hand-made log (fixtures.ts), and
 * bad inputs: one line each with the file and position, exit code 2, nothing written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { captureIo } from '../report/runResults.js';
import { EVENTS, ndjson, tempDir, write } from './fixtures.js';

async function observe(args: string[]) {
  const io = captureIo();
  const code = await runCli(['observe', ...args], io);
  return { code, err: io.err };
}

describe('observe', () => {
  it('writes the four tables and status.html', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const r = await observe([write(dir, 'log.ndjson', ndjson(EVENTS)), '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/3 INIT_START lines from 2 function versions, 2 runtime version ARNs; 1 other lines skipped/);
    expect(r.err).toMatch(/1 malformed INIT_START line\(s\):\n {2}.*log\.ndjson:5: INIT_START line is not/);
    const csv = (name: string) => readFileSync(join(out, name), 'utf8').trim().split('\n');
    expect(csv('versions.csv')).toEqual([
      'runtime,runtime_version,region,runtime_version_arn,first_seen,last_seen,functions,inits',
      `python3.12,python:3.12.v14,eu-west-1,arn:aws:lambda:eu-west-1::runtime:${'a'.repeat(64)},2026-03-20T12:00:00.005Z,2026-03-21T09:30:00.000Z,1,2`,
      `python3.12,python:3.12.v15,eu-west-1,arn:aws:lambda:eu-west-1::runtime:${'b'.repeat(64)},2026-03-22T08:00:00.000Z,2026-03-22T08:00:00.000Z,1,1`,
    ]);
    // [7] ran v14 at its last init; v15 was first seen in eu-west-1 at 2026-03-22T08:00, the last init read: 0 days behind.
    expect(csv('functions.csv').slice(1)).toEqual([
      `checkout,eu-west-1,$LATEST,python3.12,python:3.12.v15,arn:aws:lambda:eu-west-1::runtime:${'b'.repeat(64)},2026-03-22T08:00:00.000Z,0,0,2026-03-20T12:00:00.005Z,2`,
      `checkout,eu-west-1,7,python3.12,python:3.12.v14,arn:aws:lambda:eu-west-1::runtime:${'a'.repeat(64)},2026-03-21T09:30:00.000Z,1,0,2026-03-21T09:30:00.000Z,1`,
    ]);
    expect(csv('transitions.csv')).toEqual([
      'function,region,qualifier,from_version,to_version,last_old_init,first_new_init',
      'checkout,eu-west-1,$LATEST,python:3.12.v14,python:3.12.v15,2026-03-20T12:00:00.005Z,2026-03-22T08:00:00.000Z',
    ]);
    // Both function versions were seen before v15; one moved (at 08:00), so 50% by then and 95% never.
    expect(csv('rollout.csv').slice(1)).toEqual(['python3.12,python:3.12.v15,eu-west-1,2026-03-22T08:00:00.000Z,2,1,2026-03-22T08:00:00.000Z,,0,']);
    expect(readFileSync(join(out, 'status.html'), 'utf8')).toContain('<title>What is my fleet running?</title>');
  });

  for (const [what, name, content, pattern] of [
    ['an unknown shape', 'notes.txt', 'hello\n', /notes\.txt:1: not a log export this tool reads/],
    ['non-UTF-8 text', 'bad.ndjson', Buffer.from([0x68, 0x69, 0x0a, 0xff, 0xfe, 0x0a]), /bad\.ndjson:2: byte 3 is not UTF-8 text/],
    ['truncated JSON', 'aws_lambda_x.json', '{"events": [{"timestamp": 1, "message": "INIT_START', /aws_lambda_x\.json:1: the JSON ends with a string still open/],
    ['an empty file', 'empty.ndjson', '', /empty\.ndjson:1: the file is empty/],
    ['no INIT_START line', 'other.ndjson', '{"timestamp":1,"logGroupName":"/aws/lambda/x","message":"START"}\n', /no INIT_START line in this file/],
  ] as const) {
    it(`refuses ${what}: one line, exit 2, nothing written`, async () => {
      const dir = tempDir();
      const out = join(dir, 'out');
      const good = write(dir, 'good.ndjson', ndjson(EVENTS));
      const bad = write(dir, name, content as string);
      const r = await observe([...(what === 'no INIT_START line' ? [] : [good]), bad, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(pattern);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('says in --help where the log group of a filter-log-events file comes from', async () => {
    const help = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'observe', '--help'], { encoding: 'utf8' });
    expect(help.replace(/\s+/g, ' ')).toMatch(/aws_lambda_NAME\.json or NAME\.json/);
  });
});
