/** The `insights` command end to end, in process: stdout, --out, and refusals with exit code 2. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { ARN_V15, ARN_V16, R16_RULE, T0, eventLine, rolloutLines, tempDir, writeTemp } from '../insights/fixtures.js';

function captureIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stderrIsTty: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

function setup(rule: unknown = R16_RULE, lines: readonly string[] = rolloutLines()) {
  const dir = tempDir();
  return {
    dir,
    rule: writeTemp(dir, 'rule.json', JSON.stringify(rule, null, 2)),
    logs: writeTemp(dir, 'logs.ndjson', lines.join('\n') + '\n'),
  };
}

const EXPECTED_CSV = [
  'period_start_ms,period_start,runtimeVersion,runtimeVersionArn,value',
  `${T0},2024-01-01T00:00:00.000Z,python:3.12.v15,${ARN_V15},5`,
  `${T0},2024-01-01T00:00:00.000Z,python:3.12.v16,${ARN_V16},1`,
  `${T0 + 3_600_000},2024-01-01T01:00:00.000Z,python:3.12.v15,${ARN_V15},3`,
  `${T0 + 3_600_000},2024-01-01T01:00:00.000Z,python:3.12.v16,${ARN_V16},3`,
  `${T0 + 7_200_000},2024-01-01T02:00:00.000Z,python:3.12.v16,${ARN_V16},6`,
  `${T0 + 7_200_000},2024-01-01T02:00:00.000Z,python:3.12.v15,${ARN_V15},1`,
  '',
].join('\n');

describe('insights', () => {
  it('writes the CSV to stdout and a summary to stderr', async () => {
    const { rule, logs } = setup();
    const io = captureIo();
    expect(await runCli(['insights', '--rule', rule, '--logs', logs, '--period', '1h'], io)).toBe(0);
    expect(io.out).toBe(EXPECTED_CSV);
    expect(io.err).toBe(`${rolloutLines().length} events read, 19 matched the rule, 6 rows\n`);
  });

  it('--out writes the file atomically (no temp file left) and replaces an older one', async () => {
    const { dir, rule, logs } = setup();
    const out = join(dir, 'reports', 'inits.csv');
    const io = captureIo();
    expect(await runCli(['insights', '--rule', rule, '--logs', logs, '--period', '1h', '--out', out], io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(EXPECTED_CSV);
    expect(io.out).toBe('');
    expect(io.err).toContain(`6 rows written to ${out}`);

    writeFileSync(out, 'old');
    expect(await runCli(['insights', '--rule', rule, '--logs', logs, '--period', '1d', '-o', out], captureIo())).toBe(0);
    const daily = readFileSync(out, 'utf8').trim().split('\n');
    expect(daily.slice(1)).toEqual([
      `${T0},2024-01-01T00:00:00.000Z,python:3.12.v16,${ARN_V16},10`,
      `${T0},2024-01-01T00:00:00.000Z,python:3.12.v15,${ARN_V15},9`,
    ]);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['inits.csv']);
  });

  it('an invalid rule: every problem with its key path, exit 2, nothing written, no stack', async () => {
    const bad = { ...R16_RULE, AggregateOn: 'Sum', Contribution: { Keys: ['runtimeVersoin'], Filters: [{ Match: 'eventType', In: ['INIT_START'] }] } };
    const { dir, rule, logs } = setup(bad);
    const out = join(dir, 'out.csv');
    const io = captureIo();
    expect(await runCli(['insights', '--rule', rule, '--logs', logs, '--period', '1h', '--out', out], io)).toBe(2);
    expect(io.err).toBe(
      `${rule}: Contribution.Keys[0]: "runtimeVersoin" is not a field: write a name from Fields ("eventType", "runtimeVersion", "runtimeVersionArn") or a field position ("1", "2", …) (did you mean "runtimeVersion"?)\n` +
        `${rule}: Contribution: AggregateOn "Sum" needs Contribution.ValueOf, the numeric field to add up\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('a rule file that is not JSON, or missing', async () => {
    const { dir, logs } = setup();
    const rule = writeTemp(dir, 'broken.json', '{"Schema": ');
    const io = captureIo();
    expect(await runCli(['insights', '--rule', rule, '--logs', logs, '--period', '1h'], io)).toBe(2);
    expect(io.err).toMatch(/broken\.json: the rule file is not valid JSON: /);
    const io2 = captureIo();
    expect(await runCli(['insights', '--rule', join(dir, 'nope.json'), '--logs', logs, '--period', '1h'], io2)).toBe(2);
    expect(io2.err).toContain('nope.json: cannot read the rule file: no such file or folder');
  });

  it('a bad log line: file and line number, exit 2, an existing --out left as it was', async () => {
    const lines = [...rolloutLines().slice(0, 3), '{"timestamp": "soon", "logGroupName": "/aws/lambda/f", "message": "x"}', ...rolloutLines()];
    const { dir, rule, logs } = setup(R16_RULE, lines);
    const out = writeTemp(dir, 'out.csv', 'previous\n');
    const io = captureIo();
    expect(await runCli(['insights', '--rule', rule, '--logs', logs, '--period', '1h', '--out', out], io)).toBe(2);
    expect(io.err).toBe(`${logs}:4: "timestamp" must be a whole number of milliseconds since 1970-01-01T00:00:00Z, not "soon"\n`);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  });

  it('a bad --period or a missing option is a usage error', async () => {
    const { rule, logs } = setup();
    const io = captureIo();
    expect(await runCli(['insights', '--rule', rule, '--logs', logs, '--period', '90'], io)).toBe(2);
    expect(io.err).toContain('--period must be a positive duration such as 30s, 5m, 1h or 1d, not "90"');
    const io2 = captureIo();
    expect(await runCli(['insights', '--rule', rule, '--period', '1h'], io2)).toBe(2);
    expect(io2.err).toContain('logs');
    expect(io2.err).not.toContain('    at ');
  });

  it('--out naming a folder is refused', async () => {
    const { dir, rule, logs } = setup();
    const io = captureIo();
    expect(await runCli(['insights', '--rule', rule, '--logs', logs, '--period', '1h', '--out', dir], io)).toBe(2);
    expect(io.err).toContain('is a folder; --out names the CSV file to write');
  });

  it('JSON rule with Sum over $. keys and 5-minute periods', async () => {
    const rule = {
      Schema: { Name: 'CloudWatchLogRule', Version: 1 },
      LogGroupNames: ['/aws/lambda/*'],
      LogFormat: 'JSON',
      Contribution: { Keys: ['$.record.functionName'], ValueOf: '$.record.metrics.durationMs', Filters: [{ Match: '$.type', In: ['platform.report'] }] },
      AggregateOn: 'Sum',
    };
    const report = (t: number, fn: string, ms: number) =>
      eventLine({ timestamp: t, message: JSON.stringify({ time: '', type: 'platform.report', record: { functionName: fn, metrics: { durationMs: ms } } }) });
    const lines = [report(T0 + 1000, 'a', 1.25), report(T0 + 299_999, 'a', 2), report(T0 + 300_000, 'a', 4), report(T0 + 2000, 'b', 10), eventLine({ timestamp: T0, message: 'plain text' })];
    const { rule: ruleFile, logs } = setup(rule, lines);
    const io = captureIo();
    expect(await runCli(['insights', '--rule', ruleFile, '--logs', logs, '--period', '5m'], io)).toBe(0);
    expect(io.out).toBe(
      [
        'period_start_ms,period_start,$.record.functionName,value',
        `${T0},2024-01-01T00:00:00.000Z,b,10`,
        `${T0},2024-01-01T00:00:00.000Z,a,3.25`,
        `${T0 + 300_000},2024-01-01T00:05:00.000Z,a,4`,
        '',
      ].join('\n'),
    );
  });
});
