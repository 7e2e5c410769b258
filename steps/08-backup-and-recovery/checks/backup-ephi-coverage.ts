import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, readIn, summarize } from '../../../src/engine/outcome.js';
import { phiTagPhrase } from '../../../src/engine/phi.js';
import { phiResourcesIn, planFor } from '../phi-resources.js';

export default defineCheck({
  id: 'backup-ephi-coverage',
  title: 'Every resource holding ePHI is in a backup plan',
  severity: 'high',
  hipaa: { section: '164.308(a)(7)(ii)(A)', obligation: 'required' },
  hitrust: ['09.l'],
  needs: {
    global: ['s3.buckets'],
    regional: ['backup.plans', 'backup.protectedResources', 'rds.instances', 'rds.clusters', 'dynamodb.tables', 'efs.fileSystems', 'ec2.instances'],
  },
  why: 'A backup plan protects only what its selections name; a database added after the plan was written is often the one with no copy when it is needed.',
  evaluate(state, { settings }) {
    const resources = perRegion(state, 'backup.plans', (plans, region): ResourceResult[] => {
      const { found, unknown } = phiResourcesIn(state, region, settings);
      if (found.length === 0) return unknown;
      const protectedArns = new Set(readIn(state, 'backup.protectedResources', region).map((p) => p.arn));
      const results = found.map((r): ResourceResult => {

        const where = ` in ${region}`;
        const hit = planFor(plans, r);
        if (hit.plan) return { id: r.arn, region, status: 'pass', detail: `${r.kind} ${r.name}${where} is selected by backup plan ${hit.plan}.` };
        if (hit.unreadable) {
          return { id: r.arn, region, status: 'unknown', detail: `${r.kind} ${r.name}${where}: the selections of plan ${hit.unreadable} could not be read.`, missing: 'backup:ListBackupSelections' };
        }
        if (protectedArns.has(r.arn)) {
          return { id: r.arn, region, status: 'fail', detail: `${r.kind} ${r.name}${where} has old backups, but no current plan selects it.` };
        }
        return { id: r.arn, region, status: 'fail', detail: `${r.kind} ${r.name}${where} is in no backup plan.` };
      });
      return [...results, ...unknown];
    });
    return summarize(resources, {
      none: `No resource in ${state.regions.join(', ')} is tagged as holding ePHI (${phiTagPhrase(settings)}); tag them so backup coverage can be checked.`,
      pass: (n) => `Every resource tagged as holding ePHI is selected by an AWS Backup plan (${plural(n, 'resource')} checked).`,
      fail: (bad) => `${plural(bad.length, 'resource')} holding ePHI ${bad.length === 1 ? 'is' : 'are'} not backed up by any plan: ${listNames(bad.map((r) => r.detail.replace(/ (is in no backup plan|has old backups, but no current plan selects it)\.$/, '')))}.`,
    });
  },
});
