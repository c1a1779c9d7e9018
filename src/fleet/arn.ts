/**
 * Lambda ARNs as the AWS API writes them (aws-shapes.md): a function ARN with or without a
 * qualifier (`$LATEST`, a version number, or an alias name), and a runtime version ARN
 * (R4: `arn:aws:lambda:<region>::runtime:<id>`, the account field empty). Parsing never
 * throws: it returns undefined and the caller counts the ARN as one that does not parse.
 */

export interface FunctionArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly name: string;
  /** `$LATEST`, a published version number (`"7"`), an alias name, or undefined (unqualified). */
  readonly qualifier: string | undefined;
  /** The ARN without its qualifier: the function's identity in the fleet file. */
  readonly unqualified: string;
}

export type QualifierKind = 'latest' | 'version' | 'alias';

const FUNCTION_ARN =
  /^arn:(aws[a-zA-Z-]*):lambda:([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d):(\d{12}):function:([a-zA-Z0-9_-]{1,64})(?::(\$LATEST|[a-zA-Z0-9_-]{1,128}))?$/;
const RUNTIME_VERSION_ARN = /^arn:(aws[a-zA-Z-]*):lambda:([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)::runtime:([a-zA-Z0-9]{1,128})$/;

export function parseFunctionArn(text: unknown): FunctionArn | undefined {
  if (typeof text !== 'string') return undefined;
  const m = FUNCTION_ARN.exec(text);
  if (m === null) return undefined;
  const [, partition, region, account, name, qualifier] = m as unknown as [string, string, string, string, string, string | undefined];
  return {
    partition,
    region,
    account,
    name,
    qualifier,
    unqualified: `arn:${partition}:lambda:${region}:${account}:function:${name}`,
  };
}

/** A published version number is digits without a leading zero; an alias name is anything else but `$LATEST`. */
export function qualifierKind(qualifier: string): QualifierKind {
  if (qualifier === '$LATEST') return 'latest';
  if (/^[1-9]\d*$/.test(qualifier)) return 'version';
  return 'alias';
}

export interface RuntimeVersionArn {
  readonly partition: string;
  readonly region: string;
  readonly id: string;
}

export function parseRuntimeVersionArn(text: unknown): RuntimeVersionArn | undefined {
  if (typeof text !== 'string') return undefined;
  const m = RUNTIME_VERSION_ARN.exec(text);
  if (m === null) return undefined;
  return { partition: m[1]!, region: m[2]!, id: m[3]! };
}

export function functionArnOf(partition: string, region: string, account: string, name: string): string {
  return `arn:${partition}:lambda:${region}:${account}:function:${name}`;
}

/** Order of qualifiers in the fleet file: `$LATEST` first, then version numbers ascending. */
export function compareQualifiers(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '$LATEST') return -1;
  if (b === '$LATEST') return 1;
  return Number(a) - Number(b);
}

/** Plain code-unit order (never locale-dependent), for deterministic output. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
