/**
 * Time-to-patch survival: the report's Kaplan–Meier against the textbook estimate and against
 * the run's own binned estimator (src/analysis/kaplanMeier.ts) on the same data.
 */
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalQuantileMs } from '../../src/analysis/kaplanMeier.js';
import { kaplanMeierTable, survivalAt, survivalRows, SURVIVAL_BINS } from '../../src/report/data/survival.js';
import { MODE_DIMENSION, PACKAGE_DIMENSION } from '../../src/report/data/staleShare.js';

describe('kaplanMeierTable', () => {
  it('gives the textbook estimate, censorings at a time still at risk then', () => {
    // times 1,2,2(c),3,4(c),5: S = 5/6, then 4/5 · 5/6 at 2, then at 3: 2/3 of that, at 5: 0
    const counts = aq.table({ g: ['a', 'a', 'a', 'a', 'a'], t_days: [1, 2, 3, 4, 5], events: [1, 1, 1, 0, 1], n: [1, 2, 1, 1, 1] });
    const km = kaplanMeierTable(counts, ['g']).objects() as { t_days: number; s: number; at_risk: number }[];
    expect(km.map((r) => r.at_risk)).toEqual([6, 5, 3, 2, 1]);
    const s1 = 5 / 6;
    const s2 = s1 * (4 / 5);
    const s3 = s2 * (2 / 3);
    expect(km.map((r) => r.s)).toEqual([s1, s2, s3, s3, 0].map((x) => expect.closeTo(x, 12)));
  });

  it('steps: 1 before the first event, none after the last observation', () => {
    const steps = [{ t: 1, s: 0.8 }, { t: 3, s: 0.5 }];
    expect(survivalAt(steps, 0.5, 4)).toBe(1);
    expect(survivalAt(steps, 2, 4)).toBe(0.8);
    expect(survivalAt(steps, 3, 4)).toBe(0.5);
    expect(survivalAt(steps, 5, 4)).toBeNull();
  });
});

describe('survivalRows', () => {
  // A seeded sample: exponential patch times (rate 0.2/day), censored at a horizon of 30 days.
  let seed = 12345;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const horizon = 30;
  const rows = { set: [] as string[], replication: [] as number[], package_type: [] as string[], update_mode: [] as string[], t_days: [] as number[], patched: [] as number[] };
  for (let r = 0; r < 3; r++) {
    for (let i = 0; i < 3000; i++) {
      const published = rand() * 10;
      const t = -Math.log(1 - rand()) / 0.2;
      const censored = published + t > horizon;
      rows.set.push('s');
      rows.replication.push(r);
      rows.package_type.push('Zip');
      rows.update_mode.push(i % 3 === 0 ? 'FunctionUpdate' : 'Auto');
      rows.t_days.push(censored ? horizon - published : t);
      rows.patched.push(censored ? 0 : 1);
    }
  }
  const patches = aq.table(rows);
  const result = survivalRows(patches, horizon, 100);

  it('gives one curve per group and dimension, starting at 1 and falling', () => {
    const groups = new Set(result.curves.map((c) => `${c.dimension}/${c.group}`));
    expect(groups).toEqual(new Set([`${MODE_DIMENSION}/Auto`, `${MODE_DIMENSION}/FunctionUpdate`, `${PACKAGE_DIMENSION}/Zip`]));
    const zip = result.curves.filter((c) => c.group === 'Zip') as { t_days: number; mean: number; lo: number; hi: number }[];
    expect(zip[0]!.mean).toBe(1);
    for (let i = 1; i < zip.length; i++) expect(zip[i]!.mean).toBeLessThanOrEqual(zip[i - 1]!.mean);
    // S(t) = e^(−0.2 t) within the sampling error of 9000 pairs (a few binomial SEs).
    const at10 = zip.find((c) => Math.abs(c.t_days - 9.9) < 0.2)!;
    expect(Math.abs(at10.mean - Math.exp(-0.2 * at10.t_days))).toBeLessThan(0.03);
    expect(at10.lo).toBeLessThanOrEqual(at10.mean);
    expect(at10.hi).toBeGreaterThanOrEqual(at10.mean);
  });

  it('marks the half-life where the run\'s own binned estimator puts it (same bins)', () => {
    const half = result.marks.find((m) => m.group === 'Zip' && m.quantile === 'half-life')!;
    expect(half.reached).toBe(3);
    // The project's estimator on replication 0 alone, with the same bins.
    const binMs = (horizon / SURVIVAL_BINS) * 86_400_000;
    const patched = new Float64Array(SURVIVAL_BINS + 1);
    const censored = new Float64Array(SURVIVAL_BINS + 1);
    const perRep: number[] = [];
    for (let r = 0; r < 3; r++) {
      patched.fill(0);
      censored.fill(0);
      for (let i = 0; i < rows.t_days.length; i++) {
        if (rows.replication[i] !== r) continue;
        const b = Math.max(0, Math.ceil((rows.t_days[i]! * 86_400_000) / binMs - 1e-9) - 1);
        (rows.patched[i] === 1 ? patched : censored)[b]! += 1;
      }
      perRep.push(survivalQuantileMs(kaplanMeier({ binMs, patched, censored }), 0.5)! / 86_400_000);
    }
    const mean = perRep.reduce((a, b) => a + b, 0) / perRep.length;
    expect(half.t_days as number).toBeCloseTo(mean, 6);
    expect(Math.abs((half.t_days as number) - Math.log(2) / 0.2)).toBeLessThan(0.6);
  });
});
