/**
 * Elastic Load Balancing v2, per region: application, network and gateway load balancers, each
 * with its attributes (access logs, deletion protection) and listeners, and the TLS versions of
 * the security policies those listeners use (read once per region).
 */
import {
  DescribeLoadBalancerAttributesCommand,
  DescribeSSLPoliciesCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { as, attempt, type CollectorContext, type CollectorSet, regionalCollector } from '../collector.js';
import { perScan } from './ec2.js';
import { mapLimit } from '../limit.js';
import type { Listener, LoadBalancer } from '../../state/elbv2.js';

/** The region's load balancers with attributes and listeners, read once per scan (the TLS policy slice reuses them). */
const listLoadBalancers = perScan(async (ctx: CollectorContext, region: string): Promise<LoadBalancer[]> => {
  const client = ctx.clients.get(ElasticLoadBalancingV2Client, region);
  const listed: { arn: string; name: string; type: string; scheme: string; dnsName: string; vpcId: string | null }[] = [];
  try {
    for await (const page of paginateDescribeLoadBalancers({ client, pageSize: 400 }, {})) {
      for (const lb of page.LoadBalancers ?? []) {
        listed.push({
          arn: lb.LoadBalancerArn ?? '',
          name: lb.LoadBalancerName ?? '',
          type: lb.Type ?? 'application',
          scheme: lb.Scheme ?? 'internet-facing',
          dnsName: lb.DNSName ?? '',
          vpcId: lb.VpcId ?? null,
        });
      }
    }
  } catch (e) {
    if (e && typeof e === 'object') (e as { $action?: string }).$action ??= 'elasticloadbalancing:DescribeLoadBalancers';
    throw e;
  }
  return mapLimit(listed, 6, async (lb) => {
    const [attributes, listeners] = await Promise.all([
      attempt('elasticloadbalancing:DescribeLoadBalancerAttributes', async () => {
        const out = await client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lb.arn }));
        const attr = (key: string) => out.Attributes?.find((a) => a.Key === key)?.Value;
        return {
          accessLogs: attr('access_logs.s3.enabled') === 'true',
          accessLogsBucket: attr('access_logs.s3.bucket') || null,
          deletionProtection: attr('deletion_protection.enabled') === 'true',
        };
      }),
      attempt('elasticloadbalancing:DescribeListeners', async () => {
        const found: Listener[] = [];
        for await (const page of paginateDescribeListeners({ client, pageSize: 400 }, { LoadBalancerArn: lb.arn })) {
          for (const l of page.Listeners ?? []) {
            found.push({
              arn: l.ListenerArn ?? '',
              port: l.Port ?? 0,
              protocol: l.Protocol ?? '',
              sslPolicy: l.SslPolicy ?? null,
              certificateArns: (l.Certificates ?? []).map((c) => c.CertificateArn ?? '').filter(Boolean),
              defaultActions: (l.DefaultActions ?? []).map((a) => ({ type: a.Type ?? '', redirectProtocol: a.RedirectConfig?.Protocol ?? null })),
            });
          }
        }
        return found;
      }),
    ]);
    return { ...lb, attributes, listeners };
  });
});

export const collectors: CollectorSet = {
  'elbv2.loadBalancers': regionalCollector(
    ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeListeners'],
    (ctx, region) => listLoadBalancers(ctx, region),
  ),

  'elbv2.sslPolicies': regionalCollector(['elasticloadbalancing:DescribeSSLPolicies'], async (ctx, region) => {
    const lbs = await as('elasticloadbalancing:DescribeLoadBalancers', listLoadBalancers(ctx, region));
    const names = new Set<string>();
    for (const lb of lbs) if (lb.listeners.ok) for (const l of lb.listeners.value) if (l.sslPolicy) names.add(l.sslPolicy);
    if (names.size === 0) return {};
    const out = await ctx.clients.get(ElasticLoadBalancingV2Client, region).send(new DescribeSSLPoliciesCommand({ Names: [...names].sort() }));
    return Object.fromEntries((out.SslPolicies ?? []).map((p) => [p.Name ?? '', p.SslProtocols ?? []]));
  }),
};
