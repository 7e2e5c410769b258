/**
 * One resource at a time: the shape most service checks share. A check names the slice, says how
 * to judge one item (pass, fail, unknown with the refused action, or out of scope), and gives the
 * sentences; the helper walks every scanned region, keeps unreadable regions and parts `unknown`,
 * and summarises.
 */
import type { Outcome, ResourceResult } from './model.js';
import { listNames, perRegion, plural, summarize, unreadableResource } from './outcome.js';
import type { AccountState, CollectError, RegionalKey, RegionalSlices, Result } from './state.js';

export type Item<K extends RegionalKey> = RegionalSlices[K] extends readonly (infer T)[] ? T : never;

/** A judgement of one resource; null leaves it out (not in scope). */
export type Verdict = { readonly status: 'pass' | 'fail'; readonly detail: string } | { readonly status: 'unknown'; readonly error: CollectError } | null;

export const pass = (detail: string): Verdict => ({ status: 'pass', detail });
export const fail = (detail: string): Verdict => ({ status: 'fail', detail });

/** Judges a part of a resource that may not have been read: unknown (naming the action) when it was not. */
export function given<T>(part: Result<T>, judge: (value: T) => Verdict): Verdict {
  return part.ok ? judge(part.value) : { status: 'unknown', error: part.error };
}

export interface EachOptions<K extends RegionalKey> {
  readonly key: K;
  /** "Redshift cluster": the noun for one resource. */
  readonly noun: string;
  readonly id: (item: Item<K>) => string;
  readonly name: (item: Item<K>) => string;
  readonly judge: (item: Item<K>, region: string) => Verdict;
  /** The sentence when every resource in scope passes. */
  readonly pass: (count: number) => string;
  /** The sentence when some fail: `names` lists them with their regions. */
  readonly fail: (names: string, count: number) => string;
  /** The sentence when nothing is in scope. */
  readonly none: string;
}

export function eachResource<K extends RegionalKey>(state: AccountState, o: EachOptions<K>): Outcome {
  const names = new Map<string, string>();
  const resources = perRegion(state, o.key, (items, region) =>
    (items as readonly Item<K>[]).flatMap((item): ResourceResult[] => {
      const v = o.judge(item, region);
      if (!v) return [];
      const id = o.id(item);
      names.set(`${id}@${region}`, o.name(item));
      if (v.status === 'unknown') return [unreadableResource(`${o.noun} ${o.name(item)}`, region, v.error)];
      return [{ id, region, status: v.status, detail: v.detail }];
    }),
  );
  return summarize(resources, {
    pass: o.pass,
    fail: (f) => o.fail(listNames(f.map((r) => `${names.get(`${r.id}@${r.region}`) ?? r.id} (${r.region})`)), f.length),
    none: o.none,
  });
}

/** "1 Redshift cluster is" / "2 Redshift clusters are"; another verb by its two forms ("has", "have"). */
export const counted = (n: number, noun: string, one = 'is', many = 'are'): string => `${plural(n, noun)} ${n === 1 ? one : many}`;

/** "The only Redshift cluster in the scanned regions" / "Each of the 3 Redshift clusters in the scanned regions": takes a singular verb. */
export const eachOf = (n: number, noun: string, nouns = `${noun}s`): string => (n === 1 ? `The only ${noun} in the scanned regions` : `Each of the ${n} ${nouns} in the scanned regions`);
