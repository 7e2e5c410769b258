import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'rds-snapshots-encrypted',
  title: 'Database snapshots are encrypted',
  severity: 'medium',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { regional: ['rds.snapshots', 'rds.clusterSnapshots'] },
  why: 'A database snapshot is the whole database; unencrypted, it can be restored and read by anyone it is shared with.',
  evaluate(state) {
    const clusters = perRegion(state, 'rds.clusterSnapshots', (snaps, region) =>
      snaps.map((s) => ({
        id: s.arn || s.id,
        region,
        status: s.encrypted ? ('pass' as const) : ('fail' as const),
        detail: s.encrypted
          ? `Cluster snapshot ${s.id} in ${region} is encrypted.`
          : `${s.type === 'manual' ? 'Manual' : 'Automated'} cluster snapshot ${s.id} of ${s.clusterId} in ${region} is not encrypted.`,
      })),
    );
    const instances = perRegion(state, 'rds.snapshots', (snaps, region) =>
      snaps.map((s) => ({
        id: s.arn || s.id,
        region,
        status: s.encrypted ? ('pass' as const) : ('fail' as const),
        detail: s.encrypted ? `Snapshot ${s.id} in ${region} is encrypted.` : `${s.type === 'manual' ? 'Manual' : 'Automated'} snapshot ${s.id} of ${s.instanceId} in ${region} is not encrypted.`,
      })),
    );
    const resources = [...instances, ...clusters];
    return summarize(resources, {
      pass: (n) => `Every database snapshot is encrypted (${plural(n, 'snapshot')} checked).`,
      fail: (f) => `${f.length} database snapshot${f.length === 1 ? ' is' : 's are'} not encrypted: ${listNames(f.map((r) => `${r.id.split(':').pop()} (${r.region})`))}.`,
      none: `There are no database snapshots in ${state.regions.join(', ')}.`,
    });
  },
});
