import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'rds-snapshots-public',
  title: 'No database snapshot is shared with everyone',
  severity: 'critical',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  needs: { regional: ['rds.snapshots', 'rds.clusterSnapshots'] },
  why: 'A manual DB snapshot shared with "all" can be copied and restored by any AWS account, with every table in it.',
  evaluate(state) {
    const clusters = perRegion(state, 'rds.clusterSnapshots', (snaps, region) =>
      snaps
        .filter((s) => s.type === 'manual')
        .map((s) => {
          if (!s.public.ok) return unreadableResource(`cluster snapshot ${s.id}`, region, s.public.error);
          return {
            id: s.arn || s.id,
            region,
            status: s.public.value ? ('fail' as const) : ('pass' as const),
            detail: s.public.value
              ? `DB cluster snapshot ${s.id} of ${s.clusterId} in ${region} can be restored by any AWS account.`
              : `DB cluster snapshot ${s.id} in ${region} is private.`,
          };
        }),
    );
    const instances = perRegion(state, 'rds.snapshots', (snaps, region) =>
      snaps
        .filter((s) => s.type === 'manual')
        .map((s) => {
          if (!s.public.ok) return unreadableResource(`snapshot ${s.id}`, region, s.public.error);
          return {
            id: s.arn || s.id,
            region,
            status: s.public.value ? ('fail' as const) : ('pass' as const),
            detail: s.public.value ? `DB snapshot ${s.id} in ${region} can be restored by any AWS account.` : `DB snapshot ${s.id} in ${region} is private.`,
          };
        }),
    );
    const resources = [...instances, ...clusters];
    return summarize(resources, {
      pass: (n) => `No manual DB or DB cluster snapshot is public (${plural(n, 'snapshot')} checked).`,
      fail: (f) => `${f.length} DB snapshot${f.length === 1 ? ' is' : 's are'} public: ${listNames(f.map((r) => `${r.id.split(':').pop()} (${r.region})`))}.`,
      none: `There are no manual DB or DB cluster snapshots in ${state.regions.join(', ')}.`,
    });
  },
});
