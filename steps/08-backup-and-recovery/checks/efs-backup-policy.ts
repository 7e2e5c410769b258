import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, readIn, summarize, unreadableResource } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'efs-backup-policy',
  title: 'EFS file systems are backed up',
  severity: 'medium',
  hipaa: { section: '164.308(a)(7)(ii)(A)', obligation: 'required' },
  hitrust: ['09.l'],
  needs: { regional: ['efs.fileSystems', 'backup.protectedResources'] },
  why: 'Shared file systems often hold scanned documents and exports nobody thinks of as a database; without automatic backups a deletion there is permanent.',
  evaluate(state) {
    const resources = perRegion(state, 'efs.fileSystems', (systems, region) => {
      const protectedArns = new Set(readIn(state, 'backup.protectedResources', region).map((p) => p.arn));
      return systems.map((f): ResourceResult => {
        const label = `File system ${f.name ? `${f.id} (${f.name})` : f.id}`;
        if (f.backupPolicy.ok && (f.backupPolicy.value === 'ENABLED' || f.backupPolicy.value === 'ENABLING')) {
          return { id: f.arn, region, status: 'pass', detail: `${label} in ${region} has automatic backups on.` };
        }
        if (protectedArns.has(f.arn)) return { id: f.arn, region, status: 'pass', detail: `${label} in ${region} is backed up by an AWS Backup plan.` };
        if (!f.backupPolicy.ok) return unreadableResource(`EFS file system ${f.id}`, region, f.backupPolicy.error);
        return { id: f.arn, region, status: 'fail', detail: `${label} in ${region} has automatic backups ${f.backupPolicy.value.toLowerCase()} and no backup plan covers it.` };
      });
    });
    return summarize(resources, {
      none: `No EFS file system exists in ${state.regions.join(', ')}.`,
      pass: (n) => `Every EFS file system is backed up (${plural(n, 'file system')} checked).`,
      fail: (bad) => `${plural(bad.length, 'EFS file system')} ${bad.length === 1 ? 'is' : 'are'} not backed up: ${listNames(bad.map((r) => r.detail.replace(/^File system (.*?) in (\S+) .*$/, '$1 ($2)')))}.`,
    });
  },
});
