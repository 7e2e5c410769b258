import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';
import { allTrafficFromWorld, sgLabel } from '../../../src/rules/network.js';

export default defineCheck({
  id: 'sg-open-all-traffic',
  title: 'No security group accepts all traffic from the internet',
  severity: 'critical',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  needs: { regional: ['ec2.securityGroups'] },
  why: 'A rule allowing every port from 0.0.0.0/0 turns the security group into no firewall at all; HIPAA’s network controls start with denying everything that is not needed.',
  evaluate(state) {
    const resources = perRegion(state, 'ec2.securityGroups', (groups, region) =>
      groups.map((g) => {
        const open = allTrafficFromWorld(g);
        return {
          id: g.id,
          region,
          status: open.length ? ('fail' as const) : ('pass' as const),
          detail: open.length ? `${sgLabel(g, region)} allows ${open.join(', ')}.` : `${sgLabel(g, region)} does not accept all traffic from the internet.`,
        };
      }),
    );
    return summarize(resources, {
      pass: (n) => `No security group accepts all traffic from the internet (${plural(n, 'group')} checked).`,
      fail: (f) => `${f.length} security group${f.length === 1 ? ' accepts' : 's accept'} every port from the internet: ${listNames(f.map((r) => r.detail.replace(/^Security group /, '').replace(/\.$/, '')), 2)}.`,
      none: `There are no security groups in ${state.regions.join(', ')}.`,
    });
  },
});
