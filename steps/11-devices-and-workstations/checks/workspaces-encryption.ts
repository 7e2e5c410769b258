import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'workspaces-encryption',
  title: 'WorkSpaces virtual desktops encrypt their volumes',
  severity: 'high',
  hipaa: { section: '164.310(c)', obligation: 'required' },
  hitrust: ['01.x', '06.d'],
  needs: { regional: ['workspaces.workspaces'] },
  why: 'A virtual desktop is a workstation: its user volume holds downloads, cached records and exports. Encryption can only be chosen when the WorkSpace is created, so an unencrypted one must be rebuilt.',
  evaluate(state) {
    const resources = perRegion(state, 'workspaces.workspaces', (workspaces, region) =>
      workspaces.map((w): ResourceResult => {
        const plain = [w.rootVolumeEncrypted ? '' : 'root', w.userVolumeEncrypted ? '' : 'user'].filter(Boolean);
        return plain.length
          ? { id: w.id, region, status: 'fail', detail: `WorkSpace ${w.id} of ${w.userName} in ${region} has an unencrypted ${plain.join(' and ')} volume.` }
          : { id: w.id, region, status: 'pass', detail: `WorkSpace ${w.id} of ${w.userName} in ${region} encrypts both volumes.` };
      }),
    );
    return summarize(resources, {
      none: `No Amazon WorkSpaces desktop exists in ${state.regions.join(', ')}.`,
      pass: (n) => `Every WorkSpaces desktop encrypts its root and user volumes (${plural(n, 'desktop')} checked).`,
      fail: (bad) => `${plural(bad.length, 'WorkSpaces desktop')} ${bad.length === 1 ? 'stores' : 'store'} data unencrypted: ${listNames(bad.map((r) => r.detail.replace(/^WorkSpace (\S+) of (\S+) in (\S+) .*$/, '$1 ($2, $3)')))}.`,
    });
  },
});
