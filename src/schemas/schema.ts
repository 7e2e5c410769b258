/**
 * The one way a file we read is checked: JSON Schemas built with the small builder below (its names
 * follow TypeBox's, so moving to @sinclair/typebox is a change of import), checked by Ajv, and the
 * TypeScript type of what passes inferred from the same schema (`Static<typeof S>`). A file that
 * fails gives phrases naming the field (`regions[2] must be text`), never a stack trace.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const OPTIONAL: unique symbol = Symbol('optional');

/** A JSON Schema carrying, at the type level only, the type of the values it accepts. */
export interface TSchema<T = unknown> {
  readonly [key: string]: unknown;
  /** Never present at run time: the type `Static` reads. */
  readonly __static?: T;
}
interface TOptional<T> extends TSchema<T> {
  readonly [OPTIONAL]: true;
}

export type Static<S> = S extends TSchema<infer T> ? T : never;

type Props = Readonly<Record<string, TSchema>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<P extends Props> = { [K in keyof P]: P[K] extends TOptional<unknown> ? K : never }[keyof P];
type ObjectOf<P extends Props> = Simplify<
  { readonly [K in Exclude<keyof P, OptionalKeys<P>>]: Static<P[K]> } & { readonly [K in OptionalKeys<P>]?: Static<P[K]> }
>;

/** `description` is the phrase a failure at this schema is reported with: "must be <description>". */
interface Options {
  readonly description?: string;
}

export const Type = {
  String: (o: Options & { readonly pattern?: string; readonly minLength?: number } = {}): TSchema<string> => ({ type: 'string', ...o }),
  Number: (o: Options = {}): TSchema<number> => ({ type: 'number', ...o }),
  Integer: (o: Options & { readonly minimum?: number } = {}): TSchema<number> => ({ type: 'integer', ...o }),
  Boolean: (o: Options = {}): TSchema<boolean> => ({ type: 'boolean', ...o }),
  Unknown: (o: Options = {}): TSchema<unknown> => ({ ...o }),
  Literal: <const V extends string | number | boolean>(value: V, o: Options = {}): TSchema<V> => ({ const: value, ...o }),
  Enum: <const V extends readonly string[]>(values: V, o: Options = {}): TSchema<V[number]> => ({ enum: [...values], ...o }),
  Array: <S extends TSchema>(items: S, o: Options = {}): TSchema<readonly Static<S>[]> => ({ type: 'array', items, ...o }),
  /** An object with these fields; by default any other field is refused (`additionalProperties`). */
  Object: <P extends Props>(properties: P, o: Options & { readonly additionalProperties?: boolean } = {}): TSchema<ObjectOf<P>> => ({
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !(properties[k] as Partial<TOptional<unknown>>)[OPTIONAL]),
    additionalProperties: o.additionalProperties ?? false,
    ...(o.description ? { description: o.description } : {}),
  }),
  /** An object mapping any names to values of one schema. */
  Record: <S extends TSchema>(values: S, o: Options = {}): TSchema<Readonly<Record<string, Static<S>>>> => ({ type: 'object', additionalProperties: values, ...o }),
  Union: <S extends readonly TSchema[]>(schemas: S, o: Options = {}): TSchema<Static<S[number]>> => ({ anyOf: [...schemas], ...o }),
  Optional: <T>(schema: TSchema<T>): TOptional<T> => ({ ...schema, [OPTIONAL]: true }) as TOptional<T>,
};

let ajv: Ajv | undefined;
const compiled = new WeakMap<TSchema, ValidateFunction>();

function compile(schema: TSchema): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    ajv ??= new Ajv({ allErrors: true, verbose: true, strict: true });
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/** A JSON pointer as a person reads it: `regions[2]`, `identity.accountId`, `regional["us-east-1"]`. */
export function fieldPath(pointer: string, missing?: string): string {
  const parts = pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (missing !== undefined) parts.push(missing);
  let out = '';
  for (const p of parts) {
    if (/^\d+$/.test(p)) out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function phrase(e: ErrorObject, root: string): string {
  const at = fieldPath(e.instancePath);
  const named = at || root;
  const description = (e.parentSchema as { description?: unknown } | undefined)?.description;
  if (typeof description === 'string' && e.keyword !== 'required' && e.keyword !== 'additionalProperties') return `${named} must be ${description}`;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${fieldPath(e.instancePath, String(p.missingProperty))} is missing`;
    case 'additionalProperties':
      return `unknown field "${String(p.additionalProperty)}" in ${at || root}`;
    case 'type':
      return `${named} must be ${String(p.type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ')}`;
    case 'enum':
      return `${named} must be one of ${(p.allowedValues as unknown[]).join(', ')}, not ${JSON.stringify(e.data)}`;
    case 'const':
      return `${named} must be ${JSON.stringify(p.allowedValue)}`;
    case 'minimum':
      return `${named} must be at least ${String(p.limit)}`;
    case 'minLength':
      return `${named} must not be empty`;
    case 'pattern':
      return `${named} is not in the expected form`;
    case 'anyOf':
      return `${named} is none of the shapes allowed there`;
    default:
      return `${named} ${e.message ?? 'is not valid'}`;
  }
}

/**
 * What is wrong with `data` against `schema`, as phrases (empty when it conforms). `root` names the
 * whole value when the fault is the value itself ("the decision"). Under a failed union only the
 * union's own phrase is given, not every alternative's complaint.
 */
export function problemsOf(schema: TSchema, data: unknown, root = 'the file'): string[] {
  const validate = compile(schema);
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const locationOf = (e: ErrorObject) => e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'));
  const hasDescription = (e: ErrorObject) => typeof (e.parentSchema as { description?: unknown } | undefined)?.description === 'string';
  const covering = [...errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath), ...errors.filter(hasDescription).map(locationOf)];
  const kept = errors.filter((e) => !covering.some((c) => e.schemaPath.startsWith(`${c}/`) && locationOf(e) !== c));
  return [...new Set(kept.map((e) => phrase(e, root)))];
}

/** Parses JSON text; the error is a phrase naming where the text breaks, never a stack trace. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, problem: `it is not valid JSON (${(e as Error).message})` };
  }
}

/** Whether `data` conforms, narrowing it to the schema's type. */
export function conforms<S extends TSchema>(schema: S, data: unknown): data is Static<S> {
  return compile(schema)(data) as boolean;
}
