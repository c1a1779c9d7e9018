/**
 * Exposure to bad releases: failed invocations over time by region, exposed functions by
 * wave and update mode, and the distributions of time to detect and to roll back.
 */
import * as aq from 'arquero';
import type { ReportData } from '../types.js';
import { colorScale, LINE_LEGEND, omitted, perSet, setsIn, topLevel, type ChartEntry, type VlSpec } from '../chart.js';
import { DETECT, exposedByWaveRows, failureProfile, responseTimeRows, ROLLBACK } from '../data/exposure.js';

const NO_BAD_RELEASE = 'No function ran an incompatible version in this run (no bad release, or none reached a susceptible function): nothing to chart.';

function hasExposure(data: ReportData): boolean {
  return data.exposure !== null && data.exposure.numRows() > 0;
}

export function failedOverTimeSpec(byRegion: readonly Record<string, unknown>[], total: readonly Record<string, unknown>[], sets: readonly string[], bands: boolean, binHours: number): VlSpec {
  const x = { field: 'day', type: 'quantitative', title: 'days since start', scale: { nice: false } };
  const values = [...byRegion.map((r) => ({ ...r, kind: 'region' })), ...total.map((r) => ({ ...r, kind: 'total' }))];
  const regions = new Set(byRegion.map((r) => r.region)).size;
  return topLevel(perSet(sets, (filter) => ({
    width: 700,
    height: 220,
    layer: [
      ...(bands ? [{
        transform: [...filter, { filter: { field: 'kind', equal: 'total' } }],
        mark: { type: 'area', interpolate: 'step-after', color: '#000', opacity: 0.12 },
        encoding: { x, y: { field: 'lo', type: 'quantitative', title: 'failed invocations per day' }, y2: { field: 'hi' } },
      }] : []),
      {
        transform: [...filter, { filter: { field: 'kind', equal: 'region' } }],
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.9 },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative', stack: 'zero', title: 'failed invocations per day' },
          color: {
            field: 'region', type: 'nominal', title: 'region',
            scale: { scheme: regions > 10 ? 'tableau20' : 'tableau10' },
            legend: { symbolLimit: 40, columns: regions > 14 ? 2 : 1 },
          },
          tooltip: [{ field: 'region' }, { field: 'day', title: `bin start (day; ${binHours} h bins)`, format: '.2f' }, { field: 'mean', title: 'failed / day', format: ',.0f' }],
        },
      },
      ...(bands ? [{
        transform: [...filter, { filter: { field: 'kind', equal: 'total' } }],
        mark: { type: 'line', interpolate: 'step-after', color: '#000', strokeWidth: 0.8, strokeDash: [2, 2] },
        encoding: { x, y: { field: 'mean', type: 'quantitative' }, tooltip: [{ field: 'day', format: '.2f' }, { field: 'mean', title: 'all regions, failed / day', format: ',.0f' }, { field: 'lo', title: '95% CI low', format: ',.0f' }, { field: 'hi', title: '95% CI high', format: ',.0f' }] },
      }] : []),
    ],
  }), { scale: { x: 'shared', y: 'shared', color: 'shared' } }, setsIn(byRegion)), values, sets);
}

export function failedOverTimeChart(data: ReportData): ChartEntry {
  const title = 'Failed invocations over time, by region';
  if (!hasExposure(data) || data.episodes === null || data.episodes.numRows() === 0) return omitted('failed-over-time', 'exposure', title, NO_BAD_RELEASE);
  const horizons = aq.from(data.sets.map((s) => ({ set: s.key, horizon: s.horizonDays })));
  const p = failureProfile(data.exposure!, data.episodes, data.replications, horizons);
  const maxReps = Math.max(...data.sets.map((s) => s.replications));
  return {
    kind: 'chart',
    name: 'failed-over-time',
    section: 'exposure',
    title,
    caption: `Failed invocations per day in ${p.binHours} h bins, stacked by region: exposure.csv gives each group's total, placed here on the times its functions ran the bad version (episodes.csv), in proportion to each episode's length — an estimate of the time profile, exact in its totals`
      + (p.unplacedShare > 0 ? ` (${(p.unplacedShare * 100).toFixed(1)}% of failures had no episode and are left out)` : '')
      + (maxReps > 1 ? `; means over ${maxReps} replications, the dashed line and shading the all-region total and its 95% CI.` : '.'),
    spec: failedOverTimeSpec(p.byRegion, p.total, data.sets.map((s) => s.key), maxReps > 1, p.binHours),
  };
}

export function exposedByWaveSpec(values: readonly Record<string, unknown>[], sets: readonly string[], bars: boolean): VlSpec {
  const order = ['Auto', 'FunctionUpdate', 'Manual', 'Image'];
  const present = new Set(values.map((v) => String(v.mode)));
  const domain = order.filter((m) => present.has(m));
  const waves = new Set(values.map((v) => v.wave)).size;
  return topLevel(perSet(sets, (filter) => ({
    width: Math.min(700, Math.max(160, waves * (16 * Math.max(1, domain.length) + 18))),
    height: 200,
    transform: filter,
    encoding: {
      x: { field: 'wave', type: 'ordinal', title: 'publication wave of the region (0 = first)', axis: { labelAngle: 0 } },
      xOffset: { field: 'mode', type: 'nominal', sort: domain },
      color: { field: 'mode', type: 'nominal', title: 'update mode', scale: colorScale(domain) },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'mean', type: 'quantitative', title: 'exposed functions' },
          tooltip: [{ field: 'wave' }, { field: 'mode' }, { field: 'mean', title: 'exposed functions', format: ',.1f' }, { field: 'lo', title: '95% CI low', format: ',.1f' }, { field: 'hi', title: '95% CI high', format: ',.1f' }],
        },
      },
      ...(bars ? [{ mark: { type: 'rule', color: '#222', strokeWidth: 1.2 }, encoding: { y: { field: 'lo', type: 'quantitative', title: 'exposed functions' }, y2: { field: 'hi' } } }] : []),
    ],
  }), undefined, setsIn(values)), values, sets);
}

export function exposedByWaveChart(data: ReportData): ChartEntry {
  const title = 'Exposed functions by wave and update mode';
  if (!hasExposure(data)) return omitted('exposed-by-wave', 'exposure', title, NO_BAD_RELEASE);
  const values = exposedByWaveRows(data.exposure!, data.replications);
  const maxReps = Math.max(...data.sets.map((s) => s.replications));
  return {
    kind: 'chart',
    name: 'exposed-by-wave',
    section: 'exposure',
    title,
    caption: 'Susceptible functions that ran a bad version, by the publication wave of their region and their update mode at exposure (all bad releases together): early waves are where a canary region would catch a fault'
      + (maxReps > 1 ? `; means over ${maxReps} replications with 95% CI bars.` : '.'),
    spec: exposedByWaveSpec(values, data.sets.map((s) => s.key), maxReps > 1),
  };
}

export function responseTimesSpec(ecdf: readonly Record<string, unknown>[], sets: readonly string[]): VlSpec {
  const order = ['alias', 'pin', 'image', 'not rolled back'];
  const present = new Set(ecdf.map((v) => String(v.method)));
  const domain = [...order.filter((m) => present.has(m)), ...[...present].filter((m) => !order.includes(m)).sort()];
  const panel = (measure: string, filter: VlSpec[]): VlSpec => ({
    title: { text: measure, fontSize: 11, fontWeight: 500 },
    width: 330,
    height: 200,
    transform: [...filter, { filter: { field: 'measure', equal: measure } }],
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.6, point: false },
    encoding: {
      x: { field: 'hours', type: 'quantitative', title: 'hours from starting to run the bad version (log)', scale: { type: 'log' } },
      y: { field: 'share', type: 'quantitative', title: 'share of episodes', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: { field: 'method', type: 'nominal', title: 'rollback by', scale: colorScale(domain), legend: LINE_LEGEND },
      tooltip: [{ field: 'method', title: 'rollback by' }, { field: 'hours', format: '.2f' }, { field: 'share', format: '.1%' }],
    },
  });
  return topLevel(perSet(sets, (filter) => ({ hconcat: [panel(DETECT, filter), panel(ROLLBACK, filter)] }), { scale: { x: 'shared', y: 'shared', color: 'shared' } }, setsIn(ecdf)), ecdf, sets);
}

export function responseTimesChart(data: ReportData): ChartEntry {
  const title = 'Time to detect and time to roll back';
  if (!hasExposure(data) || data.episodes === null || data.episodes.numRows() === 0) return omitted('response-times', 'exposure', title, NO_BAD_RELEASE);
  const { ecdf, counts } = responseTimeRows(data.episodes);
  const undetected = counts.filter((c) => c.measure === DETECT).reduce((s, c) => s + (c.episodes as number) - (c.done as number), 0);
  return {
    kind: 'chart',
    name: 'response-times',
    section: 'exposure',
    title,
    caption: 'Cumulative share of episodes (a susceptible function running a bad version) detected, and rolled back, within the time on the log axis, by how the owner rolled back; all replications pooled; curves end below 100% where episodes were never detected or rolled back by the horizon'
      + (undetected > 0 ? ` (${undetected} episode${undetected === 1 ? '' : 's'} never detected).` : '.'),
    spec: responseTimesSpec(ecdf, data.sets.map((s) => s.key)),
  };
}
