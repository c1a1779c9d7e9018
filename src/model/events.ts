/** Event kinds the model schedules on the kernel's queue. `target` is given for each. */
/** A release is published in one fleet region: target = version × regions + region (R10). */
export const EV_PUBLISH = 0;
/** A function's pending runtime-version move fires: target = function id (R3, R8). */
export const EV_MOVE = 1;
/** The fleet is counted: target = sample index. */
export const EV_SAMPLE = 2;
/** A new function is created (R8 phase 1 applies at creation): target unused. */
export const EV_CREATE = 3;
/** A susceptible function's first failed invocation on an incompatible version: target = function. */
export const EV_FIRST_FAILURE = 4;
/** The owner notices the failures: target = function (R18: rolling back is the owner's job). */
export const EV_DETECT = 5;
/** A pinning rollback, once its policy exception is granted (R12, R19): target = function. */
export const EV_PIN = 6;
/** The owner lifts a rollback pin: the version returns to its configured mode (R7, R18): target = function. */
export const EV_UNPIN = 7;
/** The owner ends a hold on deploys/rebuilds after an alias or image rollback: target = function. */
export const EV_RESUME = 8;
/** Lambda halts and withdraws a release (R11): target = version. */
export const EV_HALT = 9;
/** An owner changes architecture or runtime (R13), or retries after a refusal: target = function. */
export const EV_MIGRATE = 10;
/** A release's base image is published, once for every region (R3): target = version. */
export const EV_BASE_IMAGE = 11;

/** Kinds whose target is a function and whose handler is an owner's or Lambda's action on it (EV_MOVE aside: it is the function's own move). */
const ACTS_ON_FUNCTION = (1 << EV_FIRST_FAILURE) | (1 << EV_DETECT) | (1 << EV_PIN) | (1 << EV_UNPIN) | (1 << EV_RESUME) | (1 << EV_MIGRATE);

/** True when events of `kind` act on the function named by their target. */
export function actsOnFunction(kind: number): boolean {
  return ((ACTS_ON_FUNCTION >>> kind) & 1) === 1;
}
