/**
 * `--anonymize`: function names and account ids replaced by salted hashes (HMAC-SHA-256 with
 * a salt drawn from node:crypto), so a fleet can be shared. The same name or account always
 * maps to the same hash within one import, so aliases and versions stay attached; ARNs stay
 * well-formed (an account becomes 12 digits, a name `fn-` and 20 hex digits). The salt is
 * returned for the caller to print once; it is never stored. Runtime version ARNs are
 * Lambda's, not the owner's, and are kept.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { compareStrings, functionArnOf, parseFunctionArn } from './arn.js';
import type { FleetFunction } from './fleetFile.js';

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

function hmac(salt: string, kind: string, text: string): string {
  return createHmac('sha256', salt).update(`${kind}\0${text}`).digest('hex');
}

export function anonymousAccount(salt: string, account: string): string {
  const digits = BigInt(`0x${hmac(salt, 'account', account).slice(0, 24)}`) % 10n ** 12n;
  return digits.toString().padStart(12, '0');
}

export function anonymousName(salt: string, name: string): string {
  return `fn-${hmac(salt, 'name', name).slice(0, 20)}`;
}

/** The fleet with names and accounts hashed, re-sorted by the new ARNs. */
export function anonymizeFunctions(functions: readonly FleetFunction[], salt: string): FleetFunction[] {
  return functions
    .map((f) => {
      const arn = parseFunctionArn(f.functionArn)!;
      const account = anonymousAccount(salt, f.account);
      const functionName = anonymousName(salt, f.functionName);
      return { ...f, account, functionName, functionArn: functionArnOf(arn.partition, arn.region, account, functionName) };
    })
    .sort((a, b) => compareStrings(a.functionArn, b.functionArn));
}
