/**
 * The INIT_START log read back as CloudWatch would: every line through R16's Contributor
 * Insights rule (the project's own evaluator), and the rule's hourly report of a rollout.
 */
import { describe, expect, it } from 'vitest';
import { addContribution, contributorRows, newAggregation } from '../../src/insights/aggregate.js';
import { clfFields } from '../../src/insights/clfFields.js';
import { compileRule, type CompiledRule } from '../../src/insights/compileRule.js';
import { contributionOf } from '../../src/insights/evaluate.js';
import { parseLogLine, type LogEvent } from '../../src/insights/logEvent.js';
import { runtimeVersionArn, RUNTIME_VERSION_ARN_PATTERN } from '../../src/model/catalog/arn.js';
import { buildVersionTable } from '../../src/model/catalog/versionTable.js';
import { generateInitStartEvents } from '../../src/model/logs/initStartLog.js';
import { SIM_EPOCH_MS } from '../../src/model/logs/names.js';
import { initStartLines, logStreamName } from '../../src/output/initStartNdjson.js';
import { R16_RULE } from '../insights/fixtures.js';
import { changeRows, fleetColumns } from '../model/logs/initStartFixture.js';
import { HOUR, release, scenario, weights } from '../model/scenarioFixture.js';

const V1 = 0; // python:3.12.v14
const V2 = 1; // python:3.12.v15

function r16(): CompiledRule {
  const result = compileRule(R16_RULE);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.rule;
}

/**
 * 2000 functions in 3 regions × 2 architectures, each moving from v1 to v2 at its own time,
 * evenly spread over hours 1–9 of a 10-hour run; every init written (sample 1).
 */
function rollout(replication = 0) {
  const s = scenario({
    horizonMs: 10 * HOUR,
    fleet: {
      regions: weights({ 'us-east-1': 1, 'eu-west-1': 1, 'ap-east-2': 1 }),
      architectures: weights({ x86_64: 1, arm64: 1 }),
    },
    releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15' })],
    catalog: { arnHashPerRegion: true },
  });
  const versions = buildVersionTable(s);
  const n = 2000;
  const moveMs = (f: number): number => Math.round(HOUR + ((f + 0.5) / n) * 8 * HOUR);
  const functions = fleetColumns(
    Array.from({ length: n }, (_, f) => ({ region: f % 3, architecture: f % 2, hasAlias: f % 4 === 0, invocationsPerDay: 1e6 })),
  );
  // An alias function (every 4th) serves published version 1 at first; its move is a deploy
  // that publishes version 2 and moves the alias to it (R14).
  const changes = changeRows(Array.from({ length: n }, (_, f) => ({
    atMs: moveMs(f), functionId: f, fromVersion: V1, toVersion: V2, qualifier: f % 4 === 0 ? 2 : 0, architecture: f % 2,
  })));
  const events = generateInitStartEvents({ scenario: s, versions, seed: 3, replication, functions, changes, sample: 1 });
  const lines = [...initStartLines(s, versions, events, functions)];
  return { s, versions, functions, events, lines, moveMs };
}

function parsed(line: string): LogEvent {
  const result = parseLogLine(line);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

describe('initStartLines', () => {
  const { s, versions, functions, events, lines, moveMs } = rollout();

  it('writes one FilterLogEvents-shaped event per init, keys in order', () => {
    expect(lines).toHaveLength(events.length);
    lines.forEach((line, i) => {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toMatch(/\n/);
      const object = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(object)).toEqual(['timestamp', 'logGroupName', 'logStreamName', 'message']);
      const f = events.functionId[i]!;
      expect(object.timestamp).toBe(SIM_EPOCH_MS + events.timestampMs[i]!);
      expect(object.logGroupName).toBe(`/aws/lambda/fn-${String(f).padStart(7, '0')}`);
      const day = new Date(object.timestamp as number).toISOString().slice(0, 10).replaceAll('-', '/');
      expect(object.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[(\$LATEST|[1-9][0-9]*)\][0-9a-f]{32}$/);
      // aws-shapes.md: `[$LATEST]`, or the published version number serving at the init.
      const moved = events.timestampMs[i]! >= moveMs(f);
      const qualifier = f % 4 !== 0 ? '$LATEST' : moved ? '2' : '1';
      expect((object.logStreamName as string).startsWith(`${day}/[${qualifier}]`)).toBe(true);
    });
  });

  it('R16: every line gives the version label as field 4 and its catalog ARN as field 8', () => {
    const rule = r16();
    const regions = s.fleet.regions.map((w) => w.name);
    const architectures = s.fleet.architectures.map((w) => w.name);
    lines.forEach((line, i) => {
      const event = parsed(line);
      const f = events.functionId[i]!;
      const label = versions.label[events.version[i]!]!;
      const arn = runtimeVersionArn(regions[functions.region[f]!]!, label, architectures[functions.architecture[f]!]!, true);
      expect(arn).toMatch(RUNTIME_VERSION_ARN_PATTERN);
      expect(contributionOf(rule, event)).toEqual({ keys: [label, arn], value: 1 });
      const fields = clfFields(event.message);
      expect([fields[0], fields[3], fields[7]]).toEqual(['INIT_START', label, arn]);
    });
    // R6: the six (region, architecture) pairs give six ARNs per version.
    const arns = new Set(lines.map((line) => clfFields(parsed(line).message)[7]));
    expect(arns.size).toBe(2 * 6);
  });

  it('R16\'s hourly report: v1\'s inits fall and v2\'s rise as functions move', () => {
    const rule = r16();
    const aggregation = newAggregation(HOUR);
    for (const line of lines) {
      const event = parsed(line);
      const c = contributionOf(rule, event);
      if (c !== undefined) addContribution(aggregation, event.timestampMs, c);
    }
    // Sum each label over its ARNs (R6: one ARN per region and architecture).
    const perHour = Array.from({ length: 10 }, () => ({ v1: 0, v2: 0 }));
    for (const row of contributorRows(aggregation)) {
      const hour = (row.periodStartMs - SIM_EPOCH_MS) / HOUR;
      perHour[hour]![row.keys[0] === versions.label[V1] ? 'v1' : 'v2'] += row.value;
    }
    expect(perHour[0]!.v2).toBe(0); // no function has moved yet
    expect(perHour[9]!.v1).toBe(0); // every function has moved
    // Hours 1–8 hold the moves: each hour about 1/8 of 2000 × 3.3 / 2 h ≈ 410 inits shift from
    // v1 to v2, over 5 Poisson standard errors of the difference of two hours (≈ 81).
    for (let h = 1; h <= 8; h++) {
      expect(perHour[h]!.v1).toBeLessThan(perHour[h - 1]!.v1);
      expect(perHour[h]!.v2).toBeGreaterThan(perHour[h - 1]!.v2);
    }
  });

  it('never logs a version before the function switched to it', () => {
    for (let i = 0; i < events.length; i++) {
      const moved = events.timestampMs[i]! >= moveMs(events.functionId[i]!);
      expect(events.version[i]).toBe(moved ? V2 : V1);
    }
  });

  it('gives each environment its own stream name', () => {
    const streams = new Set(lines.map((line) => (JSON.parse(line) as { logStreamName: string }).logStreamName));
    expect(streams.size).toBe(lines.length);
    expect(logStreamName(SIM_EPOCH_MS, 0, 5, 2)).toBe(logStreamName(SIM_EPOCH_MS, 0, 5, 2));
    expect(logStreamName(SIM_EPOCH_MS, 0, 5, 2)).not.toBe(logStreamName(SIM_EPOCH_MS, 1, 5, 2));
  });

  it('is deterministic: the same input gives byte-identical lines', () => {
    expect(rollout().lines).toEqual(lines);
    expect(rollout(1).lines).not.toEqual(lines);
  });
});
