/**
 * A snapshot's envelope (engine/snapshot.ts): who and where it was read, and every slice as
 * `{ ok: true, value }` or `{ ok: false, error }`. What a slice's value holds is each collector's
 * business (src/state/); the envelope is what this schema promises.
 */
import type { AccountState, CollectError } from '../engine/state.js';
import { type Static, Type } from './schema.js';

export const CollectErrorSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  action: Type.Optional(Type.String()),
  kind: Type.Enum(['access', 'throttled', 'network', 'not-enabled', 'credentials', 'other'] as const),
});

export const SliceSchema = Type.Union(
  [Type.Object({ ok: Type.Literal(true), value: Type.Unknown() }), Type.Object({ ok: Type.Literal(false), error: CollectErrorSchema })],
  { description: '{"ok": true, "value": …} or {"ok": false, "error": {"code", "kind", "message"}}' },
);

export const SnapshotSchema = Type.Object({
  formatVersion: Type.Integer({ minimum: 1 }),
  tool: Type.Object({ name: Type.Literal('hipaa-wizard'), version: Type.String() }),
  collectedAt: Type.String(),
  identity: Type.Object({
    accountId: Type.String({ pattern: '^\\d{12}$', description: 'a twelve-digit AWS account id' }),
    arn: Type.String(),
    userId: Type.Optional(Type.String()),
    partition: Type.String(),
    alias: Type.Optional(Type.String()),
  }),
  homeRegion: Type.String(),
  regions: Type.Array(Type.String()),
  global: Type.Record(SliceSchema),
  regional: Type.Record(Type.Record(SliceSchema)),
});

export type SnapshotEnvelope = Static<typeof SnapshotSchema>;

// The envelope and the model's AccountState must agree on everything but the slices' values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(_: T) => undefined;
same<Same<Static<typeof CollectErrorSchema>, CollectError>>(true);
same<Same<Omit<SnapshotEnvelope, 'global' | 'regional' | 'tool'>, Omit<AccountState, 'global' | 'regional' | 'tool'>>>(true);
