import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, given, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'emr-encryption',
  title: 'Running EMR clusters encrypt data at rest and in transit',
  severity: 'medium',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d'],
  permissions: ['elasticmapreduce:ListClusters', 'elasticmapreduce:DescribeCluster', 'elasticmapreduce:DescribeSecurityConfiguration'],
  needs: { regional: ['analytics.emrClusters'] },
  why: 'EMR encrypts nothing unless the cluster starts with a security configuration that turns on at-rest and in-transit encryption; otherwise data on local disks, in EMRFS and between nodes is in clear text.',
  evaluate(state) {
    return eachResource(state, {
      key: 'analytics.emrClusters',
      noun: 'EMR cluster',
      id: (c) => c.id,
      name: (c) => `${c.name} (${c.id})`,
      judge: (c, region) => {
        if (!c.securityConfiguration) return fail(`EMR cluster ${c.name} (${c.id}) in ${region} runs without a security configuration, so nothing is encrypted.`);
        return given(c.encryption, (e) => {
          const missing = [!e?.atRest ? 'at rest' : '', !e?.inTransit ? 'in transit' : ''].filter(Boolean);
          return missing.length
            ? fail(`EMR cluster ${c.name} (${c.id}) in ${region} uses security configuration ${c.securityConfiguration}, which does not encrypt ${missing.join(' or ')}.`)
            : pass(`EMR cluster ${c.name} (${c.id}) in ${region} encrypts at rest and in transit (security configuration ${c.securityConfiguration}).`);
        });
      },
      pass: (n) => `${eachOf(n, 'running EMR cluster')} encrypts at rest and in transit.`,
      fail: (names, n) => `${counted(n, 'running EMR cluster', 'lacks', 'lack')} encryption: ${names}.`,
      none: 'The scanned regions have no running EMR clusters.',
    });
  },
});
