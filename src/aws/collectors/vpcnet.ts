/** Network ACLs and Site-to-Site VPN connections, per region. */
import { DescribeVpnConnectionsCommand, EC2Client, paginateDescribeNetworkAcls } from '@aws-sdk/client-ec2';
import type { NetworkAcl, VpnConnection } from '../../state/vpcnet.js';
import { as, type CollectorSet, regionalCollector } from '../collector.js';

export const collectors: CollectorSet = {
  'vpcnet.networkAcls': regionalCollector(['ec2:DescribeNetworkAcls'], async (ctx, region) => {
    const client = ctx.clients.get(EC2Client, region);
    const out: NetworkAcl[] = [];
    await as(
      'ec2:DescribeNetworkAcls',
      (async () => {
        for await (const page of paginateDescribeNetworkAcls({ client, pageSize: 1000 }, {})) {
          for (const a of page.NetworkAcls ?? []) {
            out.push({
              id: a.NetworkAclId ?? '',
              vpcId: a.VpcId ?? '',
              isDefault: a.IsDefault ?? false,
              subnetIds: (a.Associations ?? []).map((s) => s.SubnetId ?? '').filter(Boolean),
              entries: (a.Entries ?? []).map((e) => ({
                ruleNumber: e.RuleNumber ?? 0,
                egress: e.Egress ?? false,
                action: e.RuleAction ?? 'deny',
                protocol: e.Protocol ?? '-1',
                cidr: e.CidrBlock ?? e.Ipv6CidrBlock ?? '',
                fromPort: e.PortRange?.From ?? null,
                toPort: e.PortRange?.To ?? null,
              })),
            });
          }
        }
      })(),
    );
    return out;
  }),
  'vpcnet.vpnConnections': regionalCollector(['ec2:DescribeVpnConnections'], async (ctx, region) => {
    const client = ctx.clients.get(EC2Client, region);
    const out = await as('ec2:DescribeVpnConnections', client.send(new DescribeVpnConnectionsCommand({})));
    return (out.VpnConnections ?? []).map(
      (v): VpnConnection => ({
        id: v.VpnConnectionId ?? '',
        state: v.State ?? '',
        name: v.Tags?.find((t) => t.Key === 'Name')?.Value ?? null,
        tunnels: (v.VgwTelemetry ?? []).map((t) => ({ outsideIp: t.OutsideIpAddress ?? '', status: t.Status ?? 'DOWN', statusMessage: t.StatusMessage ?? '' })),
      }),
    );
  }),
};
