/**
 * Which resources hold ePHI: a resource whose tags match one of `settings.phiTags`. An entry
 * "key=value" matches that tag (key and value compared without regard to case); an entry "key"
 * alone matches any value except an explicit "false"/"no"/"0". Pure; checks and fixes share it.
 */
import type { Settings } from './model.js';

export type Tags = Readonly<Record<string, string>>;

interface Matcher {
  readonly key: string;
  readonly value: string | undefined;
}

const NEGATIVE = new Set(['false', 'no', '0', 'none', 'n/a']);

function matchers(settings: Pick<Settings, 'phiTags'>): Matcher[] {
  return settings.phiTags
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf('=');
      if (at < 0) return { key: entry.toLowerCase(), value: undefined };
      return { key: entry.slice(0, at).trim().toLowerCase(), value: entry.slice(at + 1).trim().toLowerCase() };
    });
}

/** True when the tags mark the resource as holding ePHI under the configured tag rules. */
export function isPhi(tags: Tags | null | undefined, settings: Pick<Settings, 'phiTags'>): boolean {
  if (!tags) return false;
  const lowered = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), String(v).trim().toLowerCase()]));
  return matchers(settings).some(({ key, value }) => {
    const actual = lowered.get(key);
    if (actual === undefined) return false;
    return value === undefined ? !NEGATIVE.has(actual) : actual === value;
  });
}

/** The configured tag rules as one readable phrase, for messages ("phi=true or data-classification=phi"). */
export function phiTagPhrase(settings: Pick<Settings, 'phiTags'>): string {
  const list = settings.phiTags.map((t) => t.trim()).filter(Boolean);
  if (list.length === 0) return 'no PHI tag rule';
  if (list.length === 1) return list[0] as string;
  return `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}
