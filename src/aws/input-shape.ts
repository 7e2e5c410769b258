/**
 * Whether a planned call's input is what the AWS API takes, read from the SDK's own model of the
 * operation (the schema every SDK v3 command carries, walked with @smithy/core's NormalizedSchema):
 * no member the operation does not have, every required member present, and each value of the
 * member's type (a string, a number, a boolean, a list, a structure, a map). A value AWS returns
 * while the plan runs ("{{name.Path}}", src/engine/refs.ts) stands in for any type. The executor asks
 * before the first call of a plan, so an edited or mistaken plan is refused whole rather than
 * failing halfway, and a test checks every fix's plans and undos against it.
 */
import { NormalizedSchema } from '@smithy/core/schema';
import { sdkModuleFor } from './sdk-commands.js';
import { SERVICES, type ServiceKey } from './services.js';

const REF = /^\{\{[a-z][a-z0-9-]*\.[A-Za-z0-9_.]+\}\}$/;
const isRef = (v: unknown) => typeof v === 'string' && REF.test(v);
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a structure' : typeof v === 'string' ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : String(v));

function walk(ns: NormalizedSchema, value: unknown, path: string, out: string[]): void {
  if (value === undefined || isRef(value)) return;
  const at = path || 'the input';
  if (ns.isStructSchema() || ns.isUnionSchema()) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      out.push(`${at} must be a structure, not ${kind(value)}`);
      return;
    }
    const members = new Map<string, NormalizedSchema>([...ns.structIterator()]);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const member = members.get(k);
      if (!member) out.push(`${path ? `${path}.` : ''}${k} is not a member of ${ns.getName()}`);
      else walk(member, v, path ? `${path}.${k}` : k, out);
    }
    const struct = ns.getSchema() as unknown[];
    const required = typeof struct[6] === 'number' ? struct[6] : 0;
    const names = (struct[4] as string[] | undefined) ?? [];
    for (const k of names.slice(0, required)) {
      if ((value as Record<string, unknown>)[k] === undefined) out.push(`${path ? `${path}.` : ''}${k} is required by ${ns.getName()}`);
    }
    return;
  }
  if (ns.isListSchema()) {
    if (!Array.isArray(value)) {
      out.push(`${at} must be a list, not ${kind(value)}`);
      return;
    }
    for (const [i, v] of value.entries()) walk(ns.getValueSchema(), v, `${at}[${i}]`, out);
    return;
  }
  if (ns.isMapSchema()) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      out.push(`${at} must be a map, not ${kind(value)}`);
      return;
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(ns.getValueSchema(), v, `${at}.${k}`, out);
    return;
  }
  if (ns.isBooleanSchema()) {
    if (typeof value !== 'boolean') out.push(`${at} must be true or false, not ${kind(value)}`);
    return;
  }
  if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) {
    if (typeof value !== 'number' && typeof value !== 'bigint') out.push(`${at} must be a number, not ${kind(value)}`);
    return;
  }
  if (ns.isTimestampSchema()) {
    if (!(value instanceof Date) && typeof value !== 'string' && typeof value !== 'number') out.push(`${at} must be a time, not ${kind(value)}`);
    return;
  }
  if (ns.isStringSchema()) {
    if (typeof value !== 'string') out.push(`${at} must be a string, not ${kind(value)}`);
  }
  // Blobs and documents take any JSON value.
}

/** What is wrong with `input` for `command` of the SDK package `pkg` (module namespace); [] when nothing. */
export function inputProblemsIn(pkg: Record<string, unknown>, command: string, input: Record<string, unknown>): string[] {
  const Command = pkg[`${command}Command`] as (new (input: unknown) => { schema?: unknown[] }) | undefined;
  if (!Command) return [`the SDK has no ${command} operation`];
  const op = new Command({}).schema;
  if (!Array.isArray(op) || op[0] !== 9) return [];
  const out: string[] = [];
  walk(NormalizedSchema.of(op[4] as never), input, '', out);
  return out;
}

/** The same, loading the service's commands (src/aws/sdk-commands.ts). */
export async function inputProblems(service: ServiceKey, command: string, input: Record<string, unknown>): Promise<string[]> {
  return inputProblemsIn(await sdkModuleFor(service, command, SERVICES[service].pkg), command, input);
}
