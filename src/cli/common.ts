/**
 * Options every command shares (where the account comes from, the records folder, thresholds) and
 * the one way a command ends with a message: UsageError → exit 2, printed as one sentence.
 */
import { type Command, Option } from 'commander';
import { DEFAULT_SETTINGS, EMPTY_RECORDS, type EvalContext, type RecordsView, type Settings } from '../engine/model.js';
import type { Registry } from '../engine/registry.js';
import { DEFAULT_RECORDS_DIR } from '../records/view.js';
import type { SourceOptions } from '../session/source.js';

/** A problem the person can fix with different input; printed without a stack, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CommonOptions {
  demo?: boolean;
  snapshot?: string;
  profile?: string;
  region?: string;
  regions?: string;
  endpointUrl?: string;
  records: string;
  step?: string;
  [setting: string]: unknown;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const SETTING_HELP: Record<keyof Settings, string> = {
  passwordMinLength: 'minimum IAM password length',
  passwordReusePrevention: 'previous passwords that may not be reused',
  passwordMaxAgeDays: 'maximum IAM password age in days',
  accessKeyMaxAgeDays: 'maximum access key age in days',
  unusedCredentialDays: 'days without use after which a credential counts as unused',
  rootRecentUseDays: 'days within which root use is reported',
  maxSessionHours: 'longest acceptable role or SSO session in hours',
  logRetentionDays: 'log retention required in days; a log group that never expires passes',
  backupRetentionDays: 'backup retention required in days (recovery points kept at least this long)',
  patchSlaCriticalDays: 'days to patch a critical vulnerability',
  patchSlaHighDays: 'days to patch a high vulnerability',
  certExpiryDays: 'days before certificate expiry to warn',
  baaRenewalDays: 'days before a BAA expires to flag its renewal',
  phiTags: 'comma-separated tags marking ePHI resources, key=value',
};

/**
 * Adds the source, records and threshold options to a command. A command that only changes a live
 * account (`liveOnly`: apply, undo) still takes --demo and --snapshot, to refuse them with a sentence,
 * but does not list them in its help.
 */
export function withCommonOptions(cmd: Command, { liveOnly = false }: { liveOnly?: boolean } = {}): Command {
  const demo = new Option('--demo', 'use the built-in demo account (a fictional clinic); no AWS calls');
  const snapshot = new Option('--snapshot <file>', 'evaluate a saved snapshot offline');
  if (liveOnly) {
    demo.hideHelp();
    snapshot.hideHelp();
  }
  cmd
    .addOption(demo)
    .addOption(snapshot)
    .option('--profile <name>', 'AWS profile from ~/.aws/config')
    .option('--region <region>', 'home region, for global services (default: from the profile or AWS_REGION)')
    .option('--regions <list>', 'comma-separated regions to scan (default: every enabled region)')
    .option('--endpoint-url <url>', 'send every AWS call to this endpoint (AWS_ENDPOINT_URL works too)')
    .option('--records <dir>', 'the records folder: decisions, attestations, journal', DEFAULT_RECORDS_DIR)
    .option('--step <n>', 'only this step: its number (3) or name (integrity)');
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS) as [keyof Settings, unknown][]) {
    const flag = `--${kebab(key)} <${Array.isArray(value) ? 'list' : 'n'}>`;
    cmd.addOption(new Option(flag, `${SETTING_HELP[key]} (default ${Array.isArray(value) ? value.join(',') : value})`));
  }
  return cmd;
}

export function sourceOptions(o: CommonOptions): SourceOptions {
  return {
    demo: o.demo,
    snapshot: o.snapshot,
    profile: o.profile,
    region: o.region,
    regions: o.regions ? o.regions.split(',').map((r) => r.trim()).filter(Boolean) : undefined,
    endpointUrl: o.endpointUrl,
    now: process.env.HIPAA_WIZARD_NOW ? new Date(process.env.HIPAA_WIZARD_NOW) : undefined,
  };
}

export function settingsFrom(o: CommonOptions): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, def] of Object.entries(DEFAULT_SETTINGS)) {
    const raw = o[key];
    if (raw === undefined) continue;
    if (Array.isArray(def)) {
      out[key] = String(raw).split(',').map((s) => s.trim()).filter(Boolean);
      continue;
    }
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${kebab(key)} must be a whole number of ${key.endsWith('Hours') ? 'hours' : key.endsWith('Length') || key.endsWith('Prevention') ? 'characters or passwords' : 'days'}, not "${raw}".`);
    out[key] = n;
  }
  return out as unknown as Settings;
}

/** The clock for evaluation: HIPAA_WIZARD_NOW pins it (tests, reproducible reports). */
export function evalContext(o: CommonOptions, records: RecordsView = EMPTY_RECORDS): EvalContext {
  const pinned = process.env.HIPAA_WIZARD_NOW;
  const now = pinned ? new Date(pinned) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError(`HIPAA_WIZARD_NOW="${pinned}" is not a date.`);
  return { now, settings: settingsFrom(o), records };
}

/** The steps a command covers: all, or the one named by --step. */
export function selectSteps(registry: Registry, o: CommonOptions) {
  if (!o.step) return registry.steps;
  const step = registry.findStep(String(o.step));
  if (!step) throw new UsageError(`There is no step "${o.step}". Steps: ${registry.steps.map((s) => `${s.number} ${s.id.replace(/^\d+-/, '')}`).join(', ')}.`);
  return [step];
}
