import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'ebs-default-encryption',
  title: 'EBS encryption by default is on in every region',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { regional: ['ec2.ebsDefaultEncryption'] },
  why: 'With the regional default on, every new volume and snapshot copy is encrypted without anyone remembering a checkbox; an unencrypted volume cannot be encrypted in place later.',
  evaluate(state) {
    const resources = perRegion(state, 'ec2.ebsDefaultEncryption', (v, region) => [
      {
        id: `EBS default encryption in ${region}`,
        region,
        status: v.enabled ? ('pass' as const) : ('fail' as const),
        detail: v.enabled ? `New EBS volumes in ${region} are encrypted by default.` : `New EBS volumes in ${region} are not encrypted unless each launch asks for it.`,
      },
    ]);
    return summarize(resources, {
      pass: () => `EBS encryption by default is on in every scanned region (${state.regions.join(', ')}).`,
      fail: (f) => `EBS encryption by default is off in ${listNames(f.map((r) => r.region ?? ''))}.`,
    });
  },
});
