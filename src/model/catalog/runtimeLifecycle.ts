/**
 * Runtime lifecycle dates (deprecation, block-create, block-update) of Lambda runtime identifiers,
 * copied once from the team's facts table (runtimes.csv, with its sources column) so that the
 * product never reads it at run time. Dates are UTC days, `YYYY-MM-DD`; null where the source
 * gives none. Lambda's policy: creating functions is blocked at least 30 days after deprecation,
 * updating them at least 60 days after; invocations keep working (domain.md, "Deprecation policy").
 */
export interface RuntimeLifecycle {
  readonly id: string;
  readonly launched: string | null;
  readonly deprecated: string | null;
  readonly blockCreate: string | null;
  readonly blockUpdate: string | null;
  readonly source: string;
}

const q = (s: string): string | null => (s === '' ? null : s);

/** [id, launched, deprecated, blockCreate, blockUpdate, source] as in the facts table. */
const ROWS: readonly (readonly [string, string, string, string, string, string])[] = [
  ['nodejs24.x', '2025-11-25', '2028-04-30', '2028-06-01', '2028-07-01', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['nodejs22.x', '2024-11-22', '2027-04-30', '2027-06-01', '2027-07-01', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['nodejs20.x', '2023-11-15', '2026-04-30', '2027-02-01', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['nodejs18.x', '2022-11-18', '2025-09-01', '2027-02-01', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['nodejs16.x', '2022-05-12', '2024-06-12', '2027-02-01', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['nodejs14.x', '2021-02-03', '2023-12-04', '2024-01-09', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['nodejs12.x', '2019-11-18', '2023-03-31', '2023-03-31', '2023-04-30', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['nodejs10.x', '2019-05-15', '2021-07-30', '2021-07-30', '2022-02-14', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['nodejs8.10', '2018-04-02', '2020-03-06', '2020-02-04', '2020-03-06', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['nodejs4.3-edge', '2017-07-17', '2020-03-05', '2019-03-31', '2019-04-30', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['nodejs6.10', '2017-03-22', '2019-08-12', '2019-07-12', '2019-08-12', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['nodejs4.3', '2016-04-07', '2020-03-05', '2020-02-03', '2020-03-05', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['nodejs', '2014-11-13', '2016-08-30', '2016-09-30', '2016-10-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['python3.14', '2025-11-18', '2029-06-30', '2029-07-31', '2029-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['python3.13', '2024-11-14', '2029-06-30', '2029-07-31', '2029-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['python3.12', '2023-12-14', '2028-10-31', '2028-11-30', '2029-01-10', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['python3.11', '2023-07-27', '2027-06-30', '2027-07-31', '2027-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['python3.10', '2023-04-18', '2026-10-31', '2027-02-01', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['python3.9', '2021-08-16', '2025-12-15', '2027-02-01', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['python3.8', '2019-11-18', '2024-10-14', '2027-02-01', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['python3.7', '2018-11-19', '2023-12-04', '2024-01-09', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['python3.6', '2017-04-18', '2022-07-18', '2022-07-18', '2022-08-29', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['python2.7', '2015-10-08', '2021-07-15', '2021-07-15', '2022-05-30', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['java8.al2023', '2026-07-31', '2029-06-30', '', '2029-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + dates from endoflife eoas/eol'],
  ['java17.al2023', '2026-07-31', '2029-06-30', '', '2029-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + dates from endoflife eoas/eol'],
  ['java11.al2023', '2026-07-31', '2029-06-30', '', '2029-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + dates from endoflife eoas/eol'],
  ['java25', '2025-11-14', '2029-06-30', '2029-07-31', '2029-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['java21', '2023-11-17', '2029-06-30', '2029-07-31', '2029-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['java17', '2023-04-27', '2027-06-30', '2027-07-31', '2027-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['java8.al2', '2020-08-12', '2027-06-30', '2027-07-31', '2027-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['java11', '2019-11-18', '2027-06-30', '2027-07-31', '2027-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['java8', '2015-06-15', '2024-01-08', '2024-02-08', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['dotnet10', '2026-01-08', '2028-11-14', '2028-12-14', '2029-01-15', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['dotnet9', '2024-12-09', '2026-11-10', '', '', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['dotnet8', '2024-02-22', '2026-11-10', '2027-02-01', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['dotnet7', '2022-11-15', '2024-05-14', '2024-05-14', '2024-05-14', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@a4a11d5d (older; later dropped)'],
  ['dotnet6', '2022-02-24', '2024-12-20', '2027-02-01', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['dotnet5.0', '2020-12-02', '2022-05-10', '', '', 'endoflife.date:products/aws-lambda.md@c86378a1 + dates from endoflife eoas/eol'],
  ['dotnetcore3.1', '2020-03-31', '2023-04-03', '2023-04-03', '2023-05-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['dotnetcore2.1', '2018-07-09', '2022-01-05', '2022-01-05', '2022-04-13', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['dotnetcore2.0', '2018-01-15', '2019-05-30', '2019-04-30', '2019-05-30', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['dotnetcore1.0', '2016-12-01', '2019-06-27', '2019-06-30', '2019-07-30', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['ruby4.0', '2026-04-30', '2029-03-31', '2029-04-30', '2029-05-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['ruby3.4', '2025-03-27', '2028-03-31', '2028-04-30', '2028-05-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['ruby3.3', '2024-04-04', '2027-03-31', '2027-04-30', '2027-05-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['ruby3.2', '2023-06-07', '2026-03-31', '2027-02-01', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['ruby2.7', '2020-02-19', '2023-12-07', '2024-01-09', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['ruby2.5', '2018-11-29', '2021-07-30', '2021-07-30', '2022-03-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['go1.x', '2018-01-15', '2024-01-08', '2024-02-08', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
  ['provided.al2023', '2023-11-10', '2029-06-30', '2029-07-31', '2029-08-31', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['provided.al2', '2020-08-12', '2026-07-31', '2027-02-01', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b + label from INIT_START samples'],
  ['provided', '2018-11-29', '2024-01-08', '2024-02-08', '2027-03-03', 'endoflife.date:products/aws-lambda.md@c86378a1 + cfn-lint:LmbdRuntimeLifecycle.json@afd7953b'],
];

export const RUNTIME_LIFECYCLE: readonly RuntimeLifecycle[] = ROWS.map(([id, launched, deprecated, blockCreate, blockUpdate, source]) => ({
  id, launched: q(launched), deprecated: q(deprecated), blockCreate: q(blockCreate), blockUpdate: q(blockUpdate), source,
}));

export function runtimeLifecycle(id: string): RuntimeLifecycle | undefined {
  return RUNTIME_LIFECYCLE.find((r) => r.id === id);
}
