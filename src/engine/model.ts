/**
 * The model: steps, checks, attestations, findings, remediations, plans and decisions.
 * Checks and attestations are data plus a pure function; nothing here does I/O.
 */
import type { EffectClass } from './effects.js';
import type { Obligation } from './hipaa.js';
import type { AccountState, CollectError, GlobalKey, RegionalKey } from './state.js';
import type { OptionSchema } from '../schemas/options.js';

export type Status = 'pass' | 'fail' | 'unknown' | 'manual' | 'accepted';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export interface Citation {
  /** "164.312(a)(2)(iv)", no "§". */
  readonly section: string;
  /** What HIPAA marks the specification: the registry checks this against the rule's table. */
  readonly obligation: Obligation;
}

/** The twelve categories, in the order of the source checklist. */
export interface StepDef {
  /** "01-access-controls": the folder name under steps/. */
  readonly id: string;
  readonly number: number;
  readonly title: string;
  /** At most 15 characters, for the step list of a narrow terminal when the title does not fit (the title is used where it fits). */
  readonly shortTitle?: string;
  /** Why the category matters and what HIPAA asks, in plain words: a few short paragraphs. */
  readonly intro: string;
  readonly hipaa: readonly Citation[];
  readonly hitrust: readonly string[];
}

/** Thresholds a person can change with flags; every default is documented in the README. */
export interface Settings {
  readonly passwordMinLength: number;
  readonly passwordReusePrevention: number;
  readonly passwordMaxAgeDays: number;
  readonly accessKeyMaxAgeDays: number;
  readonly unusedCredentialDays: number;
  readonly rootRecentUseDays: number;
  readonly maxSessionHours: number;
  readonly logRetentionDays: number;
  readonly backupRetentionDays: number;
  readonly patchSlaCriticalDays: number;
  readonly patchSlaHighDays: number;
  readonly certExpiryDays: number;
  readonly baaRenewalDays: number;
  /** Tag keys whose presence marks a resource as holding ePHI (e.g. "phi", "data-classification=phi"). */
  readonly phiTags: readonly string[];
}

export const DEFAULT_SETTINGS: Settings = {
  passwordMinLength: 14,
  passwordReusePrevention: 24,
  passwordMaxAgeDays: 90,
  accessKeyMaxAgeDays: 90,
  unusedCredentialDays: 90,
  rootRecentUseDays: 90,
  maxSessionHours: 8, // a working day; IAM allows up to 12
  // A year of logs and five weeks of backups, the usual baselines. Six years (§164.316(b)(2)(i)) is
  // how long documentation is kept, not a rule for logs or backups: see the documentation step.
  logRetentionDays: 365,
  backupRetentionDays: 35,
  patchSlaCriticalDays: 30,
  patchSlaHighDays: 90,
  certExpiryDays: 30,
  baaRenewalDays: 60,
  phiTags: ['phi=true', 'data-classification=phi', 'ephi=true'],
};

/** What a check's evaluate() may read besides the state: the clock, the thresholds and the records. */
export interface EvalContext {
  readonly now: Date;
  readonly settings: Settings;
  /** The records folder (decisions, attestations, vendors): data, read-only. */
  readonly records: RecordsView;
}

export interface ResourceResult {
  /** An ARN, a name, or "account". */
  readonly id: string;
  readonly region?: string;
  readonly status: 'pass' | 'fail' | 'unknown';
  /** One sentence on this resource. */
  readonly detail: string;
  /** The IAM action whose refusal made this resource unknown. */
  readonly missing?: string;
}

/** What evaluate() returns; the runner turns it into a Finding. */
export interface Outcome {
  readonly status: 'pass' | 'fail' | 'unknown' | 'manual';
  /** A full sentence naming the resource(s) and region(s), that a person can act on. */
  readonly message: string;
  readonly resources?: readonly ResourceResult[];
  /** IAM actions whose refusal made this outcome unknown. */
  readonly missing?: readonly string[];
}

export interface CheckDef {
  /** kebab-case, unique, equal to the file name: steps/NN-x/checks/<id>.ts */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly hipaa: Citation;
  readonly hitrust: readonly string[];
  /**
   * IAM actions the check needs beyond those of the slices it reads. A check's actions are derived
   * from `needs`: each slice's collector (src/aws/collectors) declares the actions its calls need.
   */
  readonly permissions?: readonly string[];
  /** The slices evaluate() reads; the runner collects exactly these. */
  readonly needs: { readonly global?: readonly GlobalKey[]; readonly regional?: readonly RegionalKey[] };
  /** Why a gap matters, in plain words (one or two sentences). */
  readonly why: string;
  readonly evaluate: (state: AccountState, ctx: EvalContext) => Outcome;
}

export type FieldKind = 'text' | 'date' | 'person' | 'percent' | 'number' | 'boolean' | 'url' | 'evidence';

export interface FieldDef {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly help?: string;
}

/** Something no AWS API can show, that a person attests to (a signed BAA, a tabletop exercise). */
export interface AttestationDef {
  /** kebab-case, unique, equal to the file name: steps/NN-x/attestations/<id>.ts */
  readonly id: string;
  readonly title: string;
  /** The question put to the person, as one sentence ending in "?". */
  readonly question: string;
  readonly severity: Severity;
  readonly hipaa: Citation;
  readonly hitrust: readonly string[];
  readonly why: string;
  readonly fields: readonly FieldDef[];
  /** Days after it is given before it is due again. */
  readonly validForDays: number;
}

export interface DecisionSummary {
  readonly id: string;
  readonly status: string;
  readonly reason: string;
  readonly reviewBy: string;
  readonly decidedBy: string;
}

/** A check or attestation result as the person sees it. */
export interface Finding {
  readonly kind: 'check' | 'attestation';
  /** The check or attestation id. */
  readonly id: string;
  readonly stepId: string;
  readonly title: string;
  readonly status: Status;
  readonly severity: Severity;
  readonly hipaa: Citation;
  readonly hitrust: readonly string[];
  readonly message: string;
  readonly why: string;
  readonly resources: readonly ResourceResult[];
  readonly remediation?: string;
  readonly missing?: readonly string[];
  /** The decision that made this finding `accepted`, or that lapsed. */
  readonly decision?: DecisionSummary & { readonly lapsed: boolean };
  /** The status evaluate() gave before any decision applied. */
  readonly evaluated: Status;
}

// ---------------------------------------------------------------------------------------------
// Remediations and plans

export type Effect = '+' | '~' | '-';
export type Risk = 'safe' | 'disruptive' | 'costly' | 'irreversible';

/** One SDK call a plan will make. */
export interface PlannedCall {
  /** The service key in src/engine/services.ts, e.g. "iam", "s3", "ec2". */
  readonly service: string;
  /** The SDK command name without "Command", e.g. "UpdateAccountPasswordPolicy". */
  readonly command: string;
  readonly input: Record<string, unknown>;
  readonly region: string;
}

export interface PlanAction extends PlannedCall {
  /**
   * A name later actions of the plan refer to this action's response by: "{{name.Path}}" (src/engine/apply.ts).
   * Lower-case letters, digits and dashes, unique in the plan (e.g. "log-key-us-east-1").
   */
  readonly ref?: string;
  readonly effect: Effect;
  /** The resource the action touches: an ARN, a name, or "account". */
  readonly resource: string;
  readonly summary: string;
  readonly reversible: boolean;
  /** The calls that take this action back, computed from the state before; absent when not reversible. */
  readonly undo?: readonly PlannedCall[];
  /** Why it cannot be undone, when it cannot. */
  readonly irreversibleBecause?: string;
  /**
   * Filled in by makePlan from the table in src/engine/effects.ts, never by a fix: what the call does
   * (additive, tightening, costly…), the risk that follows, and the sentence saying why.
   */
  readonly effectClass?: EffectClass;
  readonly risk?: Risk;
  readonly riskBecause?: string;
}

export interface Plan {
  readonly remediation: string;
  readonly checks: readonly string[];
  /** The most severe risk of its actions (src/engine/effects.ts), never hand-set. */
  readonly risk: Risk;
  readonly title: string;
  readonly actions: readonly PlanAction[];
  /** The SHA-256 of the fields the plan was made from: apply refuses when the state has drifted. */
  readonly basis: string;
  /**
   * The fields the basis covers (src/engine/plan.ts `recordReads`): what plan() read to decide, or,
   * for an undo, what the apply changed. Absent on plans made before: the basis is then whole slices.
   */
  readonly basisFields?: readonly string[];
  readonly createdAt: string;
  /** Notes a person must read before applying (cost, side effects). */
  readonly notes: readonly string[];
  /** The slices the basis covers (the fixed checks' needs plus the fix's own): apply re-collects these. */
  readonly needs?: { readonly global: readonly string[]; readonly regional: readonly string[] };
  /** The regions the plan was made over and the account it is for: apply refuses another account. */
  readonly regions?: readonly string[];
  readonly account?: string;
  /** The options the plan was made with (defaults filled in). */
  readonly options?: Readonly<Record<string, string>>;
  /** Set on an undo plan: the journal entry it takes back. */
  readonly undoOf?: string;
}

/** Some of a fix's IAM actions, allowed only on these resources (and under this condition). */
export interface PermissionScope {
  readonly actions: readonly string[];
  /** ARN patterns: "{partition}" and "{account}" are filled in by `permissions`, "{name}" with the fix's option of that name. */
  readonly resources: readonly string[];
  /** An IAM Condition block, e.g. { StringEquals: { 'iam:PassedToService': 'vpc-flow-logs.amazonaws.com' } }. */
  readonly condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** Options a person can give a fix (a group name, a key alias); each has a default. */
export interface RemediationOption {
  readonly name: string;
  readonly description: string;
  readonly default?: string;
  /** The values it takes (src/schemas/options.ts); any text when absent. Checked before plan() runs. */
  readonly schema?: OptionSchema;
}

/** What plan() reads besides the state: the eval context, the options, the fixed checks' results. */
export interface PlanContext extends EvalContext {
  readonly options: Readonly<Record<string, string>>;
  /**
   * The resources a fixed check (one of the fix's `fixes`) found failing on this state: the one scope
   * rule, so a fix plans exactly what its check failed, never a second copy of the rule.
   */
  failing(checkId: string): readonly ResourceResult[];
  /** Records a sentence shown with the plan: a resource left alone and why (its dependents). */
  note(sentence: string): void;
}

export interface RemediationDef {
  /** kebab-case, unique, equal to the file name: remediations/<id>.ts */
  readonly id: string;
  readonly title: string;
  /** The checks this fix makes pass; they are re-run after apply. */
  readonly fixes: readonly string[];
  /**
   * What the fix never changes, as short phrases for the README's fix table (the skip rules its
   * plan() follows: buckets something depends on, the caller, keys in use). Its risk is not set
   * here: it follows from the calls its plan makes (src/engine/effects.ts).
   */
  readonly leavesAlone?: readonly string[];
  /** Every IAM action apply (and undo) needs. */
  readonly permissions: readonly string[];
  /**
   * Actions of `permissions` granted only on the named resources (the roles the fix creates or
   * passes), never on "*": `permissions --fix` prints them as their own statements.
   */
  readonly scopes?: readonly PermissionScope[];
  readonly options?: readonly RemediationOption[];
  /** Slices plan() reads beyond the fixed checks' needs (they join the plan's basis). */
  readonly needs?: { readonly global?: readonly GlobalKey[]; readonly regional?: readonly RegionalKey[] };
  /** Things to read before applying (cost, side effects), shown with every non-empty plan. */
  readonly notes?: readonly string[];
  /** Pure: the actions that would make the checks pass, given the state; [] when nothing is to do. */
  readonly plan: (state: AccountState, ctx: PlanContext) => readonly PlanAction[];
}

// ---------------------------------------------------------------------------------------------
// Decisions (stored in the records folder, applied to findings by the runner)

/** §164.306(d)(3) outcomes for a safeguard, plus the two a register needs in practice. */
/**
 * What supports a decision or an answer: a file, hashed when recorded (its path relative to the records
 * folder when `base` is "records", so verify works from any folder), or a web address (not hashed:
 * what a page says can change, and the register cannot vouch for it).
 */
export type EvidenceItem = { readonly path: string; readonly sha256: string; readonly base?: 'records' } | { readonly url: string };

export type DecisionStatus = 'implemented' | 'alternative' | 'not-reasonable' | 'risk-accepted' | 'not-applicable';

export interface Decision {
  readonly id: string;
  /** A check id, or an attestation id, or a HIPAA section for a decision on a whole safeguard. */
  readonly subject: string;
  readonly status: DecisionStatus;
  readonly reason: string;
  readonly alternative?: string;
  /** Who owns an accepted risk (required for risk-accepted). */
  readonly owner?: string;
  readonly decidedBy: string;
  readonly approvedBy?: string;
  readonly decidedAt: string;
  /** ISO date (YYYY-MM-DD) after which the decision lapses. */
  readonly reviewBy: string;
  readonly scope?: { readonly accounts?: readonly string[]; readonly regions?: readonly string[]; readonly resources?: readonly string[] };
  readonly evidence?: readonly EvidenceItem[];
}

/** A recorded answer to an attestation. */
export interface AttestationAnswer {
  readonly id: string;
  readonly attestation: string;
  readonly answer: 'yes' | 'no' | 'partial';
  readonly fields: Readonly<Record<string, string>>;
  readonly attestedBy: string;
  readonly attestedAt: string;
  readonly evidence?: readonly EvidenceItem[];
}

/** A business associate in the vendor inventory (step 9). */
export interface Vendor {
  readonly id: string;
  readonly name: string;
  readonly services: string;
  /** The kinds of ePHI the vendor can reach (e.g. "claims, lab results"). */
  readonly phiKinds: string;
  /** ISO dates (YYYY-MM-DD); absent when no BAA is signed. */
  readonly baaSignedOn?: string;
  readonly baaExpiresOn?: string;
  readonly baaLocation?: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** True when the vendor was removed from the inventory (a later entry). */
  readonly retired?: boolean;
}

/** What checks and the runner read from the records folder; src/records implements it over the files. */
export interface RecordsView {
  /** The latest decision on a subject (later entries supersede earlier ones). */
  decisionFor(subject: string): Decision | undefined;
  /** The latest answer to an attestation. */
  attestationFor(id: string): AttestationAnswer | undefined;
  /** The latest decision on every subject. */
  decisions(): readonly Decision[];
  /** The latest answer to every attestation. */
  attestations(): readonly AttestationAnswer[];
  /** The current vendor inventory (latest entry per vendor, retired ones left out). */
  vendors(): readonly Vendor[];
}

export const EMPTY_RECORDS: RecordsView = {
  decisionFor: () => undefined,
  attestationFor: () => undefined,
  decisions: () => [],
  attestations: () => [],
  vendors: () => [],
};

/** Collection failures a check met, as the runner reports them. */
export type { CollectError };
