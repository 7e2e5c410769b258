/** CloudTrail rules the checks and the fixes share: every trail of the scanned regions, once each. */
import type { Trail } from '../state/cloudtrail.js';
import type { ResourceResult } from '../engine/model.js';
import { unreadableResource } from '../engine/outcome.js';
import { type AccountState, regionalSlice } from '../engine/state.js';

/** Every trail visible in the scanned regions, once each, and the regions whose trails could not be read. */
export function allTrails(state: AccountState): { trails: Trail[]; unreadable: ResourceResult[] } {
  const byArn = new Map<string, Trail>();
  const unreadable: ResourceResult[] = [];
  for (const region of state.regions) {
    const slice = regionalSlice(state, 'cloudtrail.trails', region);
    if (!slice.ok) {
      unreadable.push(unreadableResource(`region ${region}`, region, slice.error));
      continue;
    }
    for (const t of slice.value) if (!byArn.has(t.arn)) byArn.set(t.arn, t);
  }
  return { trails: [...byArn.values()], unreadable };
}
