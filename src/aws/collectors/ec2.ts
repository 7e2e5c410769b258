/**
 * EC2, per region: instances (with their metadata options, public addresses, tags), the account's
 * instance metadata defaults, EBS encryption by default, volumes, snapshots and AMIs (and which are
 * public), security groups with their rules, VPCs, flow logs, subnets, route tables and VPC endpoints.
 */
import {
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
  type IpPermission,
  paginateDescribeFlowLogs,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { type CollectorContext, type CollectorSet, regionalCollector } from '../collector.js';
import type { Ec2Instance, MetadataDefaults, SgRule, SecurityGroup, Vpc, FlowLog, Subnet, RouteTable, VpcEndpoint, EbsVolume, EbsSnapshot, Ami } from '../../state/ec2.js';

const iso = (d: Date | string | undefined): string | null => (d ? new Date(d).toISOString() : null);

function sgRules(list: readonly IpPermission[] | undefined): SgRule[] {
  return (list ?? []).map((p) => withSources(p, {
    protocol: p.IpProtocol ?? '-1',
    fromPort: p.IpProtocol === '-1' ? null : (p.FromPort ?? null),
    toPort: p.IpProtocol === '-1' ? null : (p.ToPort ?? null),
    ipv4: (p.IpRanges ?? []).map((r) => r.CidrIp ?? '').filter(Boolean),
    ipv6: (p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6 ?? '').filter(Boolean),
    groups: (p.UserIdGroupPairs ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
    prefixLists: (p.PrefixListIds ?? []).map((l) => l.PrefixListId ?? '').filter(Boolean),
  }));
}

/** Adds the rule's source descriptions and cross-account group owners, only when it has any. */
function withSources(p: IpPermission, r: SgRule): SgRule {
  const descriptions = Object.fromEntries(
      [
        ...(p.IpRanges ?? []).map((r) => [r.CidrIp, r.Description]),
        ...(p.Ipv6Ranges ?? []).map((r) => [r.CidrIpv6, r.Description]),
        ...(p.UserIdGroupPairs ?? []).map((g) => [g.GroupId, g.Description]),
        ...(p.PrefixListIds ?? []).map((l) => [l.PrefixListId, l.Description]),
      ].filter((e): e is [string, string] => Boolean(e[0] && e[1])),
    );
  const groupOwners = Object.fromEntries((p.UserIdGroupPairs ?? []).filter((g) => g.GroupId && g.UserId).map((g) => [g.GroupId as string, g.UserId as string]));
  return { ...r, ...(Object.keys(descriptions).length ? { descriptions } : {}), ...(Object.keys(groupOwners).length ? { groupOwners } : {}) };
}

/**
 * One promise per scan and key, so two slices can share one listing without one collector waiting
 * on another inside the collection's concurrency gate (which can stall when every place is taken by
 * a collector waiting for its dependency).
 */
export function perScan<T>(fn: (ctx: CollectorContext, key: string) => Promise<T>): (ctx: CollectorContext, key: string) => Promise<T> {
  const cache = new WeakMap<CollectorContext, Map<string, Promise<T>>>();
  return (ctx, key) => {
    let scan = cache.get(ctx);
    if (!scan) {
      scan = new Map();
      cache.set(ctx, scan);
    }
    let found = scan.get(key);
    if (!found) {
      found = fn(ctx, key);
      scan.set(key, found);
    }
    return found;
  };
}

export const tagMap = (tags: readonly { Key?: string; Value?: string }[] | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).filter((t) => t.Key).map((t) => [t.Key as string, t.Value ?? '']));

export const collectors: CollectorSet = {
  'ec2.instances': regionalCollector(['ec2:DescribeInstances'], async (ctx, region) => {
    const client = ctx.clients.get(EC2Client, region);
    const out: Ec2Instance[] = [];
    const pages = paginateDescribeInstances(
      { client, pageSize: 1000 },
      { Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }] },
    );
    for await (const page of pages) {
      for (const r of page.Reservations ?? []) {
        for (const i of r.Instances ?? []) {
          out.push({
            id: i.InstanceId ?? '',
            arn: `arn:${ctx.identity.partition}:ec2:${region}:${r.OwnerId ?? ctx.identity.accountId}:instance/${i.InstanceId}`,
            state: i.State?.Name ?? 'unknown',
            platform: i.PlatformDetails ?? i.Platform ?? 'Linux/UNIX',
            imageId: i.ImageId ?? '',
            vpcId: i.VpcId ?? null,
            subnetId: i.SubnetId ?? null,
            publicIp: i.PublicIpAddress ?? null,
            httpTokens: (i.MetadataOptions?.HttpTokens as Ec2Instance['httpTokens']) ?? null,
            httpEndpoint: (i.MetadataOptions?.HttpEndpoint as Ec2Instance['httpEndpoint']) ?? null,
            iamInstanceProfile: i.IamInstanceProfile?.Arn ?? null,
            securityGroups: (i.SecurityGroups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
            launchTime: i.LaunchTime ? new Date(i.LaunchTime).toISOString() : null,
            tags: tagMap(i.Tags),
          });
        }
      }
    }
    return out;
  }),

  'ec2.metadataDefaults': regionalCollector(['ec2:GetInstanceMetadataDefaults'], async (ctx, region) => {
    const out = await ctx.clients.get(EC2Client, region).send(new GetInstanceMetadataDefaultsCommand({}));
    return { httpTokens: (out.AccountLevel?.HttpTokens as MetadataDefaults['httpTokens']) ?? null };
  }),

  'ec2.ebsDefaultEncryption': regionalCollector(['ec2:GetEbsEncryptionByDefault'], async (ctx, region) => {
    const out = await ctx.clients.get(EC2Client, region).send(new GetEbsEncryptionByDefaultCommand({}));
    return { enabled: out.EbsEncryptionByDefault ?? false };
  }),

  'ec2.securityGroups': regionalCollector(['ec2:DescribeSecurityGroups'], async (ctx, region) => {
    const out: SecurityGroup[] = [];
    for await (const page of paginateDescribeSecurityGroups({ client: ctx.clients.get(EC2Client, region), pageSize: 1000 }, {})) {
      for (const g of page.SecurityGroups ?? []) {
        out.push({
          id: g.GroupId ?? '',
          name: g.GroupName ?? '',
          vpcId: g.VpcId ?? null,
          description: g.Description ?? '',
          ingress: sgRules(g.IpPermissions),
          egress: sgRules(g.IpPermissionsEgress),
          tags: tagMap(g.Tags),
        });
      }
    }
    return out;
  }),

  'ec2.vpcs': regionalCollector(['ec2:DescribeVpcs'], async (ctx, region) => {
    const out: Vpc[] = [];
    for await (const page of paginateDescribeVpcs({ client: ctx.clients.get(EC2Client, region), pageSize: 1000 }, {})) {
      for (const v of page.Vpcs ?? []) out.push({ id: v.VpcId ?? '', cidr: v.CidrBlock ?? '', isDefault: v.IsDefault ?? false, tags: tagMap(v.Tags) });
    }
    return out;
  }),

  'ec2.flowLogs': regionalCollector(['ec2:DescribeFlowLogs'], async (ctx, region) => {
    const out: FlowLog[] = [];
    for await (const page of paginateDescribeFlowLogs({ client: ctx.clients.get(EC2Client, region), pageSize: 1000 }, {})) {
      for (const f of page.FlowLogs ?? []) {
        out.push({
          id: f.FlowLogId ?? '',
          resourceId: f.ResourceId ?? '',
          status: f.FlowLogStatus ?? '',
          trafficType: f.TrafficType ?? '',
          destinationType: f.LogDestinationType ?? 'cloud-watch-logs',
          deliverStatus: f.DeliverLogsStatus ?? null,
          deliverError: f.DeliverLogsErrorMessage ?? null,
        });
      }
    }
    return out;
  }),

  'ec2.subnets': regionalCollector(['ec2:DescribeSubnets'], async (ctx, region) => {
    const out: Subnet[] = [];
    for await (const page of paginateDescribeSubnets({ client: ctx.clients.get(EC2Client, region), pageSize: 1000 }, {})) {
      for (const s of page.Subnets ?? []) {
        out.push({
          id: s.SubnetId ?? '',
          vpcId: s.VpcId ?? '',
          az: s.AvailabilityZone ?? '',
          cidr: s.CidrBlock ?? '',
          mapPublicIpOnLaunch: s.MapPublicIpOnLaunch ?? false,
          defaultForAz: s.DefaultForAz ?? false,
          tags: tagMap(s.Tags),
        });
      }
    }
    return out;
  }),

  'ec2.routeTables': regionalCollector(['ec2:DescribeRouteTables'], async (ctx, region) => {
    const out: RouteTable[] = [];
    for await (const page of paginateDescribeRouteTables({ client: ctx.clients.get(EC2Client, region), pageSize: 100 }, {})) {
      for (const t of page.RouteTables ?? []) {
        out.push({
          id: t.RouteTableId ?? '',
          vpcId: t.VpcId ?? '',
          main: (t.Associations ?? []).some((a) => a.Main),
          subnetIds: (t.Associations ?? []).map((a) => a.SubnetId ?? '').filter(Boolean),
          routes: (t.Routes ?? []).map((r) => ({
            destination: r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '',
            target:
              r.GatewayId ?? r.NatGatewayId ?? r.TransitGatewayId ?? r.VpcPeeringConnectionId ?? r.NetworkInterfaceId ?? r.InstanceId ?? r.EgressOnlyInternetGatewayId ?? '',
            state: r.State ?? 'active',
          })),
        });
      }
    }
    return out;
  }),

  'ec2.vpcEndpoints': regionalCollector(['ec2:DescribeVpcEndpoints'], async (ctx, region) => {
    const out: VpcEndpoint[] = [];
    for await (const page of paginateDescribeVpcEndpoints({ client: ctx.clients.get(EC2Client, region), pageSize: 1000 }, {})) {
      for (const e of page.VpcEndpoints ?? []) {
        out.push({ id: e.VpcEndpointId ?? '', vpcId: e.VpcId ?? '', serviceName: e.ServiceName ?? '', type: e.VpcEndpointType ?? '', state: e.State ?? '' });
      }
    }
    return out;
  }),

  'ec2.volumes': regionalCollector(['ec2:DescribeVolumes'], async (ctx, region) => {
    const out: EbsVolume[] = [];
    for await (const page of paginateDescribeVolumes({ client: ctx.clients.get(EC2Client, region), pageSize: 500 }, {})) {
      for (const v of page.Volumes ?? []) {
        out.push({
          id: v.VolumeId ?? '',
          encrypted: v.Encrypted ?? false,
          kmsKeyId: v.KmsKeyId ?? null,
          state: v.State ?? '',
          sizeGiB: v.Size ?? 0,
          attachedTo: (v.Attachments ?? []).map((a) => a.InstanceId ?? '').filter(Boolean),
          tags: tagMap(v.Tags),
        });
      }
    }
    return out;
  }),

  'ec2.snapshots': regionalCollector(['ec2:DescribeSnapshots'], async (ctx, region) => {
    const out: EbsSnapshot[] = [];
    for await (const page of paginateDescribeSnapshots({ client: ctx.clients.get(EC2Client, region), pageSize: 1000 }, { OwnerIds: ['self'] })) {
      for (const s of page.Snapshots ?? []) {
        out.push({
          id: s.SnapshotId ?? '',
          volumeId: s.VolumeId ?? '',
          encrypted: s.Encrypted ?? false,
          startTime: iso(s.StartTime),
          description: s.Description ?? '',
          tags: tagMap(s.Tags),
        });
      }
    }
    return out;
  }),

  'ec2.publicSnapshots': regionalCollector(['ec2:DescribeSnapshots'], async (ctx, region) => {
    // One listing instead of DescribeSnapshotAttribute per snapshot: own snapshots restorable by "all".
    const out: string[] = [];
    const pages = paginateDescribeSnapshots({ client: ctx.clients.get(EC2Client, region), pageSize: 1000 }, { OwnerIds: ['self'], RestorableByUserIds: ['all'] });
    for await (const page of pages) for (const s of page.Snapshots ?? []) if (s.SnapshotId) out.push(s.SnapshotId);
    return out;
  }),

  'ec2.images': regionalCollector(['ec2:DescribeImages'], async (ctx, region) => {
    const out: Ami[] = [];
    for await (const page of paginateDescribeImages({ client: ctx.clients.get(EC2Client, region), pageSize: 1000 }, { Owners: ['self'] })) {
      for (const i of page.Images ?? []) out.push({ id: i.ImageId ?? '', name: i.Name ?? '', public: i.Public ?? false, createdAt: iso(i.CreationDate) });
    }
    return out;
  }),
};
