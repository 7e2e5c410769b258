import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, plural, summarize, unreadableResource } from '../../../src/engine/outcome.js';
import { type CollectError, globalSlice, regionalSlice } from '../../../src/engine/state.js';

/** The resources the web ACLs protect, or the first error that kept one of them from being read. */
function protectedBy(acls: readonly { name: string; resources: { ok: true; value: readonly string[] } | { ok: false; error: CollectError } }[]) {
  const names = new Map<string, string>();
  let error: CollectError | undefined;
  for (const a of acls) {
    if (!a.resources.ok) error ??= a.resources.error;
    else for (const r of a.resources.value) names.set(r, a.name);
  }
  return { names, error };
}

export default defineCheck({
  id: 'waf-web-acls',
  title: 'Internet-facing load balancers, API stages and CloudFront distributions sit behind a WAF web ACL',
  severity: 'medium',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  permissions: [
    'elasticloadbalancing:DescribeLoadBalancers',
    'apigateway:GET',
    'cloudfront:ListDistributions',
    'wafv2:ListWebACLs',
    'wafv2:ListResourcesForWebACL',
    'cloudfront:ListDistributionsByWebACLId',
  ],
  needs: { regional: ['elbv2.loadBalancers', 'apigateway.stages', 'wafv2.webAcls'], global: ['cloudfront.distributions', 'wafv2.cloudfrontAcls'] },
  why: 'A web application firewall blocks the injection, scraping and credential-stuffing requests that reach a patient portal before they reach the application; without one, every public endpoint faces them alone.',
  evaluate(state) {
    const resources: ResourceResult[] = [];
    for (const region of state.regions) {
      const lbs = regionalSlice(state, 'elbv2.loadBalancers', region);
      const stages = regionalSlice(state, 'apigateway.stages', region);
      const acls = regionalSlice(state, 'wafv2.webAcls', region);
      const publicLbs = lbs.ok ? lbs.value.filter((lb) => lb.type === 'application' && lb.scheme === 'internet-facing') : [];
      const publicStages = stages.ok ? stages.value.filter((s) => s.kind === 'REST' && s.endpointType !== 'PRIVATE') : [];
      if (!lbs.ok) resources.push(unreadableResource(`load balancers in ${region}`, region, lbs.error));
      if (!stages.ok) resources.push(unreadableResource(`API stages in ${region}`, region, stages.error));
      if (publicLbs.length === 0 && publicStages.length === 0) continue;
      if (!acls.ok) {
        resources.push(unreadableResource(`web ACLs in ${region}`, region, acls.error));
        continue;
      }
      const { names, error } = protectedBy(acls.value);
      for (const lb of publicLbs) {
        const acl = names.get(lb.arn);
        if (acl) resources.push({ id: lb.arn, region, status: 'pass', detail: `Load balancer ${lb.name} in ${region} is protected by web ACL ${acl}.` });
        else if (error) resources.push(unreadableResource(`load balancer ${lb.name}`, region, error));
        else resources.push({ id: lb.arn, region, status: 'fail', detail: `Internet-facing load balancer ${lb.name} in ${region} has no WAF web ACL.` });
      }
      for (const s of publicStages) {
        resources.push(
          s.webAclArn
            ? { id: s.arn, region, status: 'pass', detail: `API ${s.apiName} stage ${s.stageName} in ${region} is protected by web ACL ${s.webAclArn.split('/').slice(-2, -1)[0] ?? s.webAclArn}.` }
            : { id: s.arn, region, status: 'fail', detail: `Public API ${s.apiName} stage ${s.stageName} in ${region} has no WAF web ACL.` },
        );
      }
    }
    const dists = globalSlice(state, 'cloudfront.distributions');
    if (!dists.ok) resources.push(unreadableResource('CloudFront distributions', undefined, dists.error));
    else {
      const enabled = dists.value.filter((d) => d.enabled);
      const cf = globalSlice(state, 'wafv2.cloudfrontAcls');
      if (enabled.length && !cf.ok) resources.push(unreadableResource('CloudFront web ACLs', 'us-east-1', cf.error));
      else if (cf.ok) {
        const { names, error } = protectedBy(cf.value);
        for (const d of enabled) {
          const acl = names.get(d.id);
          if (acl) resources.push({ id: d.arn, status: 'pass', detail: `CloudFront distribution ${d.id} (${d.domainName}) is protected by web ACL ${acl}.` });
          else if (error) resources.push(unreadableResource(`CloudFront distribution ${d.id}`, undefined, error));
          else resources.push({ id: d.arn, status: 'fail', detail: `CloudFront distribution ${d.id} (${d.domainName}) has no WAF web ACL.` });
        }
      }
    }
    const label = (r: ResourceResult) => r.detail.replace(/ has no WAF web ACL\.$/, '').replace(/^(Internet-facing |Public )/, '');
    return summarize(resources, {
      pass: (n) => `All ${plural(n, 'internet-facing endpoint')} (load balancers, REST API stages, CloudFront distributions) sit behind a WAF web ACL.`,
      fail: (f) => `${plural(f.length, 'internet-facing endpoint')} ${f.length === 1 ? 'has' : 'have'} no WAF web ACL: ${listNames(f.map(label))}.`,
      none: 'No internet-facing application load balancer, public REST API stage or CloudFront distribution was found.',
    });
  },
});
