/** JSON rules with `$.` keys and Sum; CLF rules by alias and by field position. */
import { describe, expect, it } from 'vitest';
import { addContribution, contributorRows, newAggregation } from '../../src/insights/aggregate.js';
import { compileRule, type CompiledRule } from '../../src/insights/compileRule.js';
import { contributionOf } from '../../src/insights/evaluate.js';
import type { LogEvent } from '../../src/insights/logEvent.js';

function compiled(rule: object): CompiledRule {
  const result = compileRule(rule);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.rule;
}

/** The documented JSON example: bytes per IP for PUT requests. */
const SUM_RULE = {
  Schema: { Name: 'CloudWatchLogRule', Version: 1 },
  LogGroupNames: ['API-Gateway-Access-Logs*', 'Log-group-name2'],
  LogFormat: 'JSON',
  Contribution: { Keys: ['$.ip', '$.user.name'], ValueOf: '$.requestBytes', Filters: [{ Match: '$.httpMethod', In: ['PUT'] }] },
  AggregateOn: 'Sum',
};

const json = (message: unknown, timestampMs = 0, logGroupName = 'API-Gateway-Access-Logs-prod'): LogEvent =>
  ({ timestampMs, logGroupName, message: typeof message === 'string' ? message : JSON.stringify(message) });

describe('JSON rules', () => {
  const rule = compiled(SUM_RULE);

  it('keys are $. paths into the message; Sum adds ValueOf', () => {
    const events = [
      json({ ip: '10.0.0.1', user: { name: 'ana' }, httpMethod: 'PUT', requestBytes: 100 }),
      json({ ip: '10.0.0.1', user: { name: 'ana' }, httpMethod: 'PUT', requestBytes: 250.5 }),
      json({ ip: '10.0.0.2', user: { name: 'bo' }, httpMethod: 'PUT', requestBytes: '40' }), // numeric text counts
      json({ ip: '10.0.0.2', user: { name: 'bo' }, httpMethod: 'GET', requestBytes: 999 }), // filtered out
    ];
    const aggregation = newAggregation(60_000);
    for (const e of events) {
      const c = contributionOf(rule, e);
      if (c !== undefined) addContribution(aggregation, e.timestampMs, c);
    }
    expect(contributorRows(aggregation)).toEqual([
      { periodStartMs: 0, keys: ['10.0.0.1', 'ana'], value: 350.5 },
      { periodStartMs: 0, keys: ['10.0.0.2', 'bo'], value: 40 },
    ]);
  });

  it('skips events whose ValueOf is missing or not numeric', () => {
    expect(contributionOf(rule, json({ ip: 'a', user: { name: 'x' }, httpMethod: 'PUT', requestBytes: 'lots' }))).toBeUndefined();
    expect(contributionOf(rule, json({ ip: 'a', user: { name: 'x' }, httpMethod: 'PUT' }))).toBeUndefined();
    expect(contributionOf(rule, json({ ip: 'a', user: { name: 'x' }, httpMethod: 'PUT', requestBytes: true }))).toBeUndefined();
  });

  it('skips messages that are not JSON, events missing a key, and other log groups', () => {
    expect(contributionOf(rule, json('INIT_START Runtime Version: python:3.12.v15'))).toBeUndefined();
    expect(contributionOf(rule, json({ ip: 'a', httpMethod: 'PUT', requestBytes: 1 }))).toBeUndefined();
    expect(contributionOf(rule, json({ ip: 'a', user: { name: 'x' }, httpMethod: 'PUT', requestBytes: 1 }, 0, 'other'))).toBeUndefined();
    expect(contributionOf(rule, json({ ip: 'a', user: { name: 'x' }, httpMethod: 'PUT', requestBytes: 1 }, 0, 'Log-group-name2'))).toBeDefined();
  });

  it('reads list indices and gives numbers and booleans as text', () => {
    const r = compiled({ ...SUM_RULE, AggregateOn: 'Count', Contribution: { Keys: ['$.users[1].name', '$.code', '$.ok'] } });
    expect(contributionOf(r, json({ users: [{ name: 'a' }, { name: 'b' }], code: 200, ok: false }))).toEqual({ keys: ['b', '200', 'false'], value: 1 });
  });
});

describe('CLF rules', () => {
  it('keys may be Fields names or field positions; white space runs (spaces, TABs) separate fields', () => {
    const r = compiled({
      Schema: { Name: 'CloudWatchLogRule', Version: 1 },
      LogGroupNames: ['vpc-flow'],
      LogFormat: 'CLF',
      Fields: { '4': 'srcaddr', '10': 'bytes' },
      Contribution: { Keys: ['srcaddr', '13'], ValueOf: 'bytes', Filters: [{ Match: '13', In: ['REJECT'] }] },
      AggregateOn: 'Sum',
    });
    // A VPC flow log record, with a double space and a TAB.
    const message = '2 123456789010 eni-1235b8ca123456789  172.31.16.139 172.31.16.21 20641 22 6 20\t4249 1418530010 1418530070 REJECT OK';
    expect(contributionOf(r, { timestampMs: 0, logGroupName: 'vpc-flow', message })).toEqual({ keys: ['172.31.16.139', 'REJECT'], value: 4249 });
    expect(contributionOf(r, { timestampMs: 0, logGroupName: 'vpc-flow', message: message.replace('REJECT', 'ACCEPT') })).toBeUndefined();
    expect(contributionOf(r, { timestampMs: 0, logGroupName: 'vpc-flow', message: '2 1234 10.0.0.1' })).toBeUndefined(); // too few fields
  });
});
