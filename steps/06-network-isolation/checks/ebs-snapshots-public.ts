import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'ebs-snapshots-public',
  title: 'No EBS snapshot is shared with everyone',
  severity: 'critical',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  needs: { regional: ['ec2.publicSnapshots'] },
  why: 'Any AWS customer can restore a public snapshot into a volume and read the whole disk; it is one of the most common silent leaks.',
  evaluate(state) {
    const resources = perRegion(state, 'ec2.publicSnapshots', (ids, region) => [
      ...ids.map((id) => ({ id, region, status: 'fail' as const, detail: `Snapshot ${id} in ${region} can be restored by any AWS account.` })),
      ...(ids.length === 0 ? [{ id: `EBS snapshots in ${region}`, region, status: 'pass' as const, detail: `No snapshot in ${region} is public.` }] : []),
    ]);
    return summarize(resources, {
      pass: () => `No EBS snapshot of this account is public in ${state.regions.join(', ')}.`,
      fail: (f) => `${f.length} EBS snapshot${f.length === 1 ? ' is' : 's are'} public: ${listNames(f.map((r) => `${r.id} (${r.region})`))}.`,
    });
  },
});
