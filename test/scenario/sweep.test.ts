/**
 * `sweep`: every swept value is checked like the rest of the file and its errors point at
 * the value's own line and column; valid sweeps expand to the Cartesian product, first key
 * outermost, each point normalised like a file.
 */
import { describe, expect, it } from 'vitest';
import { formatScenarioError, parseScenario, type LoadResult, type ScenarioError } from '../../src/scenario/load.js';
import { scenarioFileSchema } from '../../src/scenario/fileSchema.js';
import { parseSweepPath } from '../../src/scenario/sweepPath.js';

const DAY = 86_400_000;

const BASE = [
  'name: sweep',
  'horizon: 20d',
  'fleet:',
  '  functions: 100',
  '  regions: { us-east-1: 1 }',
  '  runtimes: { python3.12: 1, nodejs20.x: 1 }',
  'releases:',
  '  - runtime: python3.12',
  '    version: python:3.12.v2',
  '    at: 5d',
  'sweep:',
];

function errorsOf(lines: readonly string[]): ScenarioError[] {
  const result = parseScenario([...BASE, ...lines].join('\n') + '\n', 's.yaml');
  if (result.ok) throw new Error('expected errors, the scenario loaded');
  return result.errors;
}

function load(lines: readonly string[]): Extract<LoadResult, { ok: true }> {
  const result = parseScenario([...BASE, ...lines].join('\n') + '\n', 's.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result;
}

/** `line:col` of `text` in the sweep line `k` (0-based, after BASE), as an editor counts. */
function at(lines: readonly string[], k: number, text: string, from = 0): string {
  const line = lines[k]!;
  const col = line.indexOf(text, from);
  if (col < 0) throw new Error(`\`${text}\` not in \`${line}\``);
  return `s.yaml:${BASE.length + k + 1}:${col + 1}`;
}

describe('sweep values are checked in place', () => {
  const lines = [
    '  releases[0].phase2.duration: [3d, 3 days, 7d]',
    '  fleet.updateModes.Auto: [0.5, -1]',
    '  horizon: [30d, 2d]',
    '  fleet.runtimes.python3.12: [1, x]',
    '  releases[3].at: [1d]',
  ];
  const errors = errorsOf(lines).map(formatScenarioError);

  it('a value of the wrong form, at its own line:col, with the words the loader uses', () => {
    expect(errors).toContain(`${at(lines, 0, '3 days')} releases[0].phase2.duration: \`3 days\` is not a duration (allowed: a duration ≥ 0, like 30m, 6h, 14d, 2w (units ms, s, m, h, d, w))`);
    expect(errors).toContain(`${at(lines, 1, '-1')} fleet.updateModes.Auto: must be at least 0 (allowed: a number ≥ 0 (weights are normalised to sum 1))`);
  });

  it('a runtime key with dots in it (fleet.runtimes.python3.12) is parsed against the schema', () => {
    expect(errors).toContain(`${at(lines, 3, 'x]')} fleet.runtimes.python3.12: expected a number, got \`x\` (allowed: a number ≥ 0 (weights are normalised to sum 1))`);
  });

  it('a cross-field rule the value breaks is reported at the value, naming both keys', () => {
    expect(errors).toContain(`${at(lines, 2, '2d')} releases[0].at: with horizon = \`2d\`: at (5d) must be before the horizon (2d), or the release never happens`);
  });

  it('a list index the file does not have', () => {
    expect(errors).toContain(`${at(lines, 4, '1d')} releases[3].at: \`releases[3]\` does not exist in the file (the list has 1 item)`);
  });

  it('and nothing else: the good values and the file as written are fine', () => {
    expect(errors).toHaveLength(5);
  });
});

describe('sweep keys', () => {
  it('an unknown key in a path, at the sweep key, with a did-you-mean', () => {
    const lines = ['  fleet.updateMode.Auto: [0.5]'];
    expect(errorsOf(lines).map(formatScenarioError)).toEqual([
      `${at(lines, 0, 'fleet')} sweep.fleet.updateMode.Auto: sweep path \`fleet.updateMode.Auto\`: unknown key \`updateMode\`; did you mean \`updateModes\`? (allowed: functions, regions, architectures, runtimes, packageTypes, updateModes, publishedVersionShare, deploys, imageRebuilds, invocationsPerDay, environmentLifetime, invocationDuration, createdPerDay, publishedVersions, configUpdates, switchAutoTo, inventory, idleEnvironments)`,
    ]);
  });

  it('an unknown name in a name-keyed map', () => {
    const lines = ['  fleet.regions.eu-wset-1: [0.5]'];
    expect(errorsOf(lines)[0]!.message).toBe('sweep path `fleet.regions.eu-wset-1`: unknown region `eu-wset-1`; did you mean `eu-west-1`?');
  });

  it('batch-wide keys cannot be swept', () => {
    for (const key of ['seed', 'replications', 'outputs.events']) {
      const errors = errorsOf([`  ${key}: [1, 2]`]);
      expect(errors[0]!.message, key).toContain('cannot be swept');
    }
  });

  it('the same key twice (bare and quoted) or one inside another is refused', () => {
    const twice = ['  fleet.runtimes.python3.12: [1]', '  fleet.runtimes["python3.12"]: [2]'];
    expect(errorsOf(twice).map(formatScenarioError)).toEqual([
      `${at(twice, 1, 'fleet')} sweep.fleet.runtimes["python3.12"]: sweeps the same key as \`fleet.runtimes.python3.12\` (\`fleet.runtimes["python3.12"]\`); list each key once`,
    ]);
    const nested = ['  releases[0]: [{ runtime: python3.12, version: python:3.12.v3, at: 1d }]', '  releases[0].at: [2d]'];
    expect(errorsOf(nested)[0]!.message).toBe('`releases[0].at` lies inside `releases[0]`, which is swept too; sweep one or the other');
  });

  it('values must be a non-empty list', () => {
    const lines = ['  horizon: 30d', '  fleet.functions: []'];
    expect(errorsOf(lines).map((e) => `${e.line}:${e.col} ${e.path}: ${e.message}`)).toEqual([
      `${BASE.length + 1}:12 sweep.horizon: expected a list, got \`30d\``,
      `${BASE.length + 2}:20 sweep.fleet.functions: must not be an empty list; leave the key out instead`,
    ]);
  });

  it('a map value is checked inside: the error points at the key in the swept map', () => {
    const lines = ['  fleet.regions:', '    - { us-east-1: 1 }', '    - { eu-wset-1: 1 }'];
    const errors = errorsOf(lines).map((e) => `s.yaml:${e.line}:${e.col} ${e.path}: ${e.message}`);
    // As in a file: the unknown name at its key, and the map it leaves without a weight.
    expect(errors).toEqual([
      `${at(lines, 2, '{')} fleet.regions: the weights sum to 0; give at least one region a positive weight`,
      `${at(lines, 2, 'eu-wset-1')} fleet.regions.eu-wset-1: unknown region \`eu-wset-1\`; did you mean \`eu-west-1\`?`,
    ]);
  });

  it('a combination that no single value breaks is reported at `sweep`, naming the point', () => {
    // Each value is fine with the file's other values; a release at 10d and a horizon of 8d are not.
    const lines = ['  releases[0].at: [1d, 10d]', '  horizon: [20d, 8d]'];
    const errors = errorsOf(lines);
    expect(errors.map((e) => `${e.line}:${e.col}`)).toEqual([`${BASE.length}:1`]);
    expect(errors[0]!.message).toBe('sweep point 3 (releases[0].at = `10d`, horizon = `8d`): releases[0].at: at (10d) must be before the horizon (8d), or the release never happens');
  });

  it('at most 10,000 points', () => {
    const values = `[${Array.from({ length: 101 }, (_, i) => i + 1).join(', ')}]`;
    const errors = errorsOf([`  fleet.functions: ${values}`, `  fleet.createdPerDay: ${values}`]);
    expect(errors[0]!.message).toBe('the sweep expands to 10,201 points; at most 10,000 are allowed');
  });
});

describe('sweep points', () => {
  it('the Cartesian product, first key outermost, each point normalised', () => {
    const { scenario, sweep } = load(['  releases[0].phase2.duration: [3d, 14d]', '  fleet.runtimes["python3.12"]: [1, 3, 0]']);
    expect(sweep!.parameters.map((p) => [p.key, p.path])).toEqual([
      ['releases[0].phase2.duration', ['releases', 0, 'phase2', 'duration']],
      ['fleet.runtimes["python3.12"]', ['fleet', 'runtimes', 'python3.12']],
    ]);
    expect(sweep!.points.map((p) => p.values)).toEqual([['3d', 1], ['3d', 3], ['3d', 0], ['14d', 1], ['14d', 3], ['14d', 0]]);
    const p4 = sweep!.points[4]!.scenario;
    expect(p4.releases[0]!.phase2.durationMs).toBe(14 * DAY);
    expect(p4.fleet.runtimes).toEqual([{ name: 'python3.12', weight: 0.75 }, { name: 'nodejs20.x', weight: 0.25 }]);
    expect(sweep!.points[2]!.scenario.fleet.runtimes).toEqual([{ name: 'nodejs20.x', weight: 1 }]);
    // The scenario as written is unchanged (phase 2 default 7d).
    expect(scenario.releases[0]!.phase2.durationMs).toBe(7 * DAY);
  });

  it('a key the file leaves to its default can be swept', () => {
    const { sweep } = load(['  fleet.deploys.rateShape: [0.5, 2]']);
    expect(sweep!.points.map((p) => p.scenario.fleet.deploys.rateShape)).toEqual([0.5, 2]);
  });

  it('no sweep: sweep is null', () => {
    const result = parseScenario(BASE.slice(0, -1).join('\n'), 's.yaml');
    expect(result.ok && result.sweep).toBeNull();
  });
});

describe('sweep paths', () => {
  const parse = (text: string): unknown => {
    const r = parseSweepPath(text, scenarioFileSchema);
    return r.ok ? r.path : r.message;
  };

  it('follow the error messages\' syntax, with runtime ids that contain dots', () => {
    expect(parse('releases[0].phase2.duration')).toEqual(['releases', 0, 'phase2', 'duration']);
    expect(parse('fleet.runtimes.python3.12')).toEqual(['fleet', 'runtimes', 'python3.12']);
    expect(parse('runtimes.python3.12.current')).toEqual(['runtimes', 'python3.12', 'current']);
    expect(parse('releases[0].regionOrder[1][0]')).toEqual(['releases', 0, 'regionOrder', 1, 0]);
  });

  it('accept a quoted key', () => {
    expect(parse('fleet.runtimes["python3.12"]')).toEqual(['fleet', 'runtimes', 'python3.12']);
    expect(parse('fleet.runtimes.["nodejs20.x"]')).toEqual(['fleet', 'runtimes', 'nodejs20.x']);
  });

  it('say what is wrong', () => {
    expect(parse('')).toContain('is not a key path: it is empty');
    expect(parse('releases.at')).toContain('`releases` is a list; continue with an index, e.g. `releases[0]`');
    expect(parse('fleet[0]')).toContain('`fleet` is not a list');
    expect(parse('horizon.days')).toContain('`horizon` is a single value and has no keys below it');
    expect(parse('fleet.runtimes["python3.12')).toContain('is not closed');
  });
});
