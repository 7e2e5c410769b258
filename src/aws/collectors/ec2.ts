/**
 * EC2, per region: instances (with their metadata options, public addresses, tags) and the
 * account's instance metadata defaults.
 */
import { EC2Client, GetInstanceMetadataDefaultsCommand, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import { type CollectorSet, regionalCollector } from '../collector.js';

export interface Ec2Instance {
  readonly id: string;
  readonly arn: string;
  readonly state: string;
  readonly platform: string;
  readonly imageId: string;
  readonly vpcId: string | null;
  readonly subnetId: string | null;
  readonly publicIp: string | null;
  /** "required" means IMDSv2 only; "optional" still answers IMDSv1. */
  readonly httpTokens: 'required' | 'optional' | null;
  readonly httpEndpoint: 'enabled' | 'disabled' | null;
  readonly iamInstanceProfile: string | null;
  readonly securityGroups: readonly string[];
  readonly launchTime: string | null;
  readonly tags: Readonly<Record<string, string>>;
}

export interface MetadataDefaults {
  /** null when no account default is set (each launch decides). */
  readonly httpTokens: 'required' | 'optional' | 'no-preference' | null;
}

declare module '../../engine/state.js' {
  interface RegionalSlices {
    'ec2.instances': readonly Ec2Instance[];
    'ec2.metadataDefaults': MetadataDefaults;
  }
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
};
