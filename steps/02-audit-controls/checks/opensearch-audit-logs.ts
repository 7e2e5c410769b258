import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'opensearch-audit-logs',
  title: 'OpenSearch domains publish audit logs',
  severity: 'medium',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab'],
  permissions: ['es:ListDomainNames', 'es:DescribeDomains'],
  needs: { regional: ['opensearch.domains'] },
  why: 'Audit logs record who searched or changed which index; without them a look at patient records through the search cluster leaves no trace.',
  evaluate(state) {
    return eachResource(state, {
      key: 'opensearch.domains',
      noun: 'OpenSearch domain',
      id: (d) => d.arn,
      name: (d) => d.name,
      judge: (d, region) =>
        d.auditLogs ? pass(`OpenSearch domain ${d.name} in ${region} publishes audit logs to CloudWatch Logs.`) : fail(`OpenSearch domain ${d.name} in ${region} publishes no audit logs.`),
      pass: (n) => `${eachOf(n, 'OpenSearch domain')} publishes audit logs.`,
      fail: (names, n) => `${counted(n, 'OpenSearch domain', 'publishes', 'publish')} no audit logs: ${names}.`,
      none: 'The scanned regions have no OpenSearch domains.',
    });
  },
});
