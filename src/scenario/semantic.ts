/**
 * Checks across keys, on the parsed file as written. They run even when the schema
 * found problems (on whatever parts are well-formed), so one pass lists every
 * mistake; a value of the wrong shape is skipped here because the schema reports it.
 */
import { runtimeLifecycle } from '../model/catalog/runtimeLifecycle.js';
import { dateMs } from './calendar.js';
import { isRegionName } from '../model/catalog/regions.js';
import { RUNTIME_IDS } from '../model/catalog/runtimes.js';
import { DEFAULT_SAMPLE_EVERY, defaultCurrentLabel } from './defaults.js';
import { finding, type Finding } from './finding.js';
import { MAX_RELEASES } from './limits.js';
import { allowed, msg } from './messages.js';
import { formatKeyPath, suggest } from '../common/messages.js';
import { asDurationMs, asList, asMap, asText, get, has, type RawMap } from './raw.js';
import { isNumberedLabel, seriesLabel, seriesLength } from './repeat.js';

export function semanticFindings(raw: unknown): Finding[] {
  const root = asMap(raw);
  if (root === undefined) return [];
  const fleetRuntimes = fleetRuntimeIds(root);
  return [
    ...checkSampling(root),
    ...checkRuntimeStates(root, fleetRuntimes),
    ...checkReleases(root, fleetRuntimes),
    ...checkPublishedAt(root),
  ];
}

/** `releases[].publishedAt` names regions of the fleet only (R10: a region outside it has no function to publish to). */
function checkPublishedAt(root: RawMap): Finding[] {
  const regions = asMap(get(asMap(get(root, 'fleet')), 'regions'));
  if (regions === undefined) return [];
  const fleetRegions = Object.keys(regions).filter(isRegionName);
  return (asList(get(root, 'releases')) ?? []).flatMap((value, index) =>
    Object.keys(asMap(get(asMap(value), 'publishedAt')) ?? {})
      .filter((region) => isRegionName(region) && !fleetRegions.includes(region))
      .map((region) =>
        finding(['releases', index, 'publishedAt', region], 'key', msg.publishedAtRegionNotInFleet(region, suggest(region, fleetRegions)), allowed.fleetRuntimes(fleetRegions)),
      ),
  );
}

/** Runtime ids listed in `fleet.runtimes` (any weight), or undefined when that map is unusable. */
function fleetRuntimeIds(root: RawMap): readonly string[] | undefined {
  const map = asMap(get(asMap(get(root, 'fleet')), 'runtimes'));
  return map === undefined ? undefined : Object.keys(map).filter((id) => RUNTIME_IDS.includes(id));
}

/** The horizon in ms if it is valid (a zero horizon is reported by the schema; comparing with it says nothing more). */
function usableHorizonMs(horizon: string | undefined): number | undefined {
  const ms = asDurationMs(horizon);
  return ms !== undefined && ms > 0 ? ms : undefined;
}

/** `sampleEvery` (given or default) must not exceed `horizon`. */
function checkSampling(root: RawMap): Finding[] {
  const horizon = asText(get(root, 'horizon'));
  const horizonMs = usableHorizonMs(horizon);
  if (horizon === undefined || horizonMs === undefined) return [];
  if (!has(root, 'sampleEvery')) {
    const defaultMs = asDurationMs(DEFAULT_SAMPLE_EVERY) ?? 0;
    return defaultMs > horizonMs ? [finding(['horizon'], 'value', msg.defaultSampleEveryOverHorizon(DEFAULT_SAMPLE_EVERY, horizon))] : [];
  }
  const sampleEvery = asText(get(root, 'sampleEvery'));
  const sampleMs = asDurationMs(sampleEvery);
  if (sampleEvery === undefined || sampleMs === undefined || sampleMs <= horizonMs) return [];
  return [finding(['sampleEvery'], 'value', msg.sampleEveryOverHorizon(sampleEvery, horizon))];
}

/** Every key of the top-level `runtimes` map must be a runtime of the fleet. */
function checkRuntimeStates(root: RawMap, fleetRuntimes: readonly string[] | undefined): Finding[] {
  const states = asMap(get(root, 'runtimes'));
  if (states === undefined || fleetRuntimes === undefined) return [];
  return Object.keys(states)
    .filter((id) => RUNTIME_IDS.includes(id) && !fleetRuntimes.includes(id))
    .map((id) =>
      finding(['runtimes', id], 'key', msg.runtimeNotInFleet(id, suggest(id, fleetRuntimes)), allowed.fleetRuntimes(fleetRuntimes)),
    );
}

interface ReleaseView {
  readonly index: number;
  readonly runtime: string | undefined;
  readonly version: string | undefined;
  readonly at: string | undefined;
  readonly atMs: number | undefined;
  readonly fixes: string | undefined;
  readonly repeat: boolean;
  readonly repeatEveryMs: number | undefined;
  readonly repeatCount: number | undefined;
}

function viewRelease(value: unknown, index: number): ReleaseView {
  const map = asMap(value);
  const runtime = asText(get(map, 'runtime'));
  const at = asText(get(map, 'at'));
  return {
    index,
    runtime: runtime !== undefined && RUNTIME_IDS.includes(runtime) ? runtime : undefined,
    version: asText(get(map, 'version')),
    at,
    atMs: asDurationMs(at),
    fixes: asText(get(map, 'fixes')),
    repeat: has(map, 'repeat'),
    repeatEveryMs: asDurationMs(asText(get(asMap(get(map, 'repeat')), 'every'))),
    repeatCount: asCount(get(asMap(get(map, 'repeat')), 'count')),
  };
}

function asCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}

/** How many releases an entry stands for: 1, or the length of its series (`repeat`); never built as a list. */
function countOf(r: ReleaseView, horizonMs: number | undefined): number {
  if (!r.repeat || r.atMs === undefined || !r.repeatEveryMs || horizonMs === undefined) return 1;
  return seriesLength(r.atMs, r.repeatEveryMs, horizonMs, r.repeatCount);
}

/** Every label a release entry stands for: one, or a whole series (`repeat`); none past MAX_RELEASES (reported apart). */
function labelsOf(r: ReleaseView, horizonMs: number | undefined): string[] {
  if (r.version === undefined) return [];
  if (!r.repeat || !isNumberedLabel(r.version) || r.atMs === undefined || !r.repeatEveryMs || horizonMs === undefined) return [r.version];
  const n = Math.min(countOf(r, horizonMs), MAX_RELEASES);
  return Array.from({ length: n }, (_, k) => seriesLabel(r.version!, k));
}

function checkReleases(root: RawMap, fleetRuntimes: readonly string[] | undefined): Finding[] {
  const list = asList(get(root, 'releases'));
  if (list === undefined) return [];
  const releases = list.map(viewRelease);
  const horizon = asText(get(root, 'horizon'));
  const horizonMs = usableHorizonMs(horizon);
  const states = asMap(get(root, 'runtimes'));
  const currentOf = (id: string): string => asText(get(asMap(get(states, id)), 'current')) ?? defaultCurrentLabel(id);

  const findings: Finding[] = [];
  // Series are counted before any is expanded: `repeat: {every: 1ms}` stands for billions of releases.
  let total = 0;
  for (const r of releases) {
    total += countOf(r, horizonMs);
    if (total > MAX_RELEASES) {
      const tooMany = releases.reduce((sum, other) => sum + countOf(other, horizonMs), 0);
      findings.push(finding(['releases', r.index, ...(r.repeat ? ['repeat'] : [])], 'key', msg.tooManyReleases(tooMany, MAX_RELEASES)));
      return findings;
    }
  }
  const firstWithLabel = new Map<string, number>();
  for (const r of releases) {
    const at = (key: string) => ['releases', r.index, key] as const;
    // A release on a runtime outside the fleet (R5: a version patches one runtime identifier).
    if (r.runtime !== undefined && fleetRuntimes !== undefined && !fleetRuntimes.includes(r.runtime)) {
      findings.push(
        finding(at('runtime'), 'value', msg.runtimeNotInFleet(r.runtime, suggest(r.runtime, fleetRuntimes)), allowed.fleetRuntimes(fleetRuntimes)),
      );
    }
    if (r.atMs !== undefined && r.at !== undefined && horizon !== undefined && horizonMs !== undefined && r.atMs >= horizonMs) {
      findings.push(finding(at('at'), 'value', msg.atNotBeforeHorizon(r.at, horizon)));
    }
    if (r.repeat && r.version !== undefined && !isNumberedLabel(r.version)) {
      findings.push(finding(at('version'), 'value', msg.repeatNeedsNumberedLabel(r.version)));
    }
    if (r.repeat && r.fixes !== undefined) findings.push(finding(at('fixes'), 'key', msg.repeatWithFixes()));
    // Issue 11: with a real calendar, no release after its runtime's deprecation (the last of a series counts).
    const startDate = asText(get(root, 'startDate'));
    if (startDate !== undefined && r.runtime !== undefined && r.atMs !== undefined) {
      const lastAtMs = r.atMs + (r.repeat && r.repeatEveryMs && horizonMs !== undefined ? (Math.min(countOf(r, horizonMs), MAX_RELEASES) - 1) * r.repeatEveryMs : 0);
      const problem = releaseAfterDeprecation(r.runtime, startDate, lastAtMs);
      if (problem !== null) findings.push(finding(at('at'), 'value', problem));
    }
    if (r.runtime !== undefined) {
      // R4: a label names one version of one runtime.
      for (const label of labelsOf(r, horizonMs)) {
        const key = `${r.runtime}\u0000${label}`;
        const first = firstWithLabel.get(key);
        if (first !== undefined) findings.push(finding(at('version'), 'value', msg.duplicateVersion(label, r.runtime, `releases[${first}]`)));
        else firstWithLabel.set(key, r.index);
        if (label === currentOf(r.runtime)) findings.push(finding(at('version'), 'value', msg.versionIsCurrent(label, r.runtime)));
      }
    }
    findings.push(...checkFixes(r, releases), ...checkRegionOrder(asList(get(asMap(list[r.index]), 'regionOrder')), r.index));
  }
  return findings;
}

/** A message when a release of `runtime` at `atMs` after `startDate` falls after the runtime's deprecation, else null. */
function releaseAfterDeprecation(runtime: string, startDate: string, atMs: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) return null; // the schema reports a malformed date
  const deprecated = runtimeLifecycle(runtime)?.deprecated ?? null;
  if (deprecated === null) return null;
  const releaseMs = dateMs(startDate) + atMs;
  if (!(releaseMs > dateMs(deprecated))) return null;
  return `a release of ${runtime} on ${new Date(releaseMs).toISOString().slice(0, 10)} comes after the runtime's deprecation on ${deprecated}: Lambda publishes no versions of a deprecated runtime; allowed: a release before ${deprecated} (time 0 is startDate ${startDate})`;
}

/** R10: each region is published once, so it appears at most once in `regionOrder`. */
function checkRegionOrder(order: readonly unknown[] | undefined, releaseIndex: number): Finding[] {
  if (order === undefined) return [];
  const findings: Finding[] = [];
  const firstSeen = new Map<string, string>();
  order.forEach((wave, i) => {
    const members = asList(wave) ?? [wave];
    members.forEach((region, j) => {
      if (typeof region !== 'string' || !isRegionName(region)) return;
      const sub = Array.isArray(wave) ? [i, j] : [i];
      const first = firstSeen.get(region);
      if (first === undefined) firstSeen.set(region, formatKeyPath(['regionOrder', ...sub]));
      else findings.push(finding(['releases', releaseIndex, 'regionOrder', ...sub], 'value', msg.regionTwice(region, first)));
    });
  });
  return findings;
}

/** `fixes` names an earlier release of the same runtime: smaller `at`, or the same `at` earlier in the file. */
function checkFixes(release: ReleaseView, releases: readonly ReleaseView[]): Finding[] {
  const { fixes, runtime } = release;
  if (fixes === undefined || runtime === undefined) return [];
  const path = ['releases', release.index, 'fixes'] as const;
  const earlier = releases.filter((other) => other.runtime === runtime && isEarlier(other, release));
  const earlierLabels = earlier.flatMap((other) => (other.version === undefined ? [] : [other.version]));
  const target = releases.find((other) => other.runtime === runtime && other.version === fixes);
  if (target === undefined) {
    return [finding(path, 'value', msg.fixesUnknown(fixes, runtime, suggest(fixes, earlierLabels)), listOrUndefined(earlierLabels))];
  }
  if (target.index === release.index) return [finding(path, 'value', msg.fixesSelf(), listOrUndefined(earlierLabels))];
  if (target.atMs === undefined || release.atMs === undefined || isEarlier(target, release)) return [];
  const where = `releases[${target.index}], at ${target.at ?? '?'}`;
  return [finding(path, 'value', msg.fixesLater(fixes, where), listOrUndefined(earlierLabels))];
}

function isEarlier(a: ReleaseView, b: ReleaseView): boolean {
  if (a.atMs === undefined || b.atMs === undefined) return false;
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.index < b.index);
}

function listOrUndefined(labels: readonly string[]): string | undefined {
  return labels.length === 0 ? undefined : allowed.earlierReleases(labels);
}
