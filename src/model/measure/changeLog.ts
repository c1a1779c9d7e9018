/**
 * The trace of state changes of one replication, as columns: every change of a function's
 * live runtime version or update mode, with its cause. It feeds `events.ndjson` (audit and
 * debugging) and the INIT_START log (each new execution environment starts on the version
 * live at its init, R15). Kept only when one of those outputs is asked for.
 *
 * With a sink, rows are handed on in chunks of at least CHANGE_CHUNK_ROWS as they are sealed (a worker spills
 * them to the work folder), so that memory stays bounded at any fleet size; the INIT_START log
 * needs every change of a function at once, so the one unit that makes it keeps them all.
 */
import { GrowableColumns } from './growableColumns.js';

/** What happened (the `action` column). */
export const ACTION_MOVE = 0; // live runtime version changed by Lambda or a deploy/rebuild/creation
export const ACTION_CREATE = 1; // function created (fromVersion = toVersion = its first version)
export const ACTION_ALIAS_ROLLBACK = 2; // R14: alias redirected to the previous published version
export const ACTION_PIN = 3; // R12/R17: PutRuntimeManagementConfig Manual + previous version's ARN
export const ACTION_UNPIN = 4; // R18: back to Auto
export const ACTION_IMAGE_ROLLBACK = 5; // R3: previous image redeployed
export const ACTION_FIRST_FAILURE = 6; // first failed invocation on an incompatible version
export const ACTION_DETECT = 7; // owner notices the failures
export const ACTION_MIGRATE = 8; // R13: architecture/runtime change applied (UpdateFunctionConfiguration)
export const ACTION_MIGRATE_REFUSED = 9; // R13: refused because $LATEST is Manual
export const ACTION_EXCEPTION_REQUESTED = 10; // R19: policy exception requested before pinning
export const ACTION_CONFIG_UPDATE = 11; // R8: UpdateFunctionConfiguration moved $LATEST (phase 1); no version published
export const ACTION_ALIAS_REDIRECT_NO_ROLLBACK = 12; // R14: alias redirected, but the earlier version already ran the bad runtime (Auto, phase 2)
export const ACTION_NAMES = [
  'move', 'create', 'alias-rollback', 'pin', 'unpin', 'image-rollback', 'first-failure', 'detect',
  'migrate', 'migrate-refused', 'exception-requested', 'config-update', 'alias-redirect-no-rollback',
] as const;

export const NO_VERSION = 0xffff;

export const CHANGE_CHUNK_ROWS = 1 << 16;

/**
 * Rows are recorded in booking order, which is not time order when moves are post-dated
 * (rollout/postDatedMoves.ts): `seal` sorts the rows recorded since the last seal by time
 * (rows of the same millisecond keep their booking order). The model seals at each fleet
 * sample, after which nothing earlier can be booked, and at the end; only sealed rows are
 * handed to the sink.
 */
export class ChangeLog {
  private sealed = 0;

  readonly rows = new GrowableColumns({
    atMs: Float64Array,
    functionId: Int32Array,
    action: Uint8Array,
    fromVersion: Uint16Array,
    toVersion: Uint16Array,
    /** HOW_* code of fleet/fleetState.ts for moves; 0 otherwise. */
    cause: Uint8Array,
    /** Serving qualifier after the change: 0 = `$LATEST`, else the alias's published version number. */
    qualifier: Uint16Array,
    /** The function's architecture after the change (index into the fleet spec's list). */
    architecture: Uint8Array,
  });

  /** `sink`: takes each full chunk of rows (views valid only during the call) instead of keeping them. */
  constructor(private readonly sink: ChangeSink | null = null) {}

  record(atMs: number, functionId: number, action: number, fromVersion: number, toVersion: number, cause: number, qualifier = 0, architecture = 0): void {
    this.rows.push([atMs, functionId, action, fromVersion, toVersion, cause, qualifier, architecture]);
  }

  /** Nothing earlier than the rows recorded so far will be recorded: sorts them into place, and hands full chunks on. */
  seal(): void {
    const from = this.sealed;
    const n = this.rows.length - from;
    const atMs = this.rows.view().atMs;
    let sorted = true;
    for (let i = from + 1; i < from + n && sorted; i++) sorted = atMs[i - 1]! <= atMs[i]!;
    if (!sorted) {
      const order = new Uint32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => atMs[from + a]! - atMs[from + b]! || a - b);
      this.rows.reorder(from, order);
    }
    this.sealed = this.rows.length;
    if (this.sink !== null && this.sealed >= CHANGE_CHUNK_ROWS) this.flush();
  }

  private flush(): void {
    this.sink!({ length: this.rows.length, ...this.rows.view() });
    this.rows.clear();
    this.sealed = 0;
  }

  /** Ends the log: every row, sorted by time, or null when they went to the sink (the last chunk is handed on here). */
  finish(): ChangeRows | null {
    this.seal();
    if (this.sink === null) return this.rows.view();
    if (this.rows.length > 0) this.flush();
    return null;
  }
}

export type ChangeRows = ReturnType<ChangeLog['rows']['view']>;

/** A chunk of rows as the sink takes it. */
export type ChangeChunk = ChangeRows & { readonly length: number };

export type ChangeSink = (chunk: ChangeChunk) => void;
