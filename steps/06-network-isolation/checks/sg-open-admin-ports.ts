import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';
import { ADMIN_PORTS, openToWorld, sgLabel } from '../../../src/rules/network.js';

export default defineCheck({
  id: 'sg-open-admin-ports',
  title: 'No security group opens SSH, RDP or WinRM to the internet',
  severity: 'critical',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  needs: { regional: ['ec2.securityGroups'] },
  why: 'Administrative ports open to 0.0.0.0/0 are scanned and password-guessed within minutes of going live; reach servers through a VPN, Session Manager or a narrow address range instead.',
  evaluate(state) {
    const resources = perRegion(state, 'ec2.securityGroups', (groups, region) =>
      groups.map((g) => {
        const open = openToWorld(g, ADMIN_PORTS);
        return {
          id: g.id,
          region,
          status: open.length ? ('fail' as const) : ('pass' as const),
          detail: open.length ? `${sgLabel(g, region)} allows ${open.join(', ')}.` : `${sgLabel(g, region)} opens no administrative port to the internet.`,
        };
      }),
    );
    return summarize(resources, {
      pass: (n) => `No security group opens an administrative port to the internet (${plural(n, 'group')} checked).`,
      fail: (f) => `${f.length} security group${f.length === 1 ? ' opens' : 's open'} administrative ports to the internet: ${listNames(f.map((r) => r.detail.replace(/^Security group /, '').replace(/\.$/, '')), 2)}.`,
      none: `There are no security groups in ${state.regions.join(', ')}.`,
    });
  },
});
