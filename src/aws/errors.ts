/**
 * AWS errors as data. Every error a call can meet is classified into a CollectError with one plain
 * sentence; access denials name the IAM action. Matching is on the error's `name` (AWS's code),
 * never on message text, except to read the refused action out of an AccessDenied message.
 */
import type { CollectError } from '../engine/state.js';

const ACCESS = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'AuthorizationErrorException',
  'UnauthorizedException',
  'Forbidden',
  'NotAuthorized',
  'AccessDeniedForDependencyException',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
]);
const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'AuthFailure',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'IncompleteSignature',
  'TokenRefreshRequired',
]);
const NOT_ENABLED = new Set([
  'OptInRequired',
  'SubscriptionRequiredException',
  'InvalidParameterValue',
  'UnrecognizedRegion',
  'InvalidRegion',
]);
const NETWORK = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'NetworkingError',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
]);

export interface AwsErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
}

export function errorName(e: unknown): string {
  const x = e as AwsErrorLike | undefined;
  return x?.name && x.name !== 'Error' ? x.name : (x?.code ?? 'Error');
}

/** The action an AccessDenied message names ("…is not authorized to perform: iam:ListUsers on…"). */
export function refusedAction(message: string | undefined): string | undefined {
  return message?.match(/perform:?\s+([a-z0-9-]+:[A-Za-z0-9]+)/)?.[1];
}

/** Classifies an error thrown by an SDK call; `action` is the IAM action the call needs. */
export function classify(e: unknown, action?: string): CollectError {
  const name = errorName(e);
  const raw = (e as AwsErrorLike | undefined)?.message?.trim() ?? String(e);
  const status = (e as AwsErrorLike | undefined)?.$metadata?.httpStatusCode;
  if (ACCESS.has(name)) {
    const refused = refusedAction(raw) ?? action;
    return {
      code: name,
      kind: 'access',
      action: refused,
      message: refused ? `access denied: the credentials lack ${refused}` : `access denied (${name})`,
    };
  }
  if (THROTTLED.has(name)) {
    return { code: name, kind: 'throttled', action, message: `AWS kept throttling ${action ?? 'the call'} after every retry` };
  }
  if (CREDENTIALS.has(name)) {
    return { code: name, kind: 'credentials', action, message: credentialSentence(name, raw) };
  }
  if (NOT_ENABLED.has(name)) {
    return { code: name, kind: 'not-enabled', action, message: `the region or service is not enabled for this account (${name})` };
  }
  if (name === 'TimeoutError') {
    return { code: name, kind: 'network', action, message: `${firstSentence(raw).replace(/\.$/, '')}; the call was given up` };
  }
  if (name === 'AbortError') {
    return { code: name, kind: 'other', action, message: 'the scan was interrupted before this was read' };
  }
  if (NETWORK.has(name) || /ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|socket hang up/i.test(raw)) {
    return { code: name, kind: 'network', action, message: `the network call failed or timed out (${name})` };
  }
  if (status !== undefined && status >= 500) {
    return { code: name, kind: 'network', action, message: `AWS answered with a server error ${status} (${name}) after every retry` };
  }
  return { code: name, kind: 'other', action, message: `${name}: ${firstSentence(raw)}` };
}

function firstSentence(text: string): string {
  const line = text.split('\n')[0] ?? text;
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}

function credentialSentence(name: string, raw: string): string {
  if (name === 'CredentialsProviderError') {
    if (/profile/i.test(raw)) return `the AWS profile could not be found or read (${firstSentence(raw)})`;
    return 'no AWS credentials were found (set AWS_PROFILE or use --profile, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)';
  }
  if (name === 'ExpiredToken' || name === 'ExpiredTokenException' || name === 'RequestExpired' || name === 'TokenRefreshRequired') {
    return 'the AWS credentials have expired; refresh them (for SSO: aws sso login) and try again';
  }
  return `AWS did not accept the credentials (${name})`;
}

/** Credential errors that mean the session has run out: nothing more can be read with it. */
const EXPIRY = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired', 'CredentialsProviderError']);

/** True for errors that make every further call pointless (expired or missing credentials). */
export function isFatal(e: CollectError): boolean {
  return e.kind === 'credentials' && EXPIRY.has(e.code);
}

/**
 * Errors an opt-in region that is not enabled answers with: the service rejects the (valid) token
 * it has never heard of. In the home region they mean bad credentials; elsewhere, a region that is off.
 */
const REGION_OFF = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'AuthFailure', 'OptInRequired']);

/** Re-reads an error from a regional call: a token refused outside the home region means the region is not enabled. */
export function inRegion(e: CollectError, region: string, homeRegion: string): CollectError {
  if (e.kind === 'not-enabled') return { ...e, message: `${region} is not enabled for this account or this service (${e.code})` };
  if (region !== homeRegion && REGION_OFF.has(e.code)) {
    return { ...e, kind: 'not-enabled', message: `${region} is not enabled for this account or this service (${e.code})` };
  }
  return e;
}

/**
 * Errors that mean the whole run cannot start, as one sentence for a person: no credentials, an
 * unknown profile, no region. Returns undefined for anything else.
 */
export function startupProblem(e: unknown): string | undefined {
  const name = errorName(e);
  const raw = (e as AwsErrorLike | undefined)?.message ?? '';
  if (/Region is missing/i.test(raw)) {
    return 'No AWS region is set: pass --region, set AWS_REGION, or set a region in your AWS profile.';
  }
  const c = classify(e);
  if (c.kind === 'credentials') return `Cannot reach AWS: ${c.message}.`;
  if (name === 'ProfileNotFound' || /profile .* (could not be found|not found)/i.test(raw)) {
    return `Cannot reach AWS: ${firstSentence(raw)}`;
  }
  if (c.kind === 'network') return `Cannot reach AWS: ${c.message}. Check the network, --endpoint-url and AWS_ENDPOINT_URL.`;
  return undefined;
}

/** A call's "not configured" answer, turned into a value (e.g. NoSuchEntity → null password policy). */
export async function orIfMissing<T>(call: () => Promise<T>, missing: readonly string[], value: T): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (missing.includes(errorName(e))) return value;
    throw e;
  }
}

/**
 * The sentence for a scan that stopped early because its credentials ran out: how much was read,
 * and what to do. Undefined when `stop` is not such an error.
 */
export function partialScanProblem(
  stop: unknown,
  state: { readonly global: object; readonly regional: { readonly [region: string]: object } },
): string | undefined {
  if (!stop) return undefined;
  const c = classify(stop);
  if (!isFatal(c)) return undefined;
  let read = 0;
  let lost = 0;
  const tally = (r: unknown) => {
    const x = r as { ok?: boolean; error?: { kind?: string } } | undefined;
    if (!x) return;
    if (x.ok) read++;
    else if (x.error?.kind === 'credentials') lost++;
  };
  for (const r of Object.values(state.global)) tally(r);
  for (const slices of Object.values(state.regional)) for (const r of Object.values(slices)) tally(r);
  return `The scan stopped early: ${c.message.replace(/\.$/, '')}. ${read} part${read === 1 ? ' was' : 's were'} read before that and ${lost} could not be, so the findings are partial (the checks that needed them show as unknown).`;
}
