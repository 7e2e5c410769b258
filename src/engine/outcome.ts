/**
 * Helpers that keep checks short and honest: reading a slice that could not be collected stops the
 * check with an `unknown` outcome that names the refused IAM action, so no check can turn
 * "could not read" into "pass" by accident.
 */
import type { Outcome, ResourceResult } from './model.js';
import {
  type AccountState,
  type CollectError,
  type GlobalKey,
  type GlobalSlices,
  type RegionalKey,
  type RegionalSlices,
  describeError,
  globalSlice,
  regionalSlice,
} from './state.js';

/** Thrown by read() when a slice holds an error; the runner turns it into an `unknown` outcome. */
export class Unreadable extends Error {
  constructor(
    readonly key: string,
    readonly error: CollectError,
    readonly region?: string,
  ) {
    super(`${key}${region ? ` in ${region}` : ''}: ${describeError(error)}`);
    this.name = 'Unreadable';
  }
}

/** The value of a global slice, or an Unreadable stop. */
export function read<K extends GlobalKey>(state: AccountState, key: K): GlobalSlices[K] {
  const slice = globalSlice(state, key);
  if (!slice.ok) throw new Unreadable(key, slice.error);
  return slice.value;
}

/** The value of a regional slice in one region, or an Unreadable stop. */
export function readIn<K extends RegionalKey>(state: AccountState, key: K, region: string): RegionalSlices[K] {
  const slice = regionalSlice(state, key, region);
  if (!slice.ok) throw new Unreadable(key, slice.error, region);
  return slice.value;
}

/**
 * Runs `fn` for every scanned region. A region whose slice could not be read contributes one
 * `unknown` resource that says why, instead of silently counting as clean.
 */
export function perRegion<K extends RegionalKey>(
  state: AccountState,
  key: K,
  fn: (value: RegionalSlices[K], region: string) => readonly ResourceResult[],
): ResourceResult[] {
  const out: ResourceResult[] = [];
  for (const region of state.regions) {
    const slice = regionalSlice(state, key, region);
    if (!slice.ok) {
      out.push(unreadableResource(`region ${region}`, region, slice.error));
      continue;
    }
    out.push(...fn(slice.value, region));
  }
  return out;
}

export function unreadableResource(id: string, region: string | undefined, error: CollectError): ResourceResult {
  const where = region && !id.includes(region) ? ` in ${region}` : '';
  return { id, region, status: 'unknown', detail: `${id}${where}: ${describeError(error).replace(/\.$/, '')}.`, missing: error.action };
}

export const passed = (message: string, resources: readonly ResourceResult[] = []): Outcome => ({
  status: 'pass',
  message,
  resources,
});
export const failed = (message: string, resources: readonly ResourceResult[] = []): Outcome => ({
  status: 'fail',
  message,
  resources,
});
export const manual = (message: string): Outcome => ({ status: 'manual', message, resources: [] });

/** Lists up to `max` names, then "and N more". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Turns per-resource results into one outcome: any failure fails; otherwise anything unreadable
 * makes it unknown; otherwise it passes. `none` is the sentence when there were no resources at all.
 */
export function summarize(
  resources: readonly ResourceResult[],
  sentences: {
    readonly pass: (count: number) => string;
    readonly fail: (failing: readonly ResourceResult[]) => string;
    readonly none?: string;
  },
): Outcome {
  const failing = resources.filter((r) => r.status === 'fail');
  const unknown = resources.filter((r) => r.status === 'unknown');
  if (failing.length > 0) {
    const tail = unknown.length > 0 ? ` ${plural(unknown.length, 'more resource')} could not be read.` : '';
    return { status: 'fail', message: sentences.fail(failing) + tail, resources };
  }
  if (unknown.length > 0) {
    return {
      status: 'unknown',
      message: `Could not read everything this check needs: ${listNames(unknown.map((r) => r.detail.replace(/\.$/, '')), 2)}.`,
      resources,
      missing: [...new Set(unknown.flatMap((r) => (r.missing ? [r.missing] : [])))],
    };
  }
  if (resources.length === 0 && sentences.none) return { status: 'pass', message: sentences.none, resources };
  return { status: 'pass', message: sentences.pass(resources.length), resources };
}

/** Whole days between two instants (b − a), rounded down (lib/time.ts). */
export { daysBetween } from '../lib/time.js';
