import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'rds-public',
  title: 'No database is publicly accessible',
  severity: 'critical',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  needs: { regional: ['rds.instances'] },
  why: 'A publicly accessible DB instance gets an internet-resolvable address; one loosened security group then exposes the database directly.',
  evaluate(state) {
    const resources = perRegion(state, 'rds.instances', (dbs, region) =>
      dbs.map((db) => ({
        id: db.arn,
        region,
        status: db.publiclyAccessible ? ('fail' as const) : ('pass' as const),
        detail: db.publiclyAccessible ? `DB instance ${db.id} in ${region} is publicly accessible.` : `DB instance ${db.id} in ${region} is reachable only inside its VPC.`,
      })),
    );
    return summarize(resources, {
      pass: (n) => `No DB instance is publicly accessible (${plural(n, 'instance')} checked).`,
      fail: (f) => `${f.length} DB instance${f.length === 1 ? ' is' : 's are'} publicly accessible: ${listNames(f.map((r) => `${r.id.split(':').pop()} (${r.region})`))}.`,
      none: `There are no RDS DB instances in ${state.regions.join(', ')}.`,
    });
  },
});
