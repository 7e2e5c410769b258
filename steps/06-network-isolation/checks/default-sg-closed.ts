import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'default-sg-closed',
  title: 'Default security groups allow no traffic',
  severity: 'medium',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m'],
  needs: { regional: ['ec2.securityGroups'] },
  why: 'Anything launched without an explicit security group lands in the VPC’s default group; with its rules removed, a forgotten choice fails closed instead of open.',
  evaluate(state) {
    const resources = perRegion(state, 'ec2.securityGroups', (groups, region) =>
      groups
        .filter((g) => g.name === 'default')
        .map((g) => {
          const rules = g.ingress.length + g.egress.length;
          return {
            id: g.id,
            region,
            status: rules ? ('fail' as const) : ('pass' as const),
            detail: rules
              ? `Default security group ${g.id} of ${g.vpcId ?? 'EC2-Classic'} in ${region} still has ${g.ingress.length} inbound and ${g.egress.length} outbound rule${rules === 1 ? '' : 's'}.`
              : `Default security group ${g.id} of ${g.vpcId ?? 'EC2-Classic'} in ${region} allows no traffic.`,
          };
        }),
    );
    return summarize(resources, {
      pass: (n) => `Every default security group allows no traffic (${plural(n, 'group')} checked).`,
      fail: (f) => `${f.length} default security group${f.length === 1 ? ' still allows' : 's still allow'} traffic: ${listNames(f.map((r) => `${r.id} (${r.region})`))}.`,
      none: `There are no default security groups in ${state.regions.join(', ')}.`,
    });
  },
});
