/**
 * The wizard's resume point (`wizard-position.json` in the records folder, src/wizard/services.ts).
 * A file that does not fit only costs the resume point: the wizard starts at the first step.
 */
import { type Static, Type } from './schema.js';

export const PositionSchema = Type.Object(
  { stepId: Type.String(), done: Type.Optional(Type.Array(Type.String())), savedAt: Type.Optional(Type.String()) },
  { additionalProperties: true },
);

export type PositionFile = Static<typeof PositionSchema>;
