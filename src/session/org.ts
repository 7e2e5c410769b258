/**
 * Many accounts: `scan --org` lists the ACTIVE member accounts of the AWS Organization
 * (organizations:ListAccounts, from the management account or a delegated administrator), assumes
 * a read-only role in each (`--role-name`, `--external-id`), and scans each account with its own
 * client factory, a few accounts at a time. An account whose role cannot be assumed, or whose scan
 * cannot start, is reported with the reason; the other accounts go on.
 *
 * The default role name, HipaaWizardReadOnly, is ours: create it in each member account with the
 * AWS managed policies SecurityAudit and ViewOnlyAccess, trusting the scanning account (and, if you
 * like, requiring an external id). OrganizationAccountAccessRole would work too, but it is an
 * administrator role and a scan needs none of that.
 */
import { ClientFactory } from '../aws/clients.js';
import { classify, errorName, startupProblem } from '../aws/errors.js';
import { assumeRole, callerIdentity, listActiveAccounts, type OrgAccount } from '../aws/identity.js';
import { mapLimit } from '../aws/limit.js';
import { collectGarbage } from '../lib/memory.js';
import { type Source, type SourceOptions, StartupError } from './source.js';

export const DEFAULT_ROLE_NAME = 'HipaaWizardReadOnly';
export const DEFAULT_ACCOUNT_CONCURRENCY = 4;

export interface OrgOptions {
  readonly roleName: string;
  readonly externalId?: string;
  /** Only these account ids (all ACTIVE members when absent). */
  readonly accounts?: readonly string[];
  /** Accounts scanned at once. */
  readonly concurrency: number;
}

export type { OrgAccount };

/** One account's outcome: its scan's value, or why it could not be scanned. */
export type AccountOutcome<T> =
  | { readonly account: OrgAccount; readonly status: 'scanned'; readonly value: T; readonly warnings: readonly string[] }
  | { readonly account: OrgAccount; readonly status: 'not-scanned'; readonly reason: string };

export interface OrgRun<T> {
  readonly caller: { readonly accountId: string; readonly arn: string };
  readonly roleName: string;
  readonly outcomes: readonly AccountOutcome<T>[];
  /** Sentences on the organisation as a whole (ids given with --accounts that are not ACTIVE members). */
  readonly warnings: readonly string[];
}

/**
 * Results as they come: `start` once the accounts are known, `outcome` as each account finishes
 * (in any order; `index` is its place in the list). What `outcome` returns is kept for the end, so
 * a stream that has written an account's output hands back the outcome without it.
 */
export interface OrgStream<T> {
  start(info: { readonly caller: OrgRun<T>['caller']; readonly roleName: string; readonly accounts: readonly OrgAccount[]; readonly warnings: readonly string[] }): void;
  outcome(outcome: AccountOutcome<T>, index: number): AccountOutcome<T>;
}

const ACCOUNT_ID = /^\d{12}$/;

/** Parses --accounts: twelve-digit ids, comma-separated. Throws a sentence for anything else. */
export function parseAccountList(raw: string): string[] {
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.filter((id) => !ACCOUNT_ID.test(id));
  if (ids.length === 0 || bad.length > 0) {
    throw new Error(`--accounts takes twelve-digit AWS account ids separated by commas${bad.length ? `; "${bad[0]}" is not one` : ''}.`);
  }
  return [...new Set(ids)];
}

/** Role names as IAM allows them (letters, digits and +=,.@_-; up to 64 characters). */
export function checkRoleName(name: string): string | undefined {
  return /^[\w+=,.@-]{1,64}$/.test(name) ? undefined : `--role-name "${name}" is not a valid IAM role name.`;
}

/** Why --org could not list the accounts, as one sentence. */
function listProblem(e: unknown): string {
  const name = errorName(e);
  if (name === 'AWSOrganizationsNotInUseException') return 'This account is not in an AWS Organization, so --org has no member accounts to scan.';
  const c = classify(e, 'organizations:ListAccounts');
  if (c.kind === 'access') {
    return 'Listing the organization needs organizations:ListAccounts, from the management account or a delegated administrator; or name the accounts with --accounts.';
  }
  return `The organization's accounts could not be listed: ${c.message}.`;
}

function assumeProblem(e: unknown, roleArn: string, externalId: string | undefined): string {
  const c = classify(e, 'sts:AssumeRole');
  if (c.kind === 'access') {
    return `the role ${roleArn} could not be assumed (${c.code}): check that it exists, that its trust policy allows this caller${externalId ? ' with this external id' : ''}, and that the caller may call sts:AssumeRole on it.`;
  }
  return `the role ${roleArn} could not be assumed: ${c.message}.`;
}

/**
 * Walks the organisation: lists (or takes) the accounts, then for each one opens a live source with
 * the assumed role's credentials and hands it to `scan`. `open` opens a live source with given
 * credentials (openLiveSource); tests pass their own.
 */
export async function walkOrganization<T>(
  options: SourceOptions,
  org: OrgOptions,
  open: (options: SourceOptions, credentials?: unknown) => Promise<Source>,
  scan: (source: Source, account: OrgAccount) => Promise<T>,
  onAccount?: (account: OrgAccount, phase: 'start' | 'done', detail?: string) => void,
  stream?: OrgStream<T>,
): Promise<OrgRun<T>> {
  const home = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const clients = new ClientFactory({ profile: options.profile, endpointUrl: options.endpointUrl });
  try {
    let caller: { accountId: string; arn: string; partition: string };
    try {
      caller = await callerIdentity(clients, home);
    } catch (e) {
      throw new StartupError(startupProblem(e) ?? `Cannot identify the caller with sts:GetCallerIdentity: ${(e as Error).message}`);
    }
    const warnings: string[] = [];
    let accounts: OrgAccount[];
    try {
      const active = await listActiveAccounts(clients, home);
      if (org.accounts) {
        const known = new Map(active.map((a) => [a.id, a]));
        const missing = org.accounts.filter((id) => !known.has(id));
        if (missing.length) warnings.push(`Not ACTIVE members of the organization, so not scanned: ${missing.join(', ')}.`);
        accounts = org.accounts.flatMap((id) => {
          const a = known.get(id);
          return a ? [a] : [];
        });
      } else accounts = active;
    } catch (e) {
      if (e instanceof StartupError) throw e;
      // Without ListAccounts, the accounts named with --accounts can still be scanned.
      if (!org.accounts) throw new StartupError(listProblem(e));
      warnings.push(`${listProblem(e).replace(/; or name the accounts with --accounts\.$/, '.')} Scanning the accounts given with --accounts.`);
      accounts = org.accounts.map((id) => ({ id, name: '' }));
    }
    if (accounts.length === 0) throw new StartupError('There is no ACTIVE account to scan in the organization.');
    stream?.start({ caller, roleName: org.roleName, accounts, warnings });

    const scanOne = async (account: OrgAccount): Promise<AccountOutcome<T>> => {
      onAccount?.(account, 'start');
      const roleArn = `arn:${caller.partition}:iam::${account.id}:role/${org.roleName}`;
      let credentials: unknown;
      // The caller's own account is scanned with the caller's own credentials.
      if (account.id !== caller.accountId) {
        try {
          credentials = await assumeRole(clients, home, roleArn, org.externalId);
        } catch (e) {
          const reason = assumeProblem(e, roleArn, org.externalId);
          onAccount?.(account, 'done', reason);
          return { account, status: 'not-scanned', reason };
        }
      }
      let source: Source | undefined;
      try {
        source = await open(options, credentials);
        const value = await scan(source, account);
        onAccount?.(account, 'done');
        return { account, status: 'scanned', value, warnings: source.warnings };
      } catch (e) {
        const reason = e instanceof StartupError ? e.message.replace(/\.$/, '') : (startupProblem(e) ?? classify(e).message);
        onAccount?.(account, 'done', reason);
        return { account, status: 'not-scanned', reason: `the scan could not run: ${reason.replace(/\.$/, '')}.` };
      } finally {
        source?.close();
        // This account's state is gone: once the heap has grown 16 MB since the last collection,
        // collect, so memory stays flat over many accounts (V8 alone lets garbage grow the heap).
        collectGarbage(16);
      }
    };
    const outcomes = await mapLimit(accounts, Math.max(1, org.concurrency), async (account, index) => {
      const outcome = await scanOne(account);
      return stream ? stream.outcome(outcome, index) : outcome;
    });
    return { caller, roleName: org.roleName, outcomes, warnings };
  } finally {
    clients.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// scan --org: options, one scan per account, and the combined output

export interface OrgFlags {
  org?: boolean;
  accounts?: string;
  roleName?: string;
  externalId?: string;
  concurrency?: string;
  demo?: boolean;
  snapshot?: string;
}

/** Whether the flags ask for an organisation scan (--org, or --accounts alone). */
export const wantsOrg = (o: OrgFlags): boolean => Boolean(o.org || o.accounts);

/** Validates the --org flags; throws a StartupError (one sentence, exit 2) for bad ones. */
export function orgOptions(o: OrgFlags): OrgOptions {
  if (o.demo || o.snapshot) throw new StartupError(`--org scans live member accounts; it cannot be combined with ${o.demo ? '--demo' : '--snapshot'}.`);
  const roleName = o.roleName ?? DEFAULT_ROLE_NAME;
  const badRole = checkRoleName(roleName);
  if (badRole) throw new StartupError(badRole);
  if (o.externalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(o.externalId)) throw new StartupError('--external-id must be 2 to 1224 letters, digits or +=,.@:/- characters.');
  const concurrency = o.concurrency === undefined ? DEFAULT_ACCOUNT_CONCURRENCY : Number(o.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new StartupError(`--concurrency must be a whole number of accounts from 1 to 32, not "${o.concurrency}".`);
  let accounts: string[] | undefined;
  if (o.accounts !== undefined) {
    try {
      accounts = parseAccountList(o.accounts);
    } catch (e) {
      throw new StartupError((e as Error).message);
    }
  }
  return { roleName, externalId: o.externalId, accounts, concurrency };
}

/** What one account's scan hands back for the combined output. */
export interface AccountScanValue {
  readonly counts: Readonly<Record<'pass' | 'fail' | 'unknown' | 'manual' | 'accepted', number>>;
  /** The account's own scan output (text or JSON document). */
  readonly text?: string;
  readonly json?: unknown;
  /** Set when the account's scan stopped early (expired credentials): the findings are partial. */
  readonly partial?: string;
}

const countsLine = (c: AccountScanValue['counts']) => `${c.fail} fail, ${c.unknown} unknown, ${c.manual} manual, ${c.accepted} accepted, ${c.pass} pass`;

/** The combined text: a heading, each account's scan under its own heading, then a summary line per account. */
export function orgText(run: OrgRun<AccountScanValue>, bold: (s: string) => string = (s) => s): string {
  return [
    orgHeading({ ...run, accounts: run.outcomes.map((x) => x.account) }, bold),
    ...run.outcomes.map((x) => orgSection(x, bold)),
    orgSummary(run, bold),
  ].join('');
}

/** The text's heading: who scans with which role, how many accounts, and the organization's warnings. */
export function orgHeading(info: { readonly caller: { readonly accountId: string }; readonly roleName: string; readonly accounts: readonly OrgAccount[]; readonly warnings: readonly string[] }, bold: (s: string) => string = (s) => s): string {
  const n = info.accounts.length;
  const out = [bold(`Organization scan from account ${info.caller.accountId} with the role ${info.roleName}: ${n} account${n === 1 ? '' : 's'}.`)];
  for (const w of info.warnings) out.push(`warning: ${w}`);
  return `${out.join('\n')}\n`;
}

/** One account's part of the text: its heading, then its scan or why it was not scanned. */
export function orgSection(x: AccountOutcome<AccountScanValue>, bold: (s: string) => string = (s) => s): string {
  const out = ['', bold(`=== account ${x.account.id}${x.account.name ? ` (${x.account.name})` : ''} ===`)];
  if (x.status === 'not-scanned') out.push(`Not scanned: ${x.reason}`);
  else {
    for (const w of x.warnings) out.push(`warning: ${w}`);
    if (x.value.partial) out.push(`warning: ${x.value.partial}`);
    out.push((x.value.text ?? '').trimEnd());
  }
  return `${out.join('\n')}\n`;
}

/** The text's end: how many accounts were scanned, and one line of counts per account. */
export function orgSummary(run: OrgRun<AccountScanValue>, bold: (s: string) => string = (s) => s): string {
  const scanned = run.outcomes.filter((x) => x.status === 'scanned').length;
  const out = ['', bold(`Summary by account: ${scanned} scanned, ${run.outcomes.length - scanned} not scanned.`)];
  const width = Math.max(...run.outcomes.map((x) => x.account.name.length), 4);
  for (const x of run.outcomes) {
    const what = x.status === 'scanned' ? `${countsLine(x.value.counts)}${x.value.partial ? ' (partial)' : ''}` : `not scanned: ${x.reason}`;
    out.push(`  ${x.account.id}  ${x.account.name.padEnd(width)}  ${what}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Writes the text as the accounts finish: the heading at once, each account's section as soon as
 * every account before it in the list is written (so the order is the list's), and the outcome
 * kept for the summary without its text. Holds only the sections of accounts that finished early.
 */
export function streamOrgText(write: (s: string) => void, bold: (s: string) => string = (s) => s): OrgStream<AccountScanValue> {
  const waiting = new Map<number, AccountOutcome<AccountScanValue>>();
  let next = 0;
  return {
    start: (info) => write(orgHeading(info, bold)),
    outcome(outcome, index) {
      waiting.set(index, outcome);
      for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
        write(orgSection(ready, bold));
        waiting.delete(next++);
      }
      return outcome.status === 'scanned' ? { ...outcome, value: { ...outcome.value, text: undefined } } : outcome;
    },
  };
}

/** The combined JSON document: every account's scan document, or why it has none. */
export function orgJson(run: OrgRun<AccountScanValue>, generatedAt: string, version: string): unknown {
  const total = { pass: 0, fail: 0, unknown: 0, manual: 0, accepted: 0 };
  for (const x of run.outcomes) if (x.status === 'scanned') for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += x.value.counts[k];
  return {
    tool: { name: 'hipaa-wizard', version },
    mode: 'organization',
    generatedAt,
    caller: { account: run.caller.accountId, arn: run.caller.arn },
    roleName: run.roleName,
    warnings: run.warnings,
    summary: {
      accounts: run.outcomes.length,
      scanned: run.outcomes.filter((x) => x.status === 'scanned').length,
      notScanned: run.outcomes.filter((x) => x.status === 'not-scanned').length,
      ...total,
    },
    accounts: run.outcomes.map((x) =>
      x.status === 'scanned'
        ? { id: x.account.id, name: x.account.name, status: 'scanned', partial: x.value.partial ?? null, warnings: x.warnings, scan: x.value.json ?? null }
        : { id: x.account.id, name: x.account.name, status: 'not-scanned', reason: x.reason },
    ),
  };
}

/** 2 when no account could be scanned; 1 when any finding fails or any account was not (fully) scanned; else 0. */
export function orgExitCode(run: OrgRun<AccountScanValue>): number {
  const scanned = run.outcomes.filter((x) => x.status === 'scanned');
  if (scanned.length === 0) return 2;
  const incomplete = scanned.length < run.outcomes.length || scanned.some((x) => x.status === 'scanned' && x.value.partial);
  return incomplete || scanned.some((x) => x.status === 'scanned' && x.value.counts.fail > 0) ? 1 : 0;
}
