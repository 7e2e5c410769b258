/**
 * Turns on basic scan-on-push for each ECR repository the check finds unscanned, in registries that
 * use basic scanning: every image pushed from then on is scanned for known vulnerabilities (at no
 * charge). A registry with enhanced scanning ignores the repository's own flag; its scan rules are a
 * whole-registry setting Amazon Inspector bills for, so the fix leaves those repositories to a person,
 * naming them. Undo turns the flag off again; the scan results already made stay.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

export default defineRemediation({
  id: 'ecr-scan-on-push',
  title: 'Scan container images when they are pushed',
  fixes: ['ecr-scan-on-push'],
  leavesAlone: ['repositories in a registry with enhanced scanning (its scan rules are a registry-wide, billed setting)', 'images pushed before (scan them with a manual scan)'],
  permissions: ['ecr:PutImageScanningConfiguration'],
  needs: { regional: ['ecr.registryScanning', 'ecr.repositories'] },
  plan(state, { failing, note }) {
    const unscanned = new Set(failing('ecr-scan-on-push').map((r) => r.id));
    const actions: PlanAction[] = [];
    const enhanced: string[] = [];
    for (const region of state.regions) {
      const repos = readIn(state, 'ecr.repositories', region).filter((r) => unscanned.has(r.arn));
      if (repos.length === 0) continue;
      if (readIn(state, 'ecr.registryScanning', region).scanType === 'ENHANCED') {
        enhanced.push(...repos.map((r) => `${r.name} (${region})`));
        continue;
      }
      for (const r of repos) {
        actions.push({
          effect: '~',
          service: 'ecr',
          command: 'PutImageScanningConfiguration',
          input: { repositoryName: r.name, imageScanningConfiguration: { scanOnPush: true } },
          region,
          resource: r.arn,
          summary: `Scan every image pushed to ${r.name} in ${region} for known vulnerabilities (basic scanning, no charge).`,
          reversible: true,
          undo: [{ service: 'ecr', command: 'PutImageScanningConfiguration', input: { repositoryName: r.name, imageScanningConfiguration: { scanOnPush: false } }, region }],
        });
      }
    }
    if (enhanced.length > 0) {
      note(
        `Not changed: ${enhanced.join(', ')}, in a registry with enhanced scanning, where only the registry's scan rules count; add them to a scan-on-push or continuous rule in Amazon Inspector (billed per image).`,
      );
    }
    return actions;
  },
});
