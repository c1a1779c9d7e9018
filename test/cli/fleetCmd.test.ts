/**
 * The fleet command's registration (src/cli/commands/fleetCmd.ts) repeats two defaults of
 * src/fleet so that registering it imports nothing of src/fleet (start-up); they must agree.
 */
import { describe, expect, it } from 'vitest';
import { FLEET_DEFAULTS } from '../../src/cli/commands/fleetCmd.js';
import { DEFAULT_CONCURRENCY } from '../../src/fleet/collect.js';
import { DEFAULT_WINDOW_DAYS } from '../../src/fleet/deployRates.js';

describe('fleet registration defaults', () => {
  it('match the constants of src/fleet', () => {
    expect(FLEET_DEFAULTS).toEqual({ windowDays: DEFAULT_WINDOW_DAYS, concurrency: DEFAULT_CONCURRENCY });
  });
});
