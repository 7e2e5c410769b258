import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'subnet-auto-public-ip',
  title: 'Subnets do not hand out public IP addresses automatically',
  severity: 'medium',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m'],
  needs: { regional: ['ec2.subnets'] },
  why: 'In a subnet that assigns public IPs on launch, every new instance is on the internet unless someone remembers to say otherwise.',
  evaluate(state) {
    const resources = perRegion(state, 'ec2.subnets', (subnets, region) =>
      subnets.map((s) => {
        const name = `${s.id}${s.tags.Name ? ` (${s.tags.Name})` : ''}${s.defaultForAz ? ' (default)' : ''}`;
        return {
          id: s.id,
          region,
          status: s.mapPublicIpOnLaunch ? ('fail' as const) : ('pass' as const),
          detail: s.mapPublicIpOnLaunch
            ? `Subnet ${name} of ${s.vpcId} in ${region} gives every new instance a public IP.`
            : `Subnet ${name} of ${s.vpcId} in ${region} does not assign public IPs.`,
        };
      }),
    );
    return summarize(resources, {
      pass: (n) => `No subnet assigns public IPs automatically (${plural(n, 'subnet')} checked).`,
      fail: (f) => `${f.length} subnet${f.length === 1 ? ' assigns' : 's assign'} public IPs on launch: ${listNames(f.map((r) => `${r.id} (${r.region})`))}.`,
      none: `There are no subnets in ${state.regions.join(', ')}.`,
    });
  },
});
