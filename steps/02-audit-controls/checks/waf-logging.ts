import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, plural, summarize, unreadableResource } from '../../../src/engine/outcome.js';
import { globalSlice } from '../../../src/engine/state.js';
import type { WebAcl } from '../../../src/state/wafv2.js';

const judge = (a: WebAcl, region: string): ResourceResult => {
  const where = a.scope === 'CLOUDFRONT' ? 'for CloudFront' : `in ${region}`;
  if (!a.logging.ok) return unreadableResource(`web ACL ${a.name}`, region, a.logging.error);
  return a.logging.value
    ? { id: a.arn, region, status: 'pass', detail: `Web ACL ${a.name} ${where} logs the requests it inspects.` }
    : { id: a.arn, region, status: 'fail', detail: `Web ACL ${a.name} ${where} keeps no request logs.` };
};

export default defineCheck({
  id: 'waf-logging',
  title: 'WAF web ACLs log the requests they inspect',
  severity: 'low',
  hipaa: { section: '164.312(b)', obligation: 'required' },
  hitrust: ['09.aa', '09.ab', '01.m'],
  permissions: ['wafv2:ListWebACLs', 'wafv2:GetLoggingConfiguration'],
  needs: { regional: ['wafv2.webAcls'], global: ['wafv2.cloudfrontAcls'] },
  why: 'WAF logs show which requests were blocked or let through and from where; without them an attack on the portal leaves no record to investigate.',
  evaluate(state) {
    const resources = perRegion(state, 'wafv2.webAcls', (acls, region) => acls.map((a) => judge(a, region)));
    const cf = globalSlice(state, 'wafv2.cloudfrontAcls');
    if (!cf.ok) resources.push(unreadableResource('CloudFront web ACLs', 'us-east-1', cf.error));
    else resources.push(...cf.value.map((a) => judge(a, 'us-east-1')));
    return summarize(resources, {
      pass: (n) => `All ${plural(n, 'WAF web ACL')} log the requests they inspect.`,
      fail: (f) => `${plural(f.length, 'WAF web ACL')} ${f.length === 1 ? 'keeps' : 'keep'} no request logs: ${listNames(f.map((r) => r.detail.replace(/^Web ACL (\S+) (.*) keeps no request logs\.$/, '$1 ($2)')))}.`,
      none: 'The account has no WAF web ACLs.',
    });
  },
});
