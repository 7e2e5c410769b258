/**
 * Which resources hold ePHI: a resource whose tags match one of `settings.phiTags`. An entry
 * "key=value" matches that tag; an entry "key" alone matches any value except an explicit
 * "false"/"no"/"0". Keys and values are compared without regard to case or separators, so the
 * default `data-classification=phi` matches `DataClassification=PHI`, `data_classification=Phi` and
 * `Data Classification=phi`. Pure; checks and fixes share it.
 */
import type { Outcome, Settings } from './model.js';

export type Tags = Readonly<Record<string, string>>;

interface Matcher {
  readonly key: string;
  readonly value: string | undefined;
}

const NEGATIVE = new Set(['false', 'no', '0', 'none', 'n/a', 'na']);

/** "DataClassification", "data-classification", "data_classification", "Data Classification" → "dataclassification". */
export function normalize(text: string): string {
  return String(text).trim().toLowerCase().replace(/[\s_\-.:/]+/g, '');
}

function matchers(settings: Pick<Settings, 'phiTags'>): Matcher[] {
  return settings.phiTags
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf('=');
      if (at < 0) return { key: normalize(entry), value: undefined };
      return { key: normalize(entry.slice(0, at)), value: normalize(entry.slice(at + 1)) };
    });
}

/** True when the tags mark the resource as holding ePHI under the configured tag rules. */
export function isPhi(tags: Tags | null | undefined, settings: Pick<Settings, 'phiTags'>): boolean {
  if (!tags) return false;
  const entries = Object.entries(tags).map(([k, v]) => [normalize(k), String(v).trim().toLowerCase()] as const);
  return matchers(settings).some(({ key, value }) =>
    entries.some(([k, actual]) => k === key && (value === undefined ? !NEGATIVE.has(actual) : normalize(actual) === value)),
  );
}

/** The configured tag rules as one readable phrase, for messages ("phi=true or data-classification=phi"). */
export function phiTagPhrase(settings: Pick<Settings, 'phiTags'>): string {
  const list = settings.phiTags.map((t) => t.trim()).filter(Boolean);
  if (list.length === 0) return 'no PHI tag rule';
  if (list.length === 1) return list[0] as string;
  return `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

/**
 * The outcome of a check scoped to ePHI when no resource in its scope carries a recognised ePHI tag:
 * not a pass (nothing was judged), but a sentence naming the tags looked for and the flag that
 * changes them.
 */
export function noPhiTagged(noun: string, where: string, judged: string, settings: Pick<Settings, 'phiTags'>): Outcome {
  return {
    status: 'unknown',
    message: `No ${noun} in ${where} carries an ePHI tag (looked for ${phiTagPhrase(settings)}), so ${judged} could not be judged. Tag the resources that hold ePHI, or name the tags your organisation uses with --phi-tags.`,
    resources: [],
  };
}
