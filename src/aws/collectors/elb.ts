/** Classic Load Balancers, per region: listeners, access logs and the TLS versions of their SSL negotiation policies. */
import {
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancerPoliciesCommand,
  ElasticLoadBalancingClient,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing';
import type { ClassicLoadBalancer } from '../../state/elb.js';
import { as, attempt, type CollectorSet, regionalCollector } from '../collector.js';
import { mapLimit } from '../limit.js';

export const collectors: CollectorSet = {
  'elb.loadBalancers': regionalCollector(
    ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeLoadBalancerPolicies'],
    async (ctx, region) => {
      const client = ctx.clients.get(ElasticLoadBalancingClient, region);
      const listed: Pick<ClassicLoadBalancer, 'name' | 'dnsName' | 'scheme' | 'listeners'>[] = [];
      await as(
        'elasticloadbalancing:DescribeLoadBalancers',
        (async () => {
          for await (const page of paginateDescribeLoadBalancers({ client, pageSize: 400 }, {})) {
            for (const lb of page.LoadBalancerDescriptions ?? []) {
              listed.push({
                name: lb.LoadBalancerName ?? '',
                dnsName: lb.DNSName ?? '',
                scheme: lb.Scheme ?? 'internet-facing',
                listeners: (lb.ListenerDescriptions ?? []).map((d) => ({
                  protocol: (d.Listener?.Protocol ?? '').toUpperCase(),
                  port: d.Listener?.LoadBalancerPort ?? 0,
                  instanceProtocol: (d.Listener?.InstanceProtocol ?? '').toUpperCase(),
                  policyNames: d.PolicyNames ?? [],
                })),
              });
            }
          }
        })(),
      );
      return mapLimit(listed, 6, async (lb): Promise<ClassicLoadBalancer> => {
        const secure = lb.listeners.some((l) => l.protocol === 'HTTPS' || l.protocol === 'SSL');
        const [accessLogs, sslProtocols] = await Promise.all([
          attempt('elasticloadbalancing:DescribeLoadBalancerAttributes', async () => {
            const out = await client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerName: lb.name }));
            return out.LoadBalancerAttributes?.AccessLog?.Enabled ?? false;
          }),
          attempt('elasticloadbalancing:DescribeLoadBalancerPolicies', async () => {
            if (!secure) return {};
            const out = await client.send(new DescribeLoadBalancerPoliciesCommand({ LoadBalancerName: lb.name }));
            const byName: Record<string, string[]> = {};
            for (const p of out.PolicyDescriptions ?? []) {
              if (p.PolicyTypeName !== 'SSLNegotiationPolicyType' || !p.PolicyName) continue;
              byName[p.PolicyName] = (p.PolicyAttributeDescriptions ?? [])
                .filter((a) => a.AttributeName?.startsWith('Protocol-') && a.AttributeValue === 'true')
                .map((a) => (a.AttributeName as string).slice('Protocol-'.length));
            }
            return byName;
          }),
        ]);
        return { ...lb, accessLogs, sslProtocols };
      });
    },
  ),
};
