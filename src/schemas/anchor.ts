/**
 * An anchor as written by `records anchor` (records/anchor.ts): one JSON object per line of an
 * anchors file, or one S3 object. Only what verifying needs is required; the rest is for the reader.
 */
import { type Static, Type } from './schema.js';

export const ANCHOR_FORMAT = 'hipaa-wizard-anchor/1';

export const AnchorSchema = Type.Object(
  {
    format: Type.Literal(ANCHOR_FORMAT),
    /** The anchored entry: the register's last entry when the anchor was made. */
    seq: Type.Integer({ minimum: 1, description: 'a positive whole number' }),
    id: Type.Optional(Type.String()),
    hash: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'a SHA-256 in hex' }),
    /** When the anchor was made, and by whom. */
    anchoredAt: Type.Optional(Type.String()),
    anchoredBy: Type.Optional(Type.String()),
    /** The register it was taken from, as a reminder for the auditor (not used to verify). */
    register: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

export type AnchorFile = Static<typeof AnchorSchema>;
