/**
 * The real calendar (`startDate`, issue 11 point 6): time 0 is a UTC calendar date, and each
 * runtime of the scenario gets its lifecycle dates from the catalog
 * (model/catalog/runtimeLifecycle.ts) as ms from time 0. Without `startDate` nothing changes:
 * logs are dated from 2026-01-01 (model/logs/names.ts) and no lifecycle applies.
 */
import { runtimeLifecycle } from '../model/catalog/runtimeLifecycle.js';
import type { RuntimeSpec } from '../model/spec.js';

/** `YYYY-MM-DD` → ms since the Unix epoch at UTC midnight (the schema has checked the date). */
export function dateMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Lifecycle dates of runtime `id` relative to `startDateMs`; nulls where the catalog has none. */
export function lifecycleOf(id: string, startDateMs: number): NonNullable<RuntimeSpec['lifecycle']> {
  const l = runtimeLifecycle(id);
  const rel = (d: string | null | undefined): number | null => (d === null || d === undefined ? null : dateMs(d) - startDateMs);
  return { deprecatedAtMs: rel(l?.deprecated), blockCreateAtMs: rel(l?.blockCreate), blockUpdateAtMs: rel(l?.blockUpdate) };
}
