/**
 * The demo account is assembled from parts, one per service family (src/demo/parts/*.ts), so each
 * category's sample state sits next to its peers. A part is a function of the clock, so "a key
 * rotated 200 days ago" stays 200 days old whenever the demo runs.
 */
import type { GlobalKey, GlobalSlices, RegionalKey, RegionalSlices, Result } from '../engine/state.js';

export interface DemoClock {
  readonly now: Date;
  /** The ISO timestamp `days` days before now. */
  daysAgo(days: number): string;
  /** The ISO timestamp `days` days after now. */
  daysAhead(days: number): string;
}

export interface DemoSlices {
  readonly global?: { readonly [K in GlobalKey]?: Result<GlobalSlices[K]> };
  readonly regional?: { readonly [region: string]: { readonly [K in RegionalKey]?: Result<RegionalSlices[K]> } };
}

export type DemoPart = (clock: DemoClock) => DemoSlices;

export const DEMO_ACCOUNT = '210987654321';
export const DEMO_REGIONS = ['us-east-1', 'us-west-2'] as const;
export const DEMO_HOME = 'us-east-1';
export const arn = (service: string, resource: string, region = '') => `arn:aws:${service}:${region}:${DEMO_ACCOUNT}:${resource}`;
