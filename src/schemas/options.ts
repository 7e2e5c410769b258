/**
 * The values a fix's option takes (`--option name=value`, and the options saved in a plan file),
 * as schemas: a fix declares them with its options (RemediationOption.schema) and the planner checks
 * every given or default value before plan() runs, so "maybe" for a yes-or-no option is refused with
 * a sentence rather than read as "no".
 */
import { type TSchema, Type } from './schema.js';

/** An option's value: always text on the command line. */
export type OptionSchema = TSchema<string>;

export const OptionValues = {
  /** yes or no. */
  yesNo: (): OptionSchema => Type.Enum(['yes', 'no'], { description: 'yes or no' }),
  /** One of a few words. */
  oneOf: (values: readonly string[]): OptionSchema => Type.Enum([...values], { description: `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` }),
  /** A whole number from `min` to `max`. */
  wholeNumber: (min: number, max: number): OptionSchema => Type.String({ pattern: '^[0-9]+$', description: `a whole number from ${min} to ${max}` }),
  /** An e-mail address. */
  email: (): OptionSchema => Type.String({ pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', description: 'an e-mail address' }),
};
