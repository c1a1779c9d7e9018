/**
 * Defaults that other keys depend on, used by both the cross-field checks and the
 * normaliser. Plain per-key defaults live in the schema (`fileSchema.ts`).
 */
import { runtimeInfo } from '../model/catalog/runtimes.js';

/** Default of `sampleEvery`; must not exceed the horizon. */
export const DEFAULT_SAMPLE_EVERY = '1d';

/** Current label of a fleet runtime the file's `runtimes` map does not mention: `<labelPrefix>.v1` (R4). */
export function defaultCurrentLabel(runtimeId: string): string {
  const info = runtimeInfo(runtimeId);
  if (info === undefined) throw new Error(`not a managed runtime: ${runtimeId}`);
  return `${info.labelPrefix}.v1`;
}
