/** Event kinds the model schedules on the kernel's queue. `target` is given for each. */
/** A release is published in one fleet region: target = version × regions + region (R10). */
export const EV_PUBLISH = 0;
/** A function's pending runtime-version move fires: target = function id (R3, R8). */
export const EV_MOVE = 1;
/** The fleet is counted: target = sample index. */
export const EV_SAMPLE = 2;
/** A new function is created (R8 phase 1 applies at creation): target unused. */
export const EV_CREATE = 3;
