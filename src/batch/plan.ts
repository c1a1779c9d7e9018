/**
 * A batch: sweep points × replications. A unit (point, replication) is a pure function of
 * the point's scenario, the base seed and the replication index. Every point uses the same
 * seed, and random streams are keyed by (seed, stream name, replication), so replication r
 * draws the same numbers at every point (common random numbers): a difference between two
 * points reflects the parameter, not noise.
 *
 * Units are in plan order: points in order, replications in order within a point. That
 * order, never the order units finish in, decides the result hash, the rows of every file
 * and which units a shard runs.
 */
import { UserError } from '../common/userError.js';
import type { Scenario } from '../model/spec.js';
import type { Sweep } from '../scenario/sweep.js';
import type { Shard } from './shard.js';
import type { TargetCiSpec } from './targetCi.js';
import type { UnitTask } from './unitTask.js';

export interface PlanPoint {
  readonly index: number;
  /** One value per swept key (empty without a sweep). */
  readonly values: readonly unknown[];
  readonly scenario: Scenario;
}

export interface BatchPlan {
  /** The swept keys as written; null without a sweep. */
  readonly parameters: readonly string[] | null;
  /** The points this run covers (all, or the one `--point` names). */
  readonly points: readonly PlanPoint[];
  readonly seed: number;
  readonly keepPatches: boolean;
  /** Replications per point (the first round's, with `--target-ci`). */
  readonly replications: number;
  /** `--replication R`: only that replication of each point. */
  readonly onlyReplication: number | null;
  readonly targetCi: TargetCiSpec | null;
  readonly shard: Shard | null;
  /** Test hook, injected by tests (cli/commands/run.ts `RunTestHooks`): units (`point:replication`) that throw. */
  readonly failUnits: ReadonlySet<string>;
}

export interface UnitRef {
  readonly point: number;
  readonly replication: number;
}

/** A user's mistake in the batch options (exit code 2). */
export class PlanError extends UserError {}

/** A run's settings that its plan is made from (the command line's, or a partition manifest's). */
export interface PlanSettings {
  readonly seed: number;
  readonly replications: number;
  readonly keepPatches: boolean;
  readonly point: number | null;
  readonly replication: number | null;
  readonly targetCi: TargetCiSpec | null;
  readonly shard: Shard | null;
}

export interface PlanOptions extends PlanSettings {
  readonly failUnits: ReadonlySet<string>;
}

export function makePlan(scenario: Scenario, sweep: Sweep | null, options: PlanOptions): BatchPlan {
  const all: PlanPoint[] = sweep === null ? [{ index: 0, values: [], scenario }] : [...sweep.points];
  let points = all;
  if (options.point !== null) {
    const chosen = all.find((p) => p.index === options.point);
    if (chosen === undefined) {
      throw new PlanError(`--point ${options.point}: the scenario has ${all.length} point${all.length === 1 ? '' : 's'} (0 to ${all.length - 1})`);
    }
    points = [chosen];
  }
  if (options.targetCi !== null && options.shard !== null) {
    throw new PlanError('--target-ci cannot be combined with sharding: shards cannot see each other\'s results; choose --replications instead');
  }
  if (options.targetCi !== null && options.replication !== null) throw new PlanError('--target-ci cannot be combined with --replication');
  let replications = options.replications;
  if (options.targetCi !== null) {
    if (options.targetCi.maxReplications < 2) throw new PlanError('--max-replications must be at least 2 with --target-ci');
    replications = Math.min(Math.max(replications, 2), options.targetCi.maxReplications);
  }
  return {
    parameters: sweep === null ? null : sweep.parameters.map((p) => p.key),
    points,
    seed: options.seed,
    keepPatches: options.keepPatches,
    replications,
    onlyReplication: options.replication,
    targetCi: options.targetCi,
    shard: options.shard,
    failUnits: options.failUnits,
  };
}

export const unitId = (u: UnitRef): string => `p${u.point}-r${u.replication}`;

/** Every unit for these replication counts, in plan order, then this shard's share of them. */
export function planUnits(plan: BatchPlan, counts: ReadonlyMap<number, number>): UnitRef[] {
  const units: UnitRef[] = [];
  for (const p of plan.points) {
    if (plan.onlyReplication !== null) {
      units.push({ point: p.index, replication: plan.onlyReplication });
      continue;
    }
    const n = counts.get(p.index) ?? plan.replications;
    for (let r = 0; r < n; r++) units.push({ point: p.index, replication: r });
  }
  const shard = plan.shard;
  return shard === null ? units : units.filter((_, i) => i % shard.count === shard.index);
}

/** The unit that writes the INIT_START log (replication 0 of the first point), if the plan has it. */
export function initStartUnitOf(plan: BatchPlan): UnitRef | null {
  const first = plan.points[0];
  if (first === undefined || first.scenario.outputs.initStartLog === null) return null;
  if (plan.onlyReplication !== null && plan.onlyReplication !== 0) return null;
  return { point: first.index, replication: 0 };
}

const pointIndex = new WeakMap<BatchPlan, Map<number, PlanPoint>>();

function pointOf(plan: BatchPlan, index: number): PlanPoint | undefined {
  let map = pointIndex.get(plan);
  if (map === undefined) {
    map = new Map(plan.points.map((p) => [p.index, p]));
    pointIndex.set(plan, map);
  }
  return map.get(index);
}

export function taskOf(plan: BatchPlan, unit: UnitRef): UnitTask {
  const point = pointOf(plan, unit.point);
  if (point === undefined) throw new Error(`unit ${unitId(unit)}: no such point in the plan`);
  const init = initStartUnitOf(plan);
  const isInit = init !== null && init.point === unit.point && init.replication === unit.replication;
  return {
    scenario: point.scenario,
    point: unit.point,
    replication: unit.replication,
    seed: plan.seed,
    keepPatches: plan.keepPatches,
    initStartSample: isInit ? point.scenario.outputs.initStartLog!.sample : null,
    fail: plan.failUnits.has(`${unit.point}:${unit.replication}`),
  };
}

/**
 * What makes two runs the same batch (a work folder or a shard's partition belongs to one):
 * the scenario's text, the seed and every option that changes which units run or what
 * they hold. Not the number of workers, nor output-only options.
 */
export function planIdentity(plan: BatchPlan, scenarioSha256: string, toolVersion: string): Record<string, unknown> {
  return {
    toolVersion,
    scenarioSha256,
    seed: plan.seed,
    keepPatches: plan.keepPatches,
    points: plan.points.map((p) => p.index),
    replications: plan.replications,
    onlyReplication: plan.onlyReplication,
    targetCi: plan.targetCi,
    shards: plan.shard?.count ?? null,
  };
}
