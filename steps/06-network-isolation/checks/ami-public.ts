import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'ami-public',
  title: 'No machine image is public',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m'],
  needs: { regional: ['ec2.images'] },
  why: 'An AMI carries its snapshots’ full disks, often with configuration files, keys or cached data; a public one can be launched by anyone.',
  evaluate(state) {
    const resources = perRegion(state, 'ec2.images', (images, region) =>
      images.map((i) => ({
        id: i.id,
        region,
        status: i.public ? ('fail' as const) : ('pass' as const),
        detail: i.public ? `AMI ${i.id} (${i.name}) in ${region} is public.` : `AMI ${i.id} (${i.name}) in ${region} is private.`,
      })),
    );
    return summarize(resources, {
      pass: (n) => `No AMI this account owns is public (${plural(n, 'AMI')} checked).`,
      fail: (f) => `${f.length} AMI${f.length === 1 ? ' is' : 's are'} public: ${listNames(f.map((r) => `${r.id} (${r.region})`))}.`,
      none: `The account owns no AMIs in ${state.regions.join(', ')}.`,
    });
  },
});
