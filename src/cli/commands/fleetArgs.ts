/**
 * The parsed arguments of `fleet import` and `fleet collect`: shared by the registration
 * (fleetCmd.ts) and the implementations it loads lazily, so neither imports the other.
 */
export interface FleetWriteArgs {
  readonly out: string;
  readonly anonymize: boolean;
  readonly windowDays: number;
  readonly windowEnd?: string | undefined;
}

export interface FleetCollectArgs extends FleetWriteArgs {
  readonly region: readonly string[];
  readonly profile?: string | undefined;
  readonly endpointUrl?: string | undefined;
  readonly concurrency: number;
  readonly quiet: boolean;
}
