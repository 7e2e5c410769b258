import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'emr-block-public-access',
  title: 'EMR block public access is on in every region',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  permissions: ['elasticmapreduce:GetBlockPublicAccessConfiguration'],
  needs: { regional: ['analytics.emrBlockPublicAccess'] },
  why: 'With block public access on, EMR refuses to start a cluster whose security groups open ports to the internet; without it one hasty rule exposes the cluster and the data it processes.',
  evaluate(state) {
    const resources = perRegion(state, 'analytics.emrBlockPublicAccess', (b, region) => {
      const other = b.permittedPorts.filter((p) => p !== '22');
      if (!b.enabled) return [{ id: `emr-bpa/${region}`, region, status: 'fail' as const, detail: `EMR block public access is off in ${region}.` }];
      if (other.length) return [{ id: `emr-bpa/${region}`, region, status: 'fail' as const, detail: `EMR block public access in ${region} still permits public rules on ports ${other.join(', ')}.` }];
      return [{ id: `emr-bpa/${region}`, region, status: 'pass' as const, detail: `EMR block public access is on in ${region}${b.permittedPorts.length ? ` (port ${b.permittedPorts.join(', ')} excepted)` : ''}.` }];
    });
    return summarize(resources, {
      pass: () => `EMR block public access is on in ${state.regions.join(', ')}.`,
      fail: (f) => `EMR block public access is off or has exceptions in ${listNames(f.map((r) => r.region ?? ''))}.`,
    });
  },
});
