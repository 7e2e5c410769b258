/** Builds AccountStates for check tests: only the slices a test names, everything else uncollected. */
import type { AccountState, CollectError, GlobalKey, GlobalSlices, RegionalKey, RegionalSlices, Result } from '../../src/engine/state.js';
import { DEFAULT_SETTINGS, EMPTY_RECORDS, type EvalContext, type RecordsView, type Settings } from '../../src/engine/model.js';

export const ACCOUNT = '111122223333';
export const NOW = new Date('2026-11-24T12:00:00Z');

export function daysAgo(days: number, now = NOW): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

export function ctx(settings: Partial<Settings> = {}, now = NOW, records: RecordsView = EMPTY_RECORDS): EvalContext {
  return { now, settings: { ...DEFAULT_SETTINGS, ...settings }, records };
}

export const denied = (action: string): CollectError => ({
  code: 'AccessDenied',
  kind: 'access',
  action,
  message: `access denied: the credentials lack ${action}`,
});

export function state(opts: {
  global?: { [K in GlobalKey]?: GlobalSlices[K] | CollectError };
  regional?: Record<string, { [K in RegionalKey]?: RegionalSlices[K] | CollectError }>;
  regions?: string[];
}): AccountState {
  const wrap = (v: unknown): Result<unknown> =>
    v && typeof v === 'object' && 'kind' in v && 'code' in v && 'message' in v ? { ok: false, error: v as CollectError } : { ok: true, value: v };
  const regions = opts.regions ?? Object.keys(opts.regional ?? {}) ?? ['us-east-1'];
  return {
    formatVersion: 1,
    tool: { name: 'hipaa-wizard', version: 'test' },
    collectedAt: NOW.toISOString(),
    identity: { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/tester`, partition: 'aws' },
    homeRegion: 'us-east-1',
    regions: regions.length ? regions : ['us-east-1'],
    global: Object.fromEntries(Object.entries(opts.global ?? {}).map(([k, v]) => [k, wrap(v)])) as AccountState['global'],
    regional: Object.fromEntries(
      Object.entries(opts.regional ?? {}).map(([r, s]) => [r, Object.fromEntries(Object.entries(s).map(([k, v]) => [k, wrap(v)]))]),
    ) as AccountState['regional'],
  };
}
