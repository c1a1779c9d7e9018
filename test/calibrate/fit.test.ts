/**
 * fitScenario on observe's rows generated from known truth (R8, R14): one region, a release
 * published at 2 d; `$LATEST` function versions move at deploys (rate 1/20 per day) or, if Auto,
 * in phase 2 (uniform in [pub + 5 d, pub + 9 d]); published versions `[3]` move only in phase 2
 * (immutable, R14). Every function version inits every 2 h (exponential), so each move is seen
 * between two inits. With ten or more moves of published versions, the window comes from them
 * (direct method); the publication from the first sighting less its expected delay.
 */
import { describe, expect, it } from 'vitest';
import { fitScenario } from '../../src/calibrate/fit.js';
import type { Observed } from '../../src/calibrate/readObserved.js';
import { createStream } from '../../src/kernel/random.js';
import type { FunctionRow, TransitionRow, VersionRow } from '../../src/observe/tables.js';

const H = 3_600_000;
const D = 24 * H;
const EPOCH = Date.UTC(2026, 0, 1);
const PUB = EPOCH + 2 * D;
const END = EPOCH + 20 * D;
const ARN = (v: number) => `arn:aws:lambda:eu-west-1::runtime:${String(v).repeat(64)}`;

function observed(): Observed {
  const s = createStream(11, 'fit-test', 0);
  const exp = (mean: number) => -mean * Math.log(1 - s.next());
  const functions: FunctionRow[] = [];
  const transitions: TransitionRow[] = [];
  let firstNew = Infinity;
  for (let i = 0; i < 300; i++) {
    const qualifier = i < 200 ? '$LATEST' : '3';
    const fn = `fn-${String(i % 200).padStart(4, '0')}`;
    const auto = i >= 200 || s.next() < 0.8;
    const deploy = qualifier === '$LATEST' ? PUB + exp(20 * D) : Infinity;
    const phase2 = auto ? PUB + 5 * D + s.next() * 4 * D : Infinity;
    const move = Math.min(deploy, phase2);
    let t = EPOCH + exp(2 * H);
    const first = t;
    let last = t;
    let inits = 0;
    let lastOld = NaN;
    let firstNewInit = NaN;
    for (; t < END; t += exp(2 * H)) {
      inits++;
      last = t;
      if (t < move) lastOld = t;
      else if (Number.isNaN(firstNewInit)) firstNewInit = t;
    }
    const moved = !Number.isNaN(firstNewInit);
    if (moved) {
      transitions.push({ fn, region: 'eu-west-1', qualifier, fromLabel: 'python:3.12.v14', toLabel: 'python:3.12.v15', lastOldMs: lastOld, firstNewMs: firstNewInit });
      firstNew = Math.min(firstNew, firstNewInit);
    }
    const label = moved ? 'python:3.12.v15' : 'python:3.12.v14';
    functions.push({ fn, region: 'eu-west-1', qualifier, runtime: 'python3.12', label, arn: ARN(moved ? 2 : 1), lastMs: last, versionsBehind: moved ? 0 : 1, daysBehind: 0, firstMs: first, inits, inventory: null });
  }
  const versions: VersionRow[] = [
    { runtime: 'python3.12', label: 'python:3.12.v14', region: 'eu-west-1', arn: ARN(1), firstMs: Math.min(...functions.map((f) => f.firstMs)), lastMs: END, functions: 300, inits: 0 },
    { runtime: 'python3.12', label: 'python:3.12.v15', region: 'eu-west-1', arn: ARN(2), firstMs: firstNew, lastMs: END, functions: transitions.length, inits: 0 },
  ];
  return {
    dir: 'x', versions, functions, transitions, withInventory: false,
    rank: new Map([['python3.12\u0000python:3.12.v14', 0], ['python3.12\u0000python:3.12.v15', 1]]),
    startMs: versions[0]!.firstMs, endMs: END,
  };
}

describe('fitScenario', () => {
  const fit = fitScenario(observed());
  const release = fit.releases[0]!;

  it('takes phase 2 from the moves of published versions (R14), within one init gap plus margin', () => {
    expect(release.window?.value.method).toBe('direct');
    expect(release.window?.evidence).toMatch(/published versions \(\[N\] streams; R14/);
    const w = release.window!.value;
    // The direct window is an outer bound widened by about one init gap (2 h) at each end, plus
    // the publication's error (≈ one expected first-sighting delay, a few hours): 12 h.
    expect(Math.abs(w.startAfterMs - 5 * D)).toBeLessThanOrEqual(12 * H);
    expect(Math.abs(w.startAfterMs + w.durationMs - 9 * D)).toBeLessThanOrEqual(12 * H);
  });

  it('puts the publication within 12 h of the truth', () => {
    expect(release.publications).toHaveLength(1);
    expect(Math.abs(fit.epochMs + release.publications[0]!.atMs - PUB)).toBeLessThanOrEqual(12 * H);
  });

  it('counts published versions and functions, and time 0 is the first init\'s day', () => {
    expect(fit.epochMs).toBe(EPOCH);
    expect(fit.functions.value).toBe(200);
    expect(fit.publishedVersionShare.value).toBe(0.5);
  });
});
