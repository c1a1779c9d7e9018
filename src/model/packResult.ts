/**
 * Step 6 of a replication (simulate.ts): its columns, totals and INIT_START log packed into
 * a ReplicationResult, with the digest over everything that a seed determines.
 */
import { createHash } from 'node:crypto';
import type { ReplicationContext } from './context.js';
import { F32, F64, U16, U8 } from './fleet/fleetLayout.js';
import { generateInitStartEvents } from './logs/initStartLog.js';
import { deprecatedRuntimeAtHorizon } from './measure/deprecatedRuntime.js';
import type { TechnicalLag } from './measure/technicalLag.js';
import type { ReplicationResult } from './result.js';

export function packResult(
  ctx: ReplicationContext, replication: number, seed: number, events: number, initStartSample: number | undefined,
  lag: ReturnType<TechnicalLag['finish']>,
): ReplicationResult {
  const { fleet, staleness, survival, exposure } = ctx;
  const patchLog = ctx.patches.finish();
  const timeseries = ctx.groups.rows.view();
  let patched = 0;
  let censored = 0;
  for (let b = 0; b < survival.patched.length; b++) {
    patched += survival.patched[b]!;
    censored += survival.censored[b]!;
  }
  const totals = {
    functions: fleet.size,
    createdFunctions: fleet.size - ctx.scenario.fleet.functions,
    lambdaStaleMs: staleness.lambdaStaleMs,
    ownerStaleMs: staleness.ownerStaleMs,
    staleMsByMode: Array.from(staleness.staleMsByMode),
    staleInvocations: staleness.staleInvocations,
    patchObservations: patched + censored,
    unpatchedAtHorizon: censored,
    pinnedAtHorizon: exposure.pinned.size,
    blockedChanges: exposure.blockedChanges,
    aliasRedirectsWithoutRollback: exposure.aliasRedirectsWithoutRollback,
    lambdaStaleVersionMs: ctx.versionStaleness.lambdaStaleMs,
    ownerStaleVersionMs: ctx.versionStaleness.ownerStaleMs,
    technicalLagVersionsMean: lag.versionsMean,
    technicalLagDaysMean: lag.daysMean,
    technicalLagVersionsP95: lag.versionsP95,
    technicalLagDaysP95: lag.daysP95,
    expiryFailures: exposure.expiryFailures,
    events,
  };
  const exposureResult = {
    totals: exposure.totals,
    shape: exposure.shape,
    detectDelaysMs: exposure.detectDelays.view().ms,
    rollbackDelaysMs: exposure.rollbackDelays.view().ms,
    episodes: exposure.episodeRows.view(),
  };
  const rollout = { reachedMs: ctx.reachedMs, haltedAtMs: ctx.haltedAtMs, imageReachedMs: ctx.imageReachedMs };
  const hash = createHash('sha256');
  for (const col of [
    timeseries.sample, timeseries.cell, timeseries.functions, survival.patched, survival.censored,
    exposureResult.totals, exposureResult.detectDelaysMs, exposureResult.rollbackDelaysMs,
    ...Object.values(exposureResult.episodes), rollout.reachedMs, rollout.haltedAtMs, rollout.imageReachedMs,
  ]) {
    hash.update(new Uint8Array(col.buffer, col.byteOffset, col.byteLength));
  }
  hash.update(patchLog.digest);
  hash.update(JSON.stringify({ ...totals, events: undefined }));
  const deprecatedRuntime = deprecatedRuntimeAtHorizon(ctx.scenario, fleet, ctx.horizonMs);
  // Hashed only with a calendar, so runs without startDate keep their digests.
  if (deprecatedRuntime !== null) hash.update(JSON.stringify({ ...deprecatedRuntime, functionsByRegion: [...deprecatedRuntime.functionsByRegion], functionDaysByRegion: [...deprecatedRuntime.functionDaysByRegion] }));
  const n = fleet.size;
  const changes = ctx.changes?.finish() ?? null;
  const initStartFunctions = initStartSample !== undefined
    ? {
        region: fleet.u8Column(U8.REGION, n),
        architecture: fleet.u8Column(U8.ARCHITECTURE, n),
        runtime: fleet.u8Column(U8.RUNTIME, n),
        hasAlias: fleet.u8Column(U8.HAS_ALIAS, n),
        qualifier: fleet.u16Column(U16.QUALIFIER0, n),
        architecture0: fleet.u8Column(U8.ARCHITECTURE0, n),
        invocationsPerDay: fleet.f32Column(F32.INVOCATIONS, n),
        createdMs: fleet.f64Column(F64.CREATED, n),
        count: n,
      }
    : null;
  const initStart = initStartFunctions !== null && changes !== null
    ? generateInitStartEvents({
        scenario: ctx.scenario, versions: ctx.versions, seed, replication,
        functions: initStartFunctions, changes, sample: initStartSample!,
      })
    : null;
  return {
    replication,
    seed,
    timeseries,
    patches: patchLog.rows,
    functions: {
      region: fleet.u8Column(U8.REGION, n),
      architecture: fleet.u8Column(U8.ARCHITECTURE, n),
      runtime: fleet.u8Column(U8.RUNTIME, n),
      packageType: fleet.u8Column(U8.PACKAGE_TYPE, n),
      mode: fleet.u8Column(U8.CONFIGURED_MODE, n),
    },
    survival: { binMs: survival.binMs, patched: survival.patched, censored: survival.censored },
    totals,
    ...(deprecatedRuntime === null ? {} : { deprecatedRuntime }),
    exposure: exposureResult,
    rollout,
    changes,
    initStart,
    initStartFunctions,
    digest: hash.digest('hex'),
  };
}
