/**
 * R16 end to end: a run with two releases writes its INIT_START log; R16's own Contributor
 * Insights rule, evaluated by `insights`, gives the picture the source page shows — each old
 * version's inits falling as the next one's rise.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { RUNTIME_VERSION_ARN_PATTERN } from '../../src/model/catalog/arn.js';

const R16_RULE = '{"Schema":{"Name":"CloudWatchLogRule","Version":1},"AggregateOn":"Count","Contribution":{"Filters":[{"Match":"eventType","In":["INIT_START"]}],"Keys":["runtimeVersion","runtimeVersionArn"]},"LogFormat":"CLF","LogGroupNames":["/aws/lambda/*"],"Fields":{"1":"eventType","4":"runtimeVersion","8":"runtimeVersionArn"}}';

const SCENARIO = `name: two python patches, INIT_START log
seed: 3
horizon: 30d
sampleEvery: 1d
fleet:
  functions: 2000
  regions: { eu-west-1: 1 }
  runtimes: { python3.12: 1 }
  updateModes: { Auto: 0.9, FunctionUpdate: 0.1 }
  deploys: { meanInterval: 10d }
  invocationsPerDay: { median: 20000, sigma: 1 }
  environmentLifetime: 2h
runtimes:
  python3.12: { current: python:3.12.v14 }
releases:
  - { runtime: python3.12, version: python:3.12.v15, at: 2d, regionInterval: 0s, phase2: { startAfter: 2d, duration: 4d } }
  - { runtime: python3.12, version: python:3.12.v16, at: 14d, regionInterval: 0s, phase2: { startAfter: 2d, duration: 4d } }
outputs:
  initStartLog: { sample: 0.05 }
`;

const io = (): CliIo & { out: string; err: string } => {
  const x = { out: '', err: '', stderrIsTty: false, stdout: (t: string) => void (x.out += t), stderr: (t: string) => void (x.err += t) };
  return x;
};

describe('INIT_START log + R16 rule', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrs-r16-'));
  writeFileSync(join(dir, 'two.yaml'), SCENARIO);
  writeFileSync(join(dir, 'rule.json'), R16_RULE);
  const runCode = await runCli(['run', join(dir, 'two.yaml'), '--out', join(dir, 'out'), '--quiet'], io());
  const insightsIo = io();
  const insightsCode = await runCli(['insights', '--rule', join(dir, 'rule.json'), '--logs', join(dir, 'out', 'init_start.ndjson'), '--period', '1d'], insightsIo);
  const rows = insightsIo.out.trim().split('\n').slice(1).map((l) => l.split(','));

  it('runs and evaluates', () => {
    expect(runCode).toBe(0);
    expect(insightsCode).toBe(0);
    expect(rows.length).toBeGreaterThan(30);
  });

  it('field 4 is the version label and field 8 its ARN, in the real pattern', () => {
    for (const r of rows) {
      expect(['python:3.12.v14', 'python:3.12.v15', 'python:3.12.v16']).toContain(r[2]);
      expect(r[3]).toMatch(RUNTIME_VERSION_ARN_PATTERN);
      expect(r[3]!.startsWith('arn:aws:lambda:eu-west-1::runtime:')).toBe(true);
    }
  });

  it("each old version's daily inits fall while the next one's rise, and they cross", () => {
    const byDay = new Map<string, number>();
    for (const r of rows) {
      const day = Math.floor(Number(r[0]) / 86_400_000);
      byDay.set(`${r[2]}@${day}`, (byDay.get(`${r[2]}@${day}`) ?? 0) + Number(r[4]));
    }
    const days = [...new Set(rows.map((r) => Math.floor(Number(r[0]) / 86_400_000)))].sort((a, b) => a - b);
    const d0 = days[0]!;
    const count = (v: string, d: number): number => byDay.get(`python:3.12.v${v}@${d0 + d}`) ?? 0;
    // Before v15: only v14. After phase 2 of v15 (day 8): v15 dominates. After v16's (day 20): v16.
    expect(count('14', 1)).toBeGreaterThan(10 * (count('15', 1) + 1));
    expect(count('15', 10)).toBeGreaterThan(10 * (count('14', 10) + 1));
    expect(count('16', 25)).toBeGreaterThan(10 * (count('15', 25) + 1));
    // The crossing: a day when v14 still leads, and a later one when v15 does.
    const firstV15Lead = days.findIndex((d) => count('15', d - d0) > count('14', d - d0));
    expect(firstV15Lead).toBeGreaterThan(2);
    expect(firstV15Lead).toBeLessThan(9);
  });
});
