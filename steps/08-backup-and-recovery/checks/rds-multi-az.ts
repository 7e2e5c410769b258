import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, summarize } from '../../../src/engine/outcome.js';
import { isPhi, noPhiTagged } from '../../../src/engine/phi.js';

export default defineCheck({
  id: 'rds-multi-az',
  title: 'Databases holding ePHI survive the loss of one data center',
  severity: 'medium',
  hipaa: { section: '164.308(a)(7)(ii)(C)', obligation: 'required' },
  hitrust: ['12.c'],
  needs: { regional: ['rds.instances'] },
  why: 'A single-AZ database is down until AWS repairs the host or you restore a backup; a Multi-AZ standby takes over in a minute or two, which keeps patient care running while systems are degraded.',
  evaluate(state, { settings }) {
    const resources = perRegion(state, 'rds.instances', (instances, region) =>
      instances
        .filter((i) => !i.clusterId && isPhi(i.tags, settings))
        .map((i): ResourceResult =>
          i.multiAZ
            ? { id: i.arn, region, status: 'pass', detail: `Database ${i.id} in ${region} has a Multi-AZ standby.` }
            : { id: i.arn, region, status: 'fail', detail: `Database ${i.id} in ${region} runs in a single Availability Zone.` },
        ),
    );
    if (resources.length === 0) return noPhiTagged('RDS database', state.regions.join(', '), 'Multi-AZ standby for ePHI', settings);
    return summarize(resources, {
      pass: (n) => `Every RDS database holding ePHI has a Multi-AZ standby (${plural(n, 'database')} checked).`,
      fail: (bad) =>
        `${plural(bad.length, 'RDS database')} holding ePHI ${bad.length === 1 ? 'runs' : 'run'} in a single Availability Zone: ${listNames(bad.map((r) => r.detail.replace(/^Database (\S+) in (\S+) .*$/, '$1 ($2)')))}. Multi-AZ roughly doubles the instance cost.`,
    });
  },
});
