/** Each documented operator, true and false, on CLF text and typed JSON leaves. */
import { describe, expect, it } from 'vitest';
import { passes, type FilterTest } from '../../src/insights/filters.js';
import { compileRule } from '../../src/insights/compileRule.js';
import { contributionOf } from '../../src/insights/evaluate.js';

const inSet = (...v: string[]): FilterTest => ({ op: 'In', values: new Set(v) });
const notIn = (...v: string[]): FilterTest => ({ op: 'NotIn', values: new Set(v) });

describe('filter operators', () => {
  it('In: the field text is one of the strings (ORed)', () => {
    expect(passes(inSet('PUT', 'POST'), 'POST')).toBe(true);
    expect(passes(inSet('PUT', 'POST'), 'GET')).toBe(false);
    expect(passes(inSet('PUT'), 'put')).toBe(false); // case sensitive
    expect(passes(inSet('200'), 200)).toBe(true); // a JSON number compares by its text
    expect(passes(inSet('PUT'), undefined)).toBe(false);
  });

  it('NotIn: the field is present and its text is none of the strings', () => {
    expect(passes(notIn('GET'), 'PUT')).toBe(true);
    expect(passes(notIn('GET', 'PUT'), 'PUT')).toBe(false);
    expect(passes(notIn('GET'), undefined)).toBe(false);
  });

  it('StartsWith: the field text starts with one of the prefixes', () => {
    const t: FilterTest = { op: 'StartsWith', prefixes: ['ec2', 'ecs'] };
    expect(passes(t, 'ecs.amazonaws.com')).toBe(true);
    expect(passes(t, 'lambda.amazonaws.com')).toBe(false);
    expect(passes(t, undefined)).toBe(false);
  });

  it('EqualTo with a number compares numbers; with a string, exact text', () => {
    expect(passes({ op: 'EqualTo', value: 200 }, 200)).toBe(true);
    expect(passes({ op: 'EqualTo', value: 200 }, '200')).toBe(true); // CLF fields are text
    expect(passes({ op: 'EqualTo', value: 200 }, '200.0')).toBe(true);
    expect(passes({ op: 'EqualTo', value: 200 }, 404)).toBe(false);
    expect(passes({ op: 'EqualTo', value: 200 }, 'OK')).toBe(false);
    expect(passes({ op: 'EqualTo', value: 'OK' }, 'OK')).toBe(true);
    expect(passes({ op: 'EqualTo', value: 'OK' }, 'ok')).toBe(false);
  });

  it('NotEqualTo: a numeric field with another value', () => {
    expect(passes({ op: 'NotEqualTo', value: 200 }, 404)).toBe(true);
    expect(passes({ op: 'NotEqualTo', value: 200 }, 200)).toBe(false);
    expect(passes({ op: 'NotEqualTo', value: 200 }, 'OK')).toBe(false); // not numeric
    expect(passes({ op: 'NotEqualTo', value: 200 }, undefined)).toBe(false);
  });

  it('GreaterThan and LessThan are strict numeric comparisons', () => {
    expect(passes({ op: 'GreaterThan', value: 10000 }, 10001)).toBe(true);
    expect(passes({ op: 'GreaterThan', value: 10000 }, '10000')).toBe(false);
    expect(passes({ op: 'GreaterThan', value: 10000 }, 'big')).toBe(false);
    expect(passes({ op: 'LessThan', value: 1.5 }, '-3')).toBe(true);
    expect(passes({ op: 'LessThan', value: 1.5 }, 1.5)).toBe(false);
    expect(passes({ op: 'LessThan', value: 1.5 }, true)).toBe(false);
  });

  it('IsPresent: whether the field has a leaf value', () => {
    expect(passes({ op: 'IsPresent', present: true }, 'x')).toBe(true);
    expect(passes({ op: 'IsPresent', present: true }, null)).toBe(true);
    expect(passes({ op: 'IsPresent', present: true }, undefined)).toBe(false);
    expect(passes({ op: 'IsPresent', present: false }, undefined)).toBe(true);
    expect(passes({ op: 'IsPresent', present: false }, 0)).toBe(false);
  });
});

describe('filters in a rule', () => {
  const rule = (filters: unknown[]) => {
    const compiled = compileRule({
      Schema: { Name: 'CloudWatchLogRule', Version: 1 },
      LogGroupNames: ['g'],
      LogFormat: 'JSON',
      Contribution: { Keys: ['$.ip'], Filters: filters },
      AggregateOn: 'Count',
    });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    return compiled.rule;
  };
  const event = (m: object) => ({ timestampMs: 0, logGroupName: 'g', message: JSON.stringify(m) });

  it('are ANDed', () => {
    const r = rule([{ Match: '$.httpMethod', In: ['PUT'] }, { Match: '$.status', EqualTo: 200 }]);
    expect(contributionOf(r, event({ ip: '1.2.3.4', httpMethod: 'PUT', status: 200 }))).toBeDefined();
    expect(contributionOf(r, event({ ip: '1.2.3.4', httpMethod: 'PUT', status: 500 }))).toBeUndefined();
    expect(contributionOf(r, event({ ip: '1.2.3.4', httpMethod: 'GET', status: 200 }))).toBeUndefined();
  });

  it('IsPresent sees leaves only, not objects', () => {
    const r = rule([{ Match: '$.details', IsPresent: true }]);
    expect(contributionOf(r, event({ ip: 'a', details: 'x' }))).toBeDefined();
    expect(contributionOf(r, event({ ip: 'a', details: { c1: 1 } }))).toBeUndefined();
  });
});
