import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'ebs-snapshots-encrypted',
  title: 'EBS snapshots are encrypted',
  severity: 'medium',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { regional: ['ec2.snapshots'] },
  why: 'Snapshots outlive the volumes they came from and are easy to share or copy; an unencrypted one is a full copy of the disk in the clear.',
  evaluate(state) {
    const resources = perRegion(state, 'ec2.snapshots', (snaps, region) =>
      snaps.map((s) => ({
        id: s.id,
        region,
        status: s.encrypted ? ('pass' as const) : ('fail' as const),
        detail: s.encrypted ? `Snapshot ${s.id} in ${region} is encrypted.` : `Snapshot ${s.id} of ${s.volumeId || 'an unknown volume'} in ${region} is not encrypted.`,
      })),
    );
    return summarize(resources, {
      pass: (n) => `Every EBS snapshot is encrypted (${plural(n, 'snapshot')} checked).`,
      fail: (f) => `${f.length} EBS snapshot${f.length === 1 ? ' is' : 's are'} not encrypted: ${listNames(f.map((r) => `${r.id} (${r.region})`))}.`,
      none: `The account owns no EBS snapshots in ${state.regions.join(', ')}.`,
    });
  },
});
