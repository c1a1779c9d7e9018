/**
 * Draws one function's attributes from the scenario's weights. Each attribute has its own
 * named stream and takes one draw per function, in function-id order, so function i gets
 * the same attributes whatever else changes in the scenario (common random numbers), and
 * adding a draw here never shifts another stream.
 */
import { createStream, type RandomStream } from '../../kernel/random.js';
import { bernoulli, categorical, cumulativeWeights, gamma, lognormalFromMedian } from '../../kernel/distributions.js';
import type { FleetSpec } from '../spec.js';
import { UPDATE_MODES } from '../catalog/architectures.js';
import { MODE_NONE, PACKAGE_IMAGE, type FleetState } from './fleetState.js';


export interface FunctionDraws {
  readonly region: RandomStream;
  readonly architecture: RandomStream;
  readonly runtime: RandomStream;
  readonly packageType: RandomStream;
  readonly mode: RandomStream;
  readonly alias: RandomStream;
  readonly active: RandomStream;
  readonly rateFactor: RandomStream;
  readonly invocations: RandomStream;
}

export function createFunctionDraws(seed: number, replication: number): FunctionDraws {
  const s = (name: string): RandomStream => createStream(seed, `fleet.${name}`, replication);
  return {
    region: s('region'),
    architecture: s('architecture'),
    runtime: s('runtime'),
    packageType: s('packageType'),
    mode: s('updateMode'),
    alias: s('alias'),
    active: s('active'),
    rateFactor: s('rateFactor'),
    invocations: s('invocations'),
  };
}

/** The fleet spec, prepared once for fast draws. */
export interface FleetSampler {
  readonly region: Float64Array;
  readonly architecture: Float64Array;
  readonly runtime: Float64Array;
  readonly packageType: Float64Array;
  /** Index into `scenario.runtimes` for each entry of the spec's runtime list. */
  readonly runtimeCodes: Uint8Array;
  /** Index into UPDATE_MODES for each entry of the spec's update-mode list. */
  readonly modeCodes: Uint8Array;
  readonly mode: Float64Array;
  readonly packageCodes: Uint8Array;
  readonly spec: FleetSpec;
}

export function prepareFleetSampler(spec: FleetSpec, runtimeCodes: Uint8Array, packageCodes: Uint8Array): FleetSampler {
  return {
    runtimeCodes,
    region: cumulativeWeights(spec.regions.map((w) => w.weight)),
    architecture: cumulativeWeights(spec.architectures.map((w) => w.weight)),
    runtime: cumulativeWeights(spec.runtimes.map((w) => w.weight)),
    packageType: cumulativeWeights(spec.packageTypes.map((w) => w.weight)),
    modeCodes: Uint8Array.from(spec.updateModes.map((w) => UPDATE_MODES.indexOf(w.name))),
    mode: cumulativeWeights(spec.updateModes.map((w) => w.weight)),
    packageCodes,
    spec,
  };
}

/**
 * Appends one function drawn from the weights and returns its id. Region and architecture
 * are indices into the fleet spec's lists, runtime into `scenario.runtimes`; package type
 * and mode are codes.
 * Image functions get MODE_NONE: they have no runtime update mode (R3). An inactive
 * function never deploys nor rebuilds (change rate 0).
 */
export function drawFunction(fleet: FleetState, sampler: FleetSampler, draws: FunctionDraws, createdMs: number): number {
  const { spec } = sampler;
  const id = fleet.add();
  fleet.setRegion(id, categorical(draws.region, sampler.region));
  fleet.setArchitecture(id, categorical(draws.architecture, sampler.architecture));
  fleet.setRuntime(id, sampler.runtimeCodes[categorical(draws.runtime, sampler.runtime)]!);
  const packageType = sampler.packageCodes[categorical(draws.packageType, sampler.packageType)]!;
  fleet.setPackageType(id, packageType);
  const mode = sampler.modeCodes[categorical(draws.mode, sampler.mode)]!;
  fleet.setMode(id, packageType === PACKAGE_IMAGE ? MODE_NONE : mode);
  fleet.setConfiguredMode(id, fleet.mode(id));
  fleet.setHasAlias(id, bernoulli(draws.alias, spec.publishedVersionShare) ? 1 : 0);
  const active = bernoulli(draws.active, 1 - spec.deploys.inactiveShare);
  const shape = spec.deploys.rateShape;
  const factor = shape === null ? 1 : gamma(draws.rateFactor, shape, 1 / shape);
  const meanIntervalMs = packageType === PACKAGE_IMAGE ? spec.imageRebuilds.meanIntervalMs : spec.deploys.meanIntervalMs;
  fleet.setChangeRatePerMs(id, active ? factor / meanIntervalMs : 0);
  fleet.setInvocationsPerDay(id, lognormalFromMedian(draws.invocations, spec.invocationsPerDay.median, spec.invocationsPerDay.sigma));
  fleet.setCreatedMs(id, createdMs);
  return id;
}

