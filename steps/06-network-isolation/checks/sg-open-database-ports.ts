import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';
import { DATABASE_PORTS, openToWorld, sgLabel } from '../../../src/rules/network.js';

export default defineCheck({
  id: 'sg-open-database-ports',
  title: 'No security group opens a database port to the internet',
  severity: 'critical',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  needs: { regional: ['ec2.securityGroups'] },
  why: 'A database port reachable from anywhere leaves one password between the internet and every patient record; databases belong behind the application, reachable only from its security group.',
  evaluate(state) {
    const resources = perRegion(state, 'ec2.securityGroups', (groups, region) =>
      groups.map((g) => {
        const open = openToWorld(g, DATABASE_PORTS);
        return {
          id: g.id,
          region,
          status: open.length ? ('fail' as const) : ('pass' as const),
          detail: open.length ? `${sgLabel(g, region)} allows ${open.join(', ')}.` : `${sgLabel(g, region)} opens no database port to the internet.`,
        };
      }),
    );
    return summarize(resources, {
      pass: (n) => `No security group opens a database port to the internet (${plural(n, 'group')} checked).`,
      fail: (f) => `${f.length} security group${f.length === 1 ? ' opens' : 's open'} database ports to the internet: ${listNames(f.map((r) => r.detail.replace(/^Security group /, '').replace(/\.$/, '')), 2)}.`,
      none: `There are no security groups in ${state.regions.join(', ')}.`,
    });
  },
});
