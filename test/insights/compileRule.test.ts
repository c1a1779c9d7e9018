/** Invalid rules: every problem, with the key path and what is allowed. */
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/insights/compileRule.js';
import { formatRuleIssue, type RuleIssue } from '../../src/insights/ruleIssues.js';
import { R16_RULE } from './fixtures.js';

function issues(rule: unknown): RuleIssue[] {
  const result = compileRule(rule);
  if (result.ok) throw new Error('expected the rule to be refused');
  return result.issues;
}

const paths = (rule: unknown) => issues(rule).map((i) => i.path);
const messageAt = (rule: unknown, path: string) => issues(rule).find((i) => i.path === path)?.message ?? '';
const withContribution = (c: object) => ({ ...R16_RULE, Contribution: { ...R16_RULE.Contribution, ...c } });

describe('rule shape', () => {
  it('accepts R16 unchanged', () => {
    expect(compileRule(R16_RULE).ok).toBe(true);
  });

  it('refuses a rule that is not an object', () => {
    expect(issues([1])).toEqual([{ path: '', message: expect.stringContaining('must be a JSON object') }]);
  });

  it('names each wrong key path, all in one pass', () => {
    const rule = {
      Schema: { Name: 'CloudWatchLogsRule', Version: 2 },
      LogFormat: 'clf',
      Contribution: { Keys: [], Filters: [{ Match: 'eventType', In: [1] }] },
      AggregateOn: 'Max',
    };
    expect(paths(rule)).toEqual([
      'Schema.Name',
      'Schema.Version',
      'LogGroupNames',
      'LogFormat',
      'Contribution.Keys',
      'Contribution.Filters[0].In[0]',
      'AggregateOn',
    ]);
    expect(messageAt(rule, 'Schema.Name')).toBe('must be "CloudWatchLogRule", not "CloudWatchLogsRule"');
    expect(messageAt(rule, 'LogGroupNames')).toBe('is required');
    expect(messageAt(rule, 'LogFormat')).toBe('must be one of "CLF", "JSON", not "clf"');
    expect(messageAt(rule, 'Contribution.Filters[0].In[0]')).toBe('must be a string, not `1`');
    expect(messageAt(rule, 'AggregateOn')).toBe('must be one of "Count", "Sum", not "Max"');
  });

  it('refuses unknown keys with a did-you-mean and the allowed keys', () => {
    const rule = withContribution({ Key: ['runtimeVersion'], Filters: [{ Match: 'eventType', in: ['INIT_START'] }] });
    expect(messageAt(rule, 'Contribution.Key')).toContain('unknown key "Key" (did you mean "Keys"?); allowed here: "Keys", "ValueOf", "Filters"');
    expect(messageAt(rule, 'Contribution.Filters[0].in')).toContain('did you mean "In"?');
    expect(messageAt({ ...R16_RULE, LogGroupARNs: ['arn:aws:logs:*'] }, 'LogGroupARNs')).toContain('not supported');
  });

  it('enforces the documented limits: 4 keys, 4 filters, 10 strings per In', () => {
    expect(messageAt(withContribution({ Keys: ['1', '2', '3', '4', '5'] }), 'Contribution.Keys')).toBe('must list at most 4 items');
    const filter = { Match: 'eventType', In: ['INIT_START'] };
    expect(paths(withContribution({ Filters: [filter, filter, filter, filter, filter] }))).toEqual(['Contribution.Filters']);
    const eleven = Array.from({ length: 11 }, (_, i) => String(i));
    expect(paths(withContribution({ Filters: [{ Match: 'eventType', In: eleven }] }))).toEqual(['Contribution.Filters[0].In']);
  });

  it('checks operator value types', () => {
    expect(messageAt(withContribution({ Filters: [{ Match: 'eventType', GreaterThan: '5' }] }), 'Contribution.Filters[0].GreaterThan'))
      .toBe('must be a number, not "5"');
    expect(messageAt(withContribution({ Filters: [{ Match: 'eventType', EqualTo: [1] }] }), 'Contribution.Filters[0].EqualTo'))
      .toBe('must be a number or a string, not a list');
    expect(messageAt(withContribution({ Filters: [{ Match: 'eventType', IsPresent: 'yes' }] }), 'Contribution.Filters[0].IsPresent'))
      .toBe('must be `true` or `false`, not "yes"');
  });
});

describe('checks across keys', () => {
  it('a filter has exactly one operator', () => {
    expect(messageAt(withContribution({ Filters: [{ Match: 'eventType' }] }), 'Contribution.Filters[0]')).toContain('needs one operator');
    expect(messageAt(withContribution({ Filters: [{ Match: 'eventType', In: ['A'], IsPresent: true }] }), 'Contribution.Filters[0]'))
      .toContain('exactly one operator, found In and IsPresent');
  });

  it('CLF names must be defined in Fields (or be field positions)', () => {
    const rule = withContribution({ Keys: ['runtimeVersoin', '8'], Filters: [{ Match: 'event', In: ['INIT_START'] }] });
    expect(paths(rule)).toEqual(['Contribution.Keys[0]', 'Contribution.Filters[0].Match']);
    expect(messageAt(rule, 'Contribution.Keys[0]')).toContain('did you mean "runtimeVersion"?');
  });

  it('Fields: positions are whole numbers from 1; names are unique and not numbers', () => {
    const rule = { ...R16_RULE, Fields: { '0': 'a', x: 'b', '2': '7', '3': 'eventType', '1': 'eventType', '4': 'runtimeVersion', '8': 'runtimeVersionArn' } };
    expect(paths(rule).sort()).toEqual(['Fields.0', 'Fields.2', 'Fields.3', 'Fields.x']);
    expect(messageAt({ ...R16_RULE, LogFormat: 'JSON' }, 'Fields')).toContain('only allowed with LogFormat "CLF"');
  });

  it('JSON keys are $. paths', () => {
    const rule = { ...R16_RULE, LogFormat: 'JSON', Fields: undefined, Contribution: { Keys: ['$.ip', 'ip'], Filters: [{ Match: '$.a[x]', In: ['1'] }] } };
    expect(paths(rule)).toEqual(['Contribution.Keys[1]', 'Contribution.Filters[0].Match']);
  });

  it('Sum needs ValueOf; Count refuses it', () => {
    expect(paths({ ...R16_RULE, AggregateOn: 'Sum' })).toEqual(['Contribution']);
    expect(paths(withContribution({ ValueOf: 'runtimeVersion' }))).toEqual(['Contribution.ValueOf']);
  });

  it('* only at the end of a log group name; keys listed once', () => {
    expect(paths({ ...R16_RULE, LogGroupNames: ['/aws/*/fn', '/aws/lambda/*'] })).toEqual(['LogGroupNames[0]']);
    expect(paths(withContribution({ Keys: ['runtimeVersion', 'runtimeVersion'] }))).toEqual(['Contribution.Keys[1]']);
  });

  it('formats an issue as file: path: message', () => {
    expect(formatRuleIssue('rule.json', { path: 'Contribution.Keys', message: 'is required' })).toBe('rule.json: Contribution.Keys: is required');
    expect(formatRuleIssue('rule.json', { path: '', message: 'bad' })).toBe('rule.json: bad');
  });
});
