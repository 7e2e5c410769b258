import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';
import { isPhi } from '../../../src/engine/phi.js';

export default defineCheck({
  id: 'instance-public-ip',
  title: 'Instances have no public IP addresses',
  severity: 'medium',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  needs: { regional: ['ec2.instances'] },
  why: 'An instance with a public address is one security-group mistake from the internet; ePHI systems should sit in private subnets behind a load balancer or NAT.',
  evaluate(state, { settings }) {
    const resources = perRegion(state, 'ec2.instances', (instances, region) =>
      instances.map((i) => {
        const notes = [...(i.tags.Name ? [i.tags.Name] : []), ...(isPhi(i.tags, settings) ? ['ePHI'] : [])];
        const name = `${i.id}${notes.length ? ` (${notes.join(', ')})` : ''}`;
        return {
          id: i.arn || i.id,
          region,
          status: i.publicIp ? ('fail' as const) : ('pass' as const),
          detail: i.publicIp ? `Instance ${name} in ${region} has public IP ${i.publicIp}.` : `Instance ${name} in ${region} has no public IP.`,
        };
      }),
    );
    return summarize(resources, {
      pass: (n) => `No instance has a public IP address (${plural(n, 'instance')} checked).`,
      fail: (f) => `${f.length} instance${f.length === 1 ? ' has' : 's have'} a public IP: ${listNames(f.map((r) => r.detail.replace(/^Instance /, '').replace(/ has public IP .*$/, '')))}.`,
      none: `There are no EC2 instances in ${state.regions.join(', ')}.`,
    });
  },
});
