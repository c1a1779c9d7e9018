/**
 * Books exposure to incompatible versions: invocations and failures integrated over the
 * environment mix (R15), the first failed invocation of each episode, and per-group totals.
 */
import { GrowableColumns } from '../measure/growableColumns.js';
import { MODE_SLOTS } from '../fleet/fleetState.js';
import { EXPOSURE_FIELDS, type ExposureEpisode } from './exposureState.js';

export interface ExposureShape {
  readonly releases: number;
  readonly regions: number;
  readonly architectures: number;
}

export class ExposureTracker {
  readonly episodes = new Map<number, ExposureEpisode>();
  /** [group × EXPOSURE_FIELDS.length + field]. */
  readonly totals: Float64Array;
  /** Episode start → detection, and → rollback, ms (one row per detected / rolled-back episode). */
  readonly detectDelays = new GrowableColumns({ ms: Float64Array });
  readonly rollbackDelays = new GrowableColumns({ ms: Float64Array });
  /** One row per finished episode (episodes.csv). */
  readonly episodeRows = new GrowableColumns({
    functionId: Int32Array,
    release: Int32Array,
    episode: Int32Array,
    startMs: Float64Array,
    firstFailureMs: Float64Array,
    detectedMs: Float64Array,
    rolledBackMs: Float64Array,
    rollbackKind: Uint8Array,
    endMs: Float64Array,
  });
  /** Functions whose failures were detected, per release (R11 halt threshold). */
  readonly detectedByRelease: Int32Array;
  /** Invocations that failed because the version had expired (R11), counted apart. */
  expiryFailures = 0;
  /** R13: changes refused because `$LATEST` was pinned for a rollback (they wait for the pin to be lifted). */
  blockedChanges = 0;
  /** R14: alias redirects that rolled back nothing (the earlier version was Auto and already moved). */
  aliasRedirectsWithoutRollback = 0;
  /** Functions currently pinned by a rollback (R12). */
  readonly pinned = new Set<number>();

  constructor(readonly shape: ExposureShape) {
    this.totals = new Float64Array(shape.releases * shape.regions * shape.architectures * MODE_SLOTS * EXPOSURE_FIELDS.length);
    this.detectedByRelease = new Int32Array(shape.releases);
  }

  group(release: number, region: number, architecture: number, modeSlot: number): number {
    const s = this.shape;
    return ((release * s.regions + region) * s.architectures + architecture) * MODE_SLOTS + modeSlot;
  }

  add(group: number, field: number, value: number): void {
    const i = group * EXPOSURE_FIELDS.length + field;
    this.totals[i] = this.totals[i]! + value;
  }
}
