/**
 * Lambda managed runtime identifiers (R5) and the prefix of their version labels (R4).
 * Labels follow Lambda's own scheme (`python:3.12.v14`), which does not follow the
 * language's version numbers; the model never parses a label to order versions
 * (domain.md: "Do not assume one label grammar"). Order comes from the releases.
 */
export interface RuntimeInfo {
  /** Runtime identifier, e.g. `python3.12`. */
  readonly id: string;
  /** Label prefix, e.g. `python:3.12`; a version label is `<prefix>.v<N>` by default. */
  readonly labelPrefix: string;
}

export const MANAGED_RUNTIMES: readonly RuntimeInfo[] = [
  { id: 'nodejs24.x', labelPrefix: 'nodejs:24' },
  { id: 'nodejs22.x', labelPrefix: 'nodejs:22' },
  { id: 'nodejs20.x', labelPrefix: 'nodejs:20' },
  { id: 'nodejs18.x', labelPrefix: 'nodejs:18' },
  { id: 'python3.14', labelPrefix: 'python:3.14' },
  { id: 'python3.13', labelPrefix: 'python:3.13' },
  { id: 'python3.12', labelPrefix: 'python:3.12' },
  { id: 'python3.11', labelPrefix: 'python:3.11' },
  { id: 'python3.10', labelPrefix: 'python:3.10' },
  { id: 'python3.9', labelPrefix: 'python:3.9' },
  { id: 'java25', labelPrefix: 'java:25' },
  { id: 'java21', labelPrefix: 'java:21' },
  { id: 'java17', labelPrefix: 'java:17' },
  { id: 'java11', labelPrefix: 'java:11' },
  { id: 'java8.al2', labelPrefix: 'java:8.al2' },
  { id: 'dotnet10', labelPrefix: 'dotnet:10' },
  { id: 'dotnet9', labelPrefix: 'dotnet:9' },
  { id: 'dotnet8', labelPrefix: 'dotnet:8' },
  { id: 'ruby3.4', labelPrefix: 'ruby:3.4' },
  { id: 'ruby3.3', labelPrefix: 'ruby:3.3' },
  { id: 'ruby3.2', labelPrefix: 'ruby:3.2' },
  { id: 'provided.al2023', labelPrefix: 'provided:al2023' },
  { id: 'provided.al2', labelPrefix: 'provided:al2' },
];

export const RUNTIME_IDS: readonly string[] = MANAGED_RUNTIMES.map((r) => r.id);

export function runtimeInfo(id: string): RuntimeInfo | undefined {
  return MANAGED_RUNTIMES.find((r) => r.id === id);
}
