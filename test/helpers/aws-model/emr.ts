/** EMR as the model sees it: the `analytics.emrBlockPublicAccess` slice of each region. */
import type { ModelContext, ServiceModel } from './index.js';

interface Bpa {
  enabled: boolean;
  permittedPorts: string[];
}

export const emr: ServiceModel = {
  PutBlockPublicAccessConfiguration(m: ModelContext, input) {
    const c = input.BlockPublicAccessConfiguration;
    if (!c || typeof c.BlockPublicSecurityGroupRules !== 'boolean') throw m.error('InvalidRequestException', 'BlockPublicSecurityGroupRules is required.');
    const bpa = m.regional<Bpa>('analytics.emrBlockPublicAccess');
    bpa.enabled = c.BlockPublicSecurityGroupRules;
    bpa.permittedPorts = (c.PermittedPublicSecurityGroupRuleRanges ?? []).map((r: { MinRange: number; MaxRange?: number }) =>
      r.MaxRange === undefined || r.MaxRange === r.MinRange ? `${r.MinRange}` : `${r.MinRange}-${r.MaxRange}`,
    );
    return {};
  },
};
