/**
 * The built-in demo account: "Maple Street Family Clinic", a fictional small practice that moved its
 * patient portal to AWS last year. Its state is a realistic mix: some things done right, some
 * forgotten, one API the scanning role may not call. Nothing here talks to AWS.
 */
import { demoParts } from '../generated/index.js';
import { type AccountState, STATE_FORMAT_VERSION } from '../engine/state.js';
import { VERSION } from '../version.js';
import { DEMO_ACCOUNT, DEMO_HOME, DEMO_REGIONS, type DemoClock, type DemoPart } from './types.js';

export function demoClock(now: Date): DemoClock {
  const shift = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  return { now, daysAgo: (d) => shift(-d), daysAhead: (d) => shift(d) };
}

export function buildDemoState(now: Date = new Date(), parts: readonly DemoPart[] = demoParts): AccountState {
  const clock = demoClock(now);
  const global: Record<string, unknown> = {};
  const regional: Record<string, Record<string, unknown>> = Object.fromEntries(DEMO_REGIONS.map((r) => [r, {}]));
  for (const part of parts) {
    const slices = part(clock);
    Object.assign(global, slices.global ?? {});
    for (const [region, values] of Object.entries(slices.regional ?? {})) Object.assign((regional[region] ??= {}), values);
  }
  return {
    formatVersion: STATE_FORMAT_VERSION,
    tool: { name: 'hipaa-wizard', version: VERSION },
    collectedAt: now.toISOString(),
    identity: {
      accountId: DEMO_ACCOUNT,
      arn: `arn:aws:iam::${DEMO_ACCOUNT}:user/dana.okafor`,
      userId: 'AIDADEMODANAOKAFOR01',
      partition: 'aws',
      alias: 'maple-street-clinic',
    },
    homeRegion: DEMO_HOME,
    regions: [...DEMO_REGIONS],
    global: global as AccountState['global'],
    regional: regional as AccountState['regional'],
  };
}
