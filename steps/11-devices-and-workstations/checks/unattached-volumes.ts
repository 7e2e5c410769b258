import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'unattached-volumes',
  title: 'No EBS volume lies around unattached',
  severity: 'low',
  hipaa: { section: '164.310(d)(2)(ii)', obligation: 'required' },
  hitrust: ['08.l', '09.p'],
  needs: { regional: ['ec2.volumes'] },
  why: 'A volume detached from a retired server still holds whatever that server stored; HIPAA asks you to remove ePHI from media before re-use or disposal, so snapshot what you must keep and delete the rest.',
  evaluate(state) {
    const resources = perRegion(state, 'ec2.volumes', (volumes, region) =>
      volumes
        .filter((v) => v.attachedTo.length === 0)
        .map((v): ResourceResult => {
          const name = v.tags.Name ? `${v.id} (${v.tags.Name})` : v.id;
          return {
            id: v.id,
            region,
            status: 'fail',
            detail: `Volume ${name} in ${region}, ${v.sizeGiB} GiB${v.encrypted ? '' : ', unencrypted'}, is attached to nothing.`,
          };
        }),
    );
    return summarize(resources, {
      none: `Every EBS volume in ${state.regions.join(', ')} is attached to an instance.`,
      pass: (n) => `Every EBS volume is attached (${plural(n, 'volume')} checked).`,
      fail: (bad) => `${plural(bad.length, 'EBS volume')} ${bad.length === 1 ? 'is' : 'are'} attached to nothing: ${listNames(bad.map((r) => r.detail.replace(/^Volume (.*?) in (\S+), (.*?), is attached to nothing\.$/, '$1 ($2, $3)')))}. Snapshot what must be kept, then delete them.`,
    });
  },
});
