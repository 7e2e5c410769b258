/**
 * The collected state of an account: plain, serialisable data. Each slice is a Result, so a check can
 * tell "could not read" (AccessDenied, throttled away, region not enabled) apart from "none found".
 *
 * Slices are declared in src/state/<service>.ts, one file per service, through declaration merging:
 *
 *   declare module '../engine/state.js' {
 *     interface GlobalSlices { 'iam.passwordPolicy': PasswordPolicy | null }
 *     interface RegionalSlices { 'ec2.ebsDefaultEncryption': boolean }
 *   }
 *
 * A slice key is "<service>.<name>"; the service part names both the state file and the collector
 * file that fills it (`src/aws/collectors/<service>.ts`). Checks, fixes, the demo and the tests import
 * the slice types from src/state, never from src/aws (a lint rule in biome.json holds this).
 */

// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in src/state/<service>.ts
export interface GlobalSlices {}
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in src/state/<service>.ts
export interface RegionalSlices {}

export type GlobalKey = keyof GlobalSlices & string;
export type RegionalKey = keyof RegionalSlices & string;
export type SliceKey = GlobalKey | RegionalKey;

/** Why a slice (or one resource's part of it) could not be read. */
export interface CollectError {
  /** AWS's error name (`AccessDenied`, `ThrottlingException`, …) or a name of ours. */
  readonly code: string;
  /** One plain sentence for a person. */
  readonly message: string;
  /** The IAM action that was refused, when the error is an access denial. */
  readonly action?: string;
  /** access: missing permission · throttled · network · not-enabled: region or service off · other */
  readonly kind: 'access' | 'throttled' | 'network' | 'not-enabled' | 'credentials' | 'other';
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CollectError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: CollectError): Result<T> => ({ ok: false, error });

export interface AccountIdentity {
  readonly accountId: string;
  readonly arn: string;
  readonly userId?: string;
  readonly partition: string;
  readonly alias?: string;
}

export const STATE_FORMAT_VERSION = 1;

export interface AccountState {
  readonly formatVersion: number;
  readonly tool: { readonly name: 'hipaa-wizard'; readonly version: string };
  readonly collectedAt: string;
  readonly identity: AccountIdentity;
  /** The region used for global services and the default for everything else. */
  readonly homeRegion: string;
  /** The regions that were scanned. */
  readonly regions: readonly string[];
  readonly global: { [K in GlobalKey]?: Result<GlobalSlices[K]> };
  readonly regional: { readonly [region: string]: { [K in RegionalKey]?: Result<RegionalSlices[K]> } };
}

/** Reads a global slice; a slice that was never collected reads as an error, never as empty. */
export function globalSlice<K extends GlobalKey>(state: AccountState, key: K): Result<GlobalSlices[K]> {
  const found = state.global[key] as Result<GlobalSlices[K]> | undefined;
  return found ?? err(notCollected(key));
}

/** Reads a regional slice for one region; never collected reads as an error. */
export function regionalSlice<K extends RegionalKey>(
  state: AccountState,
  key: K,
  region: string,
): Result<RegionalSlices[K]> {
  const found = state.regional[region]?.[key] as Result<RegionalSlices[K]> | undefined;
  return found ?? err(notCollected(key, region));
}

function notCollected(key: string, region?: string): CollectError {
  return {
    code: 'NotCollected',
    kind: 'other',
    message: `The ${key} data was not collected${region ? ` in ${region}` : ''}.`,
  };
}

/** Explains a collection error in one sentence, naming the IAM action when access was refused. */
export function describeError(error: CollectError): string {
  if (error.kind === 'access' && error.action) return `could not read: access denied for ${error.action}`;
  return `could not read: ${error.message}`;
}
