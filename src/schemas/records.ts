/**
 * The register's lines (records/store.ts) and the body of each kind of entry, as stored. Checked
 * whenever the register is read and before an entry is appended: a field this version does not know,
 * a missing field or a wrong type is reported with its line, never guessed at. (Whether a reason is a
 * real sentence is checked once, when a decision is recorded: see records/validate.ts.) Journal
 * bodies belong to the apply code and are only required to be objects.
 *
 * The model's Decision, AttestationAnswer and Vendor (engine/model.ts) must stay the types these
 * schemas accept: the assertions at the end fail the typecheck when either side changes alone.
 */
import type { AttestationAnswer, Decision, EvidenceItem, Vendor } from '../engine/model.js';
import { problemsOf, type Static, Type } from './schema.js';

export const DECISION_STATUSES = ['implemented', 'alternative', 'not-reasonable', 'risk-accepted', 'not-applicable'] as const;
export const ANSWERS = ['yes', 'no', 'partial'] as const;
export const RECORD_KINDS = ['decision', 'attestation', 'vendor', 'journal'] as const;

const Text = Type.String();
const Texts = Type.Array(Text);

export const EvidenceSchema = Type.Union(
  [
    Type.Object({ path: Text, sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), base: Type.Optional(Type.Literal('records')) }),
    Type.Object({ url: Type.String({ pattern: '^[hH][tT][tT][pP][sS]?://' }) }),
  ],
  { description: 'a file {"path", "sha256" of 64 hexadecimal digits} or a web address {"url": "https://…"}, and nothing else' },
);

export const ScopeSchema = Type.Object({ accounts: Type.Optional(Texts), regions: Type.Optional(Texts), resources: Type.Optional(Texts) });

export const DecisionBodySchema = Type.Object({
  subject: Text,
  status: Type.Enum(DECISION_STATUSES),
  reason: Text,
  alternative: Type.Optional(Text),
  owner: Type.Optional(Text),
  decidedBy: Text,
  approvedBy: Type.Optional(Text),
  decidedAt: Text,
  reviewBy: Text,
  scope: Type.Optional(ScopeSchema),
  evidence: Type.Optional(Type.Array(EvidenceSchema)),
});

export const AttestationBodySchema = Type.Object({
  attestation: Text,
  answer: Type.Enum(ANSWERS),
  fields: Type.Record(Text, { description: 'an object mapping names to text' }),
  attestedBy: Text,
  attestedAt: Text,
  evidence: Type.Optional(Type.Array(EvidenceSchema)),
});

export const VendorBodySchema = Type.Object({
  id: Text,
  name: Text,
  services: Text,
  phiKinds: Text,
  baaSignedOn: Type.Optional(Text),
  baaExpiresOn: Type.Optional(Text),
  baaLocation: Type.Optional(Text),
  retired: Type.Optional(Type.Boolean()),
});

export const JournalBodySchema = Type.Record(Type.Unknown(), { description: 'an object' });

export const BODY_SCHEMAS = { decision: DecisionBodySchema, attestation: AttestationBodySchema, vendor: VendorBodySchema, journal: JournalBodySchema } as const;

const SHA256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'a SHA-256 in hex' });

/** One line of register.jsonl; the body is checked against its kind's schema separately (BODY_SCHEMAS). */
export const EntrySchema = Type.Object({
  v: Type.Integer(),
  seq: Type.Integer({ minimum: 1, description: 'a positive whole number' }),
  /** "D-0007": the kind's letter and the sequence number. */
  id: Text,
  kind: Type.Enum(RECORD_KINDS),
  /** ISO timestamp of the append. */
  at: Text,
  /** Who appended it (the OS user, or HIPAA_WIZARD_USER, or --by). */
  by: Text,
  body: Type.Record(Type.Unknown(), { description: 'an object' }),
  prev: SHA256,
  hash: SHA256,
});

/** register.head.json: the last entry, so removing entries from the end is detected. */
export const HeadSchema = Type.Object({ seq: Type.Integer(), hash: Text, id: Type.Optional(Text), at: Type.Optional(Text) }, { additionalProperties: true });

export type RecordKind = (typeof RECORD_KINDS)[number];
export type DecisionBody = Static<typeof DecisionBodySchema>;
export type AttestationBody = Static<typeof AttestationBodySchema>;
export type VendorBody = Static<typeof VendorBodySchema>;

// The model's types and the stored shapes must not drift apart (a compile error here when they do).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(_: T) => undefined;
same<Same<Static<typeof EvidenceSchema>, EvidenceItem>>(true);
same<Same<DecisionBody, Omit<Decision, 'id'>>>(true);
same<Same<AttestationBody, Omit<AttestationAnswer, 'id'>>>(true);
same<Same<VendorBody, Omit<Vendor, 'recordedBy' | 'recordedAt'>>>(true);

/** Problems with a stored body, as phrases ("unknown field \"foo\" in the decision"); empty when it is well-formed. */
export function bodyProblems(kind: string, body: unknown): string[] {
  const schema = (BODY_SCHEMAS as Record<string, (typeof BODY_SCHEMAS)[RecordKind]>)[kind];
  return schema ? problemsOf(schema, body, `the ${kind}`) : [];
}
