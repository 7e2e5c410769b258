/**
 * The wizard's two forms (a decision on a finding, an answer to an attestation) as data: the
 * fields to show, how a key edits them, and what must hold before they can be saved. Pure; the
 * Ink view and the plain prompts ask the same questions in the same order.
 */
import { decisionRefusal, requiredChoicesNote, statusesFor } from '../engine/hipaa.js';
import type { AttestationDef, DecisionStatus, Finding } from '../engine/model.js';
import { oneYearAfter, parseDay } from '../lib/time.js';

export type FormFieldKind = 'text' | 'choice' | 'date';

export interface FormField {
  readonly name: string;
  readonly label: string;
  readonly kind: FormFieldKind;
  readonly choices?: readonly string[];
  readonly help?: string;
}

export interface FormState {
  readonly kind: 'decision' | 'attestation';
  /** The check or attestation the form is about. */
  readonly subject: string;
  readonly fields: readonly FormField[];
  readonly values: Readonly<Record<string, string>>;
  /** The field being edited, an index into visibleFields(form). */
  readonly index: number;
  /** Why the last attempt to save was refused (one sentence). */
  readonly error?: string;
  readonly saving: boolean;
  /** Something was typed or chosen since the form opened (Ctrl-C asks before dropping it). */
  readonly touched?: boolean;
}

export const DECISION_STATUSES: readonly DecisionStatus[] = ['implemented', 'alternative', 'not-reasonable', 'risk-accepted', 'not-applicable'];

export const DECISION_STATUS_HELP: Readonly<Record<DecisionStatus, string>> = {
  implemented: 'the safeguard is in place in a way this tool cannot see',
  alternative: 'an equivalent measure is used instead (name it)',
  'not-reasonable': 'not reasonable and appropriate here (addressable specifications only)',
  'risk-accepted': 'the gap is known and accepted until the review date',
  'not-applicable': 'this does not apply to the account',
};

/** The decision form for a finding; the review date defaults to a year from now. */
export function decisionForm(finding: Finding, now: Date, owner: string): FormState {
  return {
    kind: 'decision',
    subject: finding.id,
    fields: [
      {
        name: 'status',
        label: 'Decision',
        kind: 'choice',
        // A required specification must be implemented: the choices §164.306(d)(3) leaves to addressable ones are not offered.
        choices: statusesFor(finding.hipaa.obligation),
        // Help says what the choice means, never which keys choose: the plain prompts show the same text over a numbered list.
        help: finding.hipaa.obligation === 'required' ? requiredChoicesNote(finding.hipaa.section) : undefined,
      },
      { name: 'reason', label: 'Reason', kind: 'text', help: reasonHelp(finding) },
      { name: 'alternative', label: 'Alternative measure', kind: 'text', help: 'only for "alternative": what is done instead' },
      { name: 'decidedBy', label: 'Owner', kind: 'text', help: 'who is accountable for this decision' },
      { name: 'reviewBy', label: 'Review by', kind: 'date', help: 'YYYY-MM-DD; the decision lapses after it' },
    ],
    values: {
      status: finding.hipaa.obligation === 'addressable' ? 'alternative' : 'risk-accepted',
      reason: '',
      alternative: '',
      decidedBy: owner,
      reviewBy: oneYearAfter(now),
    },
    index: 0,
    saving: false,
  };
}

function reasonHelp(finding: Finding): string {
  return finding.hipaa.obligation === 'addressable'
    ? 'HIPAA asks you to document why an addressable safeguard is not implemented as written'
    : 'why this is acceptable; auditors read this';
}

/** The attestation form: the answer, then the attestation's own fields, then who attests. */
export function attestationForm(def: AttestationDef, owner: string): FormState {
  return {
    kind: 'attestation',
    subject: def.id,
    fields: [
      { name: 'answer', label: def.question, kind: 'choice', choices: ['yes', 'partial', 'no'] },
      ...def.fields.map((f): FormField => ({
        name: `field:${f.name}`,
        label: `${f.label}${f.required ? '' : ' (optional)'}`,
        kind: f.kind === 'date' ? 'date' : f.kind === 'boolean' ? 'choice' : 'text',
        choices: f.kind === 'boolean' ? ['yes', 'no'] : undefined,
        help: f.help,
      })),
      { name: 'attestedBy', label: 'Attested by', kind: 'text', help: 'your name or email' },
    ],
    values: {
      answer: 'yes',
      attestedBy: owner,
      ...Object.fromEntries(def.fields.filter((f) => f.kind === 'boolean').map((f) => [`field:${f.name}`, 'yes'])),
    },
    index: 0,
    saving: false,
  };
}

/** Why the decision cannot be saved as it stands, or undefined. */
export function decisionProblem(values: Readonly<Record<string, string>>, finding: Finding, now: Date): string | undefined {
  const status = values.status as DecisionStatus;
  if (!DECISION_STATUSES.includes(status)) return `Choose a decision: ${DECISION_STATUSES.join(', ')}.`;
  const refused = decisionRefusal(status, finding.hipaa.section, finding.id, finding.hipaa.obligation);
  if (refused) return refused;
  if (status !== 'implemented' && !values.reason?.trim()) return 'Give a reason: HIPAA expects the decision to be documented.';
  if (status === 'alternative' && !values.alternative?.trim()) return 'Name the alternative measure that is used instead.';
  if (!values.decidedBy?.trim()) return 'Name the owner of this decision.';
  const review = values.reviewBy?.trim() ?? '';
  if (!parseDay(review)) return 'The review date must be a date like 2027-06-30.';
  if (Date.parse(`${review}T23:59:59Z`) <= now.getTime()) return 'The review date must be in the future.';
  return undefined;
}

/** Why the attestation cannot be saved as it stands, or undefined. */
export function attestationProblem(values: Readonly<Record<string, string>>, def: AttestationDef): string | undefined {
  if (!['yes', 'no', 'partial'].includes(values.answer ?? '')) return 'Answer yes, partial or no.';
  for (const f of def.fields) {
    const v = values[`field:${f.name}`]?.trim() ?? '';
    if (f.required && !v) return `${f.label} is required.`;
    if (v && f.kind === 'date' && !parseDay(v)) return `${f.label} must be a date like 2026-03-31.`;
    if (v && (f.kind === 'percent' || f.kind === 'number') && !Number.isFinite(Number(v.replace(/%$/, '')))) return `${f.label} must be a number.`;
  }
  if (!values.attestedBy?.trim()) return 'Say who attests.';
  return undefined;
}

/** The attestation's own field values, keyed by field name. */
export function attestationFields(values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith('field:') && v.trim()) out[k.slice(6)] = v.trim();
  return out;
}

/** Applies one key to a form: typing, deleting, choosing, moving between fields. */
export function editForm(form: FormState, input: string, key: { leftArrow?: boolean; rightArrow?: boolean; backspace?: boolean; delete?: boolean }): FormState {
  const field = visibleFields(form)[form.index];
  if (!field) return form;
  const value = form.values[field.name] ?? '';
  if (field.kind === 'choice') {
    const choices = field.choices ?? [];
    const at = Math.max(0, choices.indexOf(value));
    const step = key.leftArrow ? -1 : key.rightArrow || input === ' ' ? 1 : 0;
    if (step === 0) {
      // Typing the first letter of a choice picks it.
      const picked = input.length === 1 ? choices.find((c) => c.startsWith(input.toLowerCase())) : undefined;
      return picked ? { ...form, values: { ...form.values, [field.name]: picked }, error: undefined } : form;
    }
    const next = choices[(at + step + choices.length) % choices.length] ?? value;
    return { ...form, values: { ...form.values, [field.name]: next }, error: undefined };
  }
  if (key.backspace || key.delete) return { ...form, values: { ...form.values, [field.name]: value.slice(0, -1) }, error: undefined };
  // Printable input only (a paste arrives as one string).
  const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
  if (!text) return form;
  return { ...form, values: { ...form.values, [field.name]: value + text }, error: undefined };
}

/** The fields worth asking in a given state of the form (the alternative only for "alternative"). */
export function visibleFields(form: FormState): readonly FormField[] {
  return form.fields.filter((f) => f.name !== 'alternative' || form.values.status === 'alternative');
}
