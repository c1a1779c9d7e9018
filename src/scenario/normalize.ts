/**
 * Validated file → `Scenario`: durations to integer milliseconds, weight maps to
 * normalised lists (zero weights dropped, file order kept), every runtime of the
 * fleet given its current label, releases sorted by time with complete region
 * waves, optional sections to null, and the policy override of R19.
 */
import type { RegionName } from '../model/catalog/regions.js';
import { dateMs, lifecycleOf } from './calendar.js';
import { defaultCurrentLabel } from './defaults.js';
import { durationMs } from './duration.js';
import type { ReleaseFile, ScenarioFile } from './fileSchema.js';
import { warn } from './messages.js';
import type { PathSegment } from './path.js';
import { completeRegionWaves } from './regionWaves.js';
import { seriesLabel, seriesLength } from './repeat.js';
import type { IncompatibilitySpec, ReleaseSpec, RuntimeSpec, Scenario, WeightEntry } from '../model/spec.js';

export interface NormalizeContext {
  /** `file:line:col` of a key path, for warnings. */
  readonly where: (path: readonly PathSegment[]) => string;
}

export function normalize(file: ScenarioFile, context: NormalizeContext): Scenario {
  const warnings: string[] = [];
  const { fleet } = file;

  // R19: with PutRuntimeManagementConfig denied, no function leaves Auto.
  let updateModes = weights(fleet.updateModes);
  const onlyAuto = updateModes.length === 1 && updateModes[0]?.name === 'Auto';
  if (file.policy.denyRuntimeManagementConfig && !onlyAuto) {
    updateModes = [{ name: 'Auto', weight: 1 }];
    warnings.push(warn.policyForcesAuto(context.where(['fleet', 'updateModes'])));
  }

  return {
    name: file.name,
    seed: file.seed,
    horizonMs: durationMs(file.horizon),
    sampleEveryMs: durationMs(file.sampleEvery),
    replications: file.replications,
    fleet: {
      functions: fleet.functions,
      regions: weights(fleet.regions),
      architectures: weights(fleet.architectures),
      runtimes: weights(fleet.runtimes),
      packageTypes: weights(fleet.packageTypes),
      updateModes,
      publishedVersionShare: fleet.publishedVersionShare,
      deploys: {
        meanIntervalMs: durationMs(fleet.deploys.meanInterval),
        inactiveShare: fleet.deploys.inactiveShare,
        rateShape: fleet.deploys.rateShape ?? null,
      },
      imageRebuilds: { meanIntervalMs: durationMs(fleet.imageRebuilds.meanInterval) },
      invocationsPerDay: { median: fleet.invocationsPerDay.median, sigma: fleet.invocationsPerDay.sigma },
      environmentLifetimeMs: durationMs(fleet.environmentLifetime),
      invocationDurationMs: durationMs(fleet.invocationDuration),
      createdPerDay: fleet.createdPerDay,
      publishedVersions: { retain: fleet.publishedVersions.retain },
      configUpdates: { meanIntervalMs: fleet.configUpdates.meanInterval === undefined ? null : durationMs(fleet.configUpdates.meanInterval) },
      idleEnvironments: fleet.idleEnvironments,
      ...(fleet.switchAutoTo === undefined ? {} : { switchAutoTo: fleet.switchAutoTo }),
    },
    runtimes: runtimeSpecs(file),
    ...(file.startDate === undefined ? {} : { calendar: { startDateMs: dateMs(file.startDate) } }),
    // Array.prototype.sort is stable: releases at the same time keep file order.
    releases: file.releases.flatMap((r) => series(r, durationMs(file.horizon))).sort((a, b) => a.atMs - b.atMs),
    catalog: { arnHashPerRegion: file.catalog.arnHashPerRegion },
    owners: {
      detectionDelay: { medianMs: durationMs(file.owners.detectionDelay.median), sigma: file.owners.detectionDelay.sigma },
      alarms: {
        share: file.owners.alarms.share,
        medianMs: durationMs(file.owners.alarms.median),
        sigma: file.owners.alarms.sigma,
      },
      rollback: {
        unpinAfterMs: durationMs(file.owners.rollback.unpinAfter),
        neverUnpinShare: file.owners.rollback.neverUnpinShare,
      },
      migrations: {
        perFunctionPerDay: file.owners.migrations.perFunctionPerDay,
        retryAfterMs: durationMs(file.owners.migrations.retryAfter),
      },
    },
    policy: {
      denyRuntimeManagementConfig: file.policy.denyRuntimeManagementConfig,
      exceptionApprovalMs: durationMs(file.policy.exceptionApproval),
    },
    outputs: {
      initStartLog: file.outputs.initStartLog === undefined ? null : { sample: file.outputs.initStartLog.sample },
      events: file.outputs.events,
    },
    warnings,
  };
}

/** `{a: 3, b: 0, c: 1}` → `[{a, 0.75}, {c, 0.25}]`: file order, zero weights dropped, sum 1. */
export function weights<K extends string>(map: Partial<Record<K, number>>): WeightEntry<K>[] {
  const entries = (Object.entries(map) as [K, number | undefined][]).filter(
    (entry): entry is [K, number] => entry[1] !== undefined && entry[1] > 0,
  );
  const sum = entries.reduce((total, [, weight]) => total + weight, 0);
  return entries.map(([name, weight]) => ({ name, weight: weight / sum }));
}

/** One entry per key of the file's `fleet.runtimes` (zero weights included, so every release's runtime has one). */
function runtimeSpecs(file: ScenarioFile): RuntimeSpec[] {
  const states = file.runtimes ?? {};
  return Object.keys(file.fleet.runtimes).map((id) => ({
    id,
    current: (Object.hasOwn(states, id) ? states[id]?.current : undefined) ?? defaultCurrentLabel(id),
    expiresAtMs: Object.hasOwn(states, id) && states[id]?.expiresAt !== undefined ? durationMs(states[id]!.expiresAt!) : null,
    ...(file.startDate === undefined ? {} : { lifecycle: lifecycleOf(id, dateMs(file.startDate)) }),
  }));
}

function release(file: ReleaseFile): ReleaseSpec {
  return {
    runtime: file.runtime,
    version: file.version,
    atMs: durationMs(file.at),
    regionWaves: completeRegionWaves(file.regionOrder),
    regionIntervalMs: durationMs(file.regionInterval),
    publishedAtMs: (Object.entries(file.publishedAt ?? {}) as [RegionName, string | undefined][]).flatMap(([region, at]) =>
      at === undefined ? [] : [{ region, atMs: durationMs(at) }],
    ),
    phase2: { startAfterMs: durationMs(file.phase2.startAfter), durationMs: durationMs(file.phase2.duration) },
    incompatibility: file.incompatibility === undefined ? null : incompatibility(file.incompatibility),
    halt: file.halt === undefined
      ? null
      : {
          afterFailingFunctions: file.halt.afterFailingFunctions,
          delayMs: durationMs(file.halt.delay),
          rollback: { startAfterMs: durationMs(file.halt.rollback.startAfter), durationMs: durationMs(file.halt.rollback.duration) },
        },
    expiresAfterMs: file.expiresAfter === undefined ? null : durationMs(file.expiresAfter),
    fixes: file.fixes ?? null,
    baseImageAtMs: file.baseImage.at === undefined ? null : durationMs(file.baseImage.at),
  };
}

/** A release entry, or every release of its series (`repeat`). */
function series(file: ReleaseFile, horizonMs: number): ReleaseSpec[] {
  const first = release(file);
  if (file.repeat === undefined) return [first];
  const everyMs = durationMs(file.repeat.every);
  const n = seriesLength(first.atMs, everyMs, horizonMs, file.repeat.count);
  return Array.from({ length: n }, (_, k) => ({
    ...first,
    version: seriesLabel(first.version, k),
    atMs: first.atMs + k * everyMs,
    publishedAtMs: (first.publishedAtMs ?? []).map((p) => ({ region: p.region, atMs: p.atMs + k * everyMs })),
  }));
}

function incompatibility(file: NonNullable<ReleaseFile['incompatibility']>): IncompatibilitySpec {
  return {
    share: file.share,
    errorRate: file.errorRate,
    architectures: distinctOrNull(file.architectures),
    regions: distinctOrNull(file.regions as readonly RegionName[] | undefined),
    packageTypes: distinctOrNull(file.packageTypes),
  };
}

function distinctOrNull<T>(list: readonly T[] | undefined): T[] | null {
  return list === undefined ? null : [...new Set(list)];
}
