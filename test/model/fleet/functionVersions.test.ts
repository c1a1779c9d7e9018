/**
 * Which of a function's kept versions are stale (fleet/functionVersions.ts `staleSlots`,
 * `staleAutoVersion`), checked against the rules' wording on every combination of versions a
 * function can hold, not against the code's own loop:
 * - `$LATEST` is a function version of its own (R7); it is stale when its runtime version is
 *   not the latest secure one;
 * - the serving version is the one the alias points to, or `$LATEST` without an alias (R14);
 * - Lambda moves only effectively `Auto` versions (R8 phase 2, R9); a rollback pin is Manual
 *   with the version's ARN (R12), so a pinned version is never Lambda's to move.
 */
import { describe, expect, it } from 'vitest';
import { FleetState, MODE_AUTO, MODE_FUNCTION_UPDATE, MODE_MANUAL } from '../../../src/model/fleet/fleetState.js';
import {
  setFunctionVersions, STALE_AUTO, STALE_LATEST, STALE_SERVING, staleAutoVersion, staleSlots,
  type FunctionVersionData, type FunctionVersionsData,
} from '../../../src/model/fleet/functionVersions.js';

const LATEST_SECURE = 7;
const OLD = 5;
const OLDER = 3;
const RUNTIME_VERSIONS = [LATEST_SECURE, OLD, OLDER];
const MODES = [MODE_AUTO, MODE_FUNCTION_UPDATE, MODE_MANUAL];

/** Every function version one slot can be: runtime version × configured mode × pinned. */
const VERSION_CHOICES: FunctionVersionData[] = RUNTIME_VERSIONS.flatMap((version) =>
  MODES.flatMap((mode) => [false, true].map((pinned) => ({ version, mode, pinned }))));

/** The expected bits and first stale Auto version, from the rules (see the header). */
function expected(data: FunctionVersionsData): { bits: number; autoVersion: number } {
  const all = [data.latest, ...data.published];
  const serving = data.aliasNumber === null ? data.latest : data.published.find((p) => p.number === data.aliasNumber)!;
  const stale = (v: FunctionVersionData): boolean => v.version !== LATEST_SECURE;
  const lambdaMoves = (v: FunctionVersionData): boolean => v.mode === MODE_AUTO && !v.pinned;
  const firstAuto = all.find((v) => stale(v) && lambdaMoves(v));
  return {
    bits: (stale(data.latest) ? STALE_LATEST : 0) | (stale(serving) ? STALE_SERVING : 0) | (firstAuto !== undefined ? STALE_AUTO : 0),
    autoVersion: firstAuto?.version ?? -1,
  };
}

/** Functions with `$LATEST` and up to two published versions, aliased or not: every combination. */
function* functions(): Generator<FunctionVersionsData> {
  for (const latest of VERSION_CHOICES) {
    yield { latest, published: [], aliasNumber: null };
    for (const first of VERSION_CHOICES) {
      for (const alias of [null, 4]) yield { latest, published: [{ ...first, number: 4 }], aliasNumber: alias };
    }
  }
  // Two published versions: the alias on either, the other one stale or not.
  for (const a of VERSION_CHOICES) {
    for (const b of VERSION_CHOICES) {
      for (const alias of [2, 9]) {
        yield { latest: { version: LATEST_SECURE, mode: MODE_AUTO, pinned: false }, published: [{ ...a, number: 2 }, { ...b, number: 9 }], aliasNumber: alias };
      }
    }
  }
}

describe('stale function versions (R7, R9, R12, R14)', () => {
  it('names $LATEST, the serving version and the Lambda-movable versions exactly as the rules do', () => {
    const cases = [...functions()];
    const fleet = new FleetState(cases.length, 3);
    let checked = 0;
    for (const data of cases) {
      const f = fleet.add();
      setFunctionVersions(fleet, f, data);
      const want = expected(data);
      const label = JSON.stringify(data);
      expect(staleSlots(fleet, f, LATEST_SECURE), label).toBe(want.bits);
      expect(staleAutoVersion(fleet, f, LATEST_SECURE), label).toBe(want.autoVersion);
      checked++;
    }
    expect(checked).toBe(18 + 18 * 18 * 2 + 18 * 18 * 2);
  });

  it('finds nothing stale on a function whose every version runs the latest secure version, whatever its modes', () => {
    const fleet = new FleetState(4, 3);
    const f = fleet.add();
    setFunctionVersions(fleet, f, {
      latest: { version: LATEST_SECURE, mode: MODE_MANUAL, pinned: true },
      published: [{ version: LATEST_SECURE, mode: MODE_AUTO, pinned: false, number: 1 }, { version: LATEST_SECURE, mode: MODE_FUNCTION_UPDATE, pinned: false, number: 2 }],
      aliasNumber: 1,
    });
    expect(staleSlots(fleet, f, LATEST_SECURE)).toBe(0);
    expect(staleAutoVersion(fleet, f, LATEST_SECURE)).toBe(-1);
    // The same function is stale everywhere once a newer version is the latest secure one.
    expect(staleSlots(fleet, f, LATEST_SECURE + 1)).toBe(STALE_LATEST | STALE_SERVING | STALE_AUTO);
    expect(staleAutoVersion(fleet, f, LATEST_SECURE + 1)).toBe(LATEST_SECURE);
  });
});
