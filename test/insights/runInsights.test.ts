/** R16: the documented rule, unchanged, over real-format INIT_START lines (with the TAB). */
import { describe, expect, it } from 'vitest';
import { addContribution, contributorRows, newAggregation } from '../../src/insights/aggregate.js';
import { compileRule } from '../../src/insights/compileRule.js';
import { contributionOf } from '../../src/insights/evaluate.js';
import { parseLogLine } from '../../src/insights/logEvent.js';
import { reportCsvLines, runInsights } from '../../src/insights/runInsights.js';
import { ARN_V15, ARN_V16, HOUR_MS, R16_RULE, T0, initStart, rolloutLines, tempDir, writeTemp } from './fixtures.js';

describe('R16 rule on INIT_START lines', () => {
  it('reads field 1 as INIT_START, 4 as the version label and 8 as the ARN', () => {
    const compiled = compileRule(R16_RULE);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const event = { timestampMs: T0, logGroupName: '/aws/lambda/f', message: initStart('python:3.12.v15', ARN_V15) };
    expect(contributionOf(compiled.rule, event)).toEqual({ keys: ['python:3.12.v15', ARN_V15], value: 1 });
    expect(contributionOf(compiled.rule, { ...event, message: 'START RequestId: 1 Version: $LATEST' })).toBeUndefined();
  });

  it('counts inits per version and ARN per hour: the old version falls as the new one rises', async () => {
    const dir = tempDir();
    const rule = writeTemp(dir, 'rule.json', JSON.stringify(R16_RULE));
    const logs = writeTemp(dir, 'logs.ndjson', rolloutLines().join('\n') + '\n');
    const report = await runInsights(rule, logs, HOUR_MS);
    expect(report.eventsRead).toBe(rolloutLines().length);
    expect(report.eventsMatched).toBe(5 + 1 + 3 + 3 + 1 + 6);
    const series = (label: string) => report.rows.filter((r) => r.keys[0] === label).map((r) => [r.periodStartMs - T0, r.value]);
    expect(series('python:3.12.v15')).toEqual([[0, 5], [HOUR_MS, 3], [2 * HOUR_MS, 1]]);
    expect(series('python:3.12.v16')).toEqual([[0, 1], [HOUR_MS, 3], [2 * HOUR_MS, 6]]);
    expect(report.rows.every((r) => r.keys[1] === (r.keys[0] === 'python:3.12.v15' ? ARN_V15 : ARN_V16))).toBe(true);

    const csv = [...reportCsvLines(report)].join('');
    expect(csv).toBe(
      [
        'period_start_ms,period_start,runtimeVersion,runtimeVersionArn,value',
        `${T0},2024-01-01T00:00:00.000Z,python:3.12.v15,${ARN_V15},5`,
        `${T0},2024-01-01T00:00:00.000Z,python:3.12.v16,${ARN_V16},1`,
        // equal values: keys ascending
        `${T0 + HOUR_MS},2024-01-01T01:00:00.000Z,python:3.12.v15,${ARN_V15},3`,
        `${T0 + HOUR_MS},2024-01-01T01:00:00.000Z,python:3.12.v16,${ARN_V16},3`,
        `${T0 + 2 * HOUR_MS},2024-01-01T02:00:00.000Z,python:3.12.v16,${ARN_V16},6`,
        `${T0 + 2 * HOUR_MS},2024-01-01T02:00:00.000Z,python:3.12.v15,${ARN_V15},1`,
        '',
      ].join('\n'),
    );
  });

  it('gives the same rows whatever the order of the events', () => {
    const compiled = compileRule(R16_RULE);
    if (!compiled.ok) throw new Error('rule');
    const rowsOf = (lines: readonly string[]) => {
      const aggregation = newAggregation(HOUR_MS);
      for (const line of lines) {
        const parsed = parseLogLine(line);
        if (!parsed.ok) throw new Error(parsed.reason);
        const c = contributionOf(compiled.rule, parsed.event);
        if (c !== undefined) addContribution(aggregation, parsed.event.timestampMs, c);
      }
      return contributorRows(aggregation);
    };
    expect(rowsOf([...rolloutLines()].reverse())).toEqual(rowsOf(rolloutLines()));
  });
});
