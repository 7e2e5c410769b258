/**
 * Turns EMR block public access on (or removes its exceptions beyond port 22, AWS's default) in each
 * region where the check fails: from then on EMR refuses to start a cluster whose security groups
 * allow inbound traffic from anywhere on another port. Clusters already running are not touched.
 * Undo writes back the configuration read before, exceptions included.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { readIn } from '../src/engine/outcome.js';

/** "22" or "8000-8010" as EMR's port range. */
const range = (p: string) => {
  const [min, max] = p.split('-').map(Number);
  return max === undefined ? { MinRange: min } : { MinRange: min, MaxRange: max };
};

export default defineRemediation({
  id: 'emr-block-public-access',
  title: 'Turn on EMR block public access',
  fixes: ['emr-block-public-access'],
  leavesAlone: ['clusters already running (block public access is checked when a cluster starts)', 'the port 22 exception AWS sets by default'],
  permissions: ['elasticmapreduce:PutBlockPublicAccessConfiguration'],
  needs: { regional: ['analytics.emrBlockPublicAccess'] },
  plan(state, { failing }) {
    const regions = new Set(failing('emr-block-public-access').map((r) => r.region));
    const actions: PlanAction[] = [];
    for (const region of state.regions) {
      if (!regions.has(region)) continue;
      const now = readIn(state, 'analytics.emrBlockPublicAccess', region);
      actions.push({
        effect: '~',
        service: 'emr',
        command: 'PutBlockPublicAccessConfiguration',
        input: { BlockPublicAccessConfiguration: { BlockPublicSecurityGroupRules: true, PermittedPublicSecurityGroupRuleRanges: [{ MinRange: 22, MaxRange: 22 }] } },
        region,
        resource: `EMR block public access in ${region}`,
        summary: now.enabled
          ? `Keep only port 22 open to public security-group rules for new EMR clusters in ${region} (today also ${now.permittedPorts.filter((p) => p !== '22').join(', ')}).`
          : `Refuse to start EMR clusters in ${region} whose security groups allow inbound traffic from anywhere, except on port 22.`,
        reversible: true,
        undo: [
          {
            service: 'emr',
            command: 'PutBlockPublicAccessConfiguration',
            input: { BlockPublicAccessConfiguration: { BlockPublicSecurityGroupRules: now.enabled, PermittedPublicSecurityGroupRuleRanges: now.permittedPorts.map(range) } },
            region,
          },
        ],
      });
    }
    return actions;
  },
});
