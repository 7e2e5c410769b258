import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'ebs-volumes-encrypted',
  title: 'EBS volumes are encrypted',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { regional: ['ec2.volumes'] },
  why: 'An unencrypted volume’s data is readable by anyone who gets a snapshot of it; encrypting means copying to a new encrypted volume, so it is best found early.',
  evaluate(state) {
    const resources = perRegion(state, 'ec2.volumes', (vols, region) =>
      vols.map((v) => {
        const name = `${v.id}${v.tags.Name ? ` (${v.tags.Name})` : ''}`;
        const where = v.attachedTo.length ? `attached to ${v.attachedTo.join(', ')}` : 'unattached';
        return {
          id: v.id,
          region,
          status: v.encrypted ? ('pass' as const) : ('fail' as const),
          detail: v.encrypted ? `Volume ${name} in ${region} is encrypted.` : `Volume ${name} in ${region} (${v.sizeGiB} GiB, ${where}) is not encrypted.`,
        };
      }),
    );
    return summarize(resources, {
      pass: (n) => `Every EBS volume is encrypted (${plural(n, 'volume')} checked).`,
      fail: (f) => `${f.length} EBS volume${f.length === 1 ? ' is' : 's are'} not encrypted: ${listNames(f.map((r) => `${r.id} (${r.region})`))}.`,
      none: `There are no EBS volumes in ${state.regions.join(', ')}.`,
    });
  },
});
