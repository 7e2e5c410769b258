import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'efs-encrypted',
  title: 'EFS file systems are encrypted at rest',
  severity: 'high',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  needs: { regional: ['efs.fileSystems'] },
  why: 'Encryption of an EFS file system is chosen at creation and cannot be added later; scanned documents and exports on an unencrypted share sit on disk in the clear.',
  evaluate(state) {
    const resources = perRegion(state, 'efs.fileSystems', (fss, region) =>
      fss.map((f) => ({
        id: f.arn,
        region,
        status: f.encrypted ? ('pass' as const) : ('fail' as const),
        detail: `File system ${f.id}${f.name ? ` (${f.name})` : ''} in ${region} is ${f.encrypted ? 'encrypted' : 'not encrypted'} at rest.`,
      })),
    );
    return summarize(resources, {
      pass: (n) => `Every EFS file system is encrypted at rest (${plural(n, 'file system')} checked).`,
      fail: (f) => `${f.length} EFS file system${f.length === 1 ? ' is' : 's are'} not encrypted: ${listNames(f.map((r) => `${r.id.split('/').pop()} (${r.region})`))}.`,
      none: `There are no EFS file systems in ${state.regions.join(', ')}.`,
    });
  },
});
