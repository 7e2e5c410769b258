/**
 * RDS, per region: DB instances and clusters (with tags, encryption, public access, backups, log
 * exports), DB snapshots (with whether a manual one is shared with everyone), and the TLS settings
 * of the parameter groups the instances and clusters use (each group read once).
 */
import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBClusterParameters,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  paginateDescribeDBParameters,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBSnapshots,
  RDSClient,
} from '@aws-sdk/client-rds';
import { as, attempt, type CollectorContext, type CollectorSet, regionalCollector } from '../collector.js';
import { mapLimit } from '../limit.js';
import { perScan, tagMap } from './ec2.js';
import type { RdsInstance, RdsCluster, RdsClusterSnapshot, RdsSnapshot } from '../../state/rds.js';

/** PendingModifiedValues as "Field: value" lines, nested objects flattened; empty when nothing is pending. */
export function pendingList(v: object | undefined): string[] {
  const out: string[] = [];
  for (const [k, x] of Object.entries(v ?? {})) {
    if (x === undefined || x === null) continue;
    if (typeof x === 'object') out.push(`${k}: ${JSON.stringify(x)}`);
    else out.push(`${k}: ${String(x)}`);
  }
  return out;
}

const TLS_PARAMETERS = new Set(['rds.force_ssl', 'require_secure_transport']);

/** DB instances of one region, listed once per scan (the TLS check reuses the listing). */
const listInstances = perScan(async (ctx: CollectorContext, region: string): Promise<RdsInstance[]> => {
  const client = ctx.clients.get(RDSClient, region);
  const out: RdsInstance[] = [];
  for await (const page of paginateDescribeDBInstances({ client, pageSize: 100 }, {})) {
    for (const d of page.DBInstances ?? []) {
      out.push({
        id: d.DBInstanceIdentifier ?? '',
        arn: d.DBInstanceArn ?? '',
        engine: d.Engine ?? '',
        engineVersion: d.EngineVersion ?? '',
        instanceClass: d.DBInstanceClass ?? '',
        status: d.DBInstanceStatus ?? '',
        clusterId: d.DBClusterIdentifier ?? null,
        storageEncrypted: d.StorageEncrypted ?? false,
        kmsKeyId: d.KmsKeyId ?? null,
        publiclyAccessible: d.PubliclyAccessible ?? false,
        multiAZ: d.MultiAZ ?? false,
        backupRetentionPeriod: d.BackupRetentionPeriod ?? 0,
        autoMinorVersionUpgrade: d.AutoMinorVersionUpgrade ?? false,
        deletionProtection: d.DeletionProtection ?? false,
        parameterGroups: (d.DBParameterGroups ?? []).map((g) => g.DBParameterGroupName ?? '').filter(Boolean),
        enabledLogExports: d.EnabledCloudwatchLogsExports ?? [],
        iamAuth: d.IAMDatabaseAuthenticationEnabled ?? false,
        caCertificate: d.CACertificateIdentifier ?? null,
        vpcId: d.DBSubnetGroup?.VpcId ?? null,
        subnetIds: (d.DBSubnetGroup?.Subnets ?? []).map((s) => s.SubnetIdentifier ?? '').filter(Boolean),
        tags: tagMap(d.TagList),
        pendingModifications: pendingList(d.PendingModifiedValues),
      });
    }
  }
  return out;
});

/** DB clusters of one region, listed once per scan. */
const listClusters = perScan(async (ctx: CollectorContext, region: string): Promise<RdsCluster[]> => {
  const client = ctx.clients.get(RDSClient, region);
  const out: RdsCluster[] = [];
  for await (const page of paginateDescribeDBClusters({ client, pageSize: 100 }, {})) {
    for (const c of page.DBClusters ?? []) {
      out.push({
        id: c.DBClusterIdentifier ?? '',
        arn: c.DBClusterArn ?? '',
        engine: c.Engine ?? '',
        engineVersion: c.EngineVersion ?? '',
        storageEncrypted: c.StorageEncrypted ?? false,
        kmsKeyId: c.KmsKeyId ?? null,
        deletionProtection: c.DeletionProtection ?? false,
        backupRetentionPeriod: c.BackupRetentionPeriod ?? 0,
        multiAZ: c.MultiAZ ?? false,
        parameterGroup: c.DBClusterParameterGroup ?? null,
        enabledLogExports: c.EnabledCloudwatchLogsExports ?? [],
        members: (c.DBClusterMembers ?? []).map((m) => m.DBInstanceIdentifier ?? '').filter(Boolean),
        tags: tagMap(c.TagList),
        pendingModifications: pendingList(c.PendingModifiedValues),
      });
    }
  }
  return out;
});

export const collectors: CollectorSet = {
  'rds.instances': regionalCollector(['rds:DescribeDBInstances'], (ctx, region) => listInstances(ctx, region)),

  'rds.clusters': regionalCollector(['rds:DescribeDBClusters'], (ctx, region) => listClusters(ctx, region)),

  'rds.snapshots': regionalCollector(['rds:DescribeDBSnapshots', 'rds:DescribeDBSnapshotAttributes'], async (ctx, region) => {
    const client = ctx.clients.get(RDSClient, region);
    const listed: Omit<RdsSnapshot, 'public'>[] = [];
    await as('rds:DescribeDBSnapshots', (async () => {
    for await (const page of paginateDescribeDBSnapshots({ client, pageSize: 100 }, {})) {
      for (const s of page.DBSnapshots ?? []) {
        listed.push({
          id: s.DBSnapshotIdentifier ?? '',
          arn: s.DBSnapshotArn ?? '',
          instanceId: s.DBInstanceIdentifier ?? '',
          type: s.SnapshotType ?? 'manual',
          encrypted: s.Encrypted ?? false,
          engine: s.Engine ?? '',
          createdAt: s.SnapshotCreateTime ? new Date(s.SnapshotCreateTime).toISOString() : null,
        });
      }
    }
    })());
    return mapLimit(listed, 8, async (s) => {
      if (s.type !== 'manual') return { ...s, public: { ok: true as const, value: false } };
      const isPublic = await attempt('rds:DescribeDBSnapshotAttributes', async () => {
        const out = await client.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: s.id }));
        const restore = out.DBSnapshotAttributesResult?.DBSnapshotAttributes?.find((a) => a.AttributeName === 'restore');
        return (restore?.AttributeValues ?? []).includes('all');
      });
      return { ...s, public: isPublic };
    });
  }),

  'rds.clusterSnapshots': regionalCollector(['rds:DescribeDBClusterSnapshots', 'rds:DescribeDBClusterSnapshotAttributes'], async (ctx, region) => {
    const client = ctx.clients.get(RDSClient, region);
    const listed: Omit<RdsClusterSnapshot, 'public'>[] = [];
    await as(
      'rds:DescribeDBClusterSnapshots',
      (async () => {
        for await (const page of paginateDescribeDBClusterSnapshots({ client, pageSize: 100 }, {})) {
          for (const s of page.DBClusterSnapshots ?? []) {
            listed.push({
              id: s.DBClusterSnapshotIdentifier ?? '',
              arn: s.DBClusterSnapshotArn ?? '',
              clusterId: s.DBClusterIdentifier ?? '',
              type: s.SnapshotType ?? 'manual',
              encrypted: s.StorageEncrypted ?? false,
              engine: s.Engine ?? '',
              createdAt: s.SnapshotCreateTime ? new Date(s.SnapshotCreateTime).toISOString() : null,
            });
          }
        }
      })(),
    );
    return mapLimit(listed, 8, async (s) => {
      // Only manual cluster snapshots can be shared; automated ones must be copied first.
      if (s.type !== 'manual') return { ...s, public: { ok: true as const, value: false } };
      const isPublic = await attempt('rds:DescribeDBClusterSnapshotAttributes', async () => {
        const out = await client.send(new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: s.id }));
        const restore = out.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes?.find((a) => a.AttributeName === 'restore');
        return (restore?.AttributeValues ?? []).includes('all');
      });
      return { ...s, public: isPublic };
    });
  }),

  'rds.tlsParameters': regionalCollector(['rds:DescribeDBParameters', 'rds:DescribeDBClusterParameters'], async (ctx, region) => {
    const client = ctx.clients.get(RDSClient, region);
    const [instances, clusters] = await Promise.all([
      as('rds:DescribeDBInstances', listInstances(ctx, region)),
      as('rds:DescribeDBClusters', listClusters(ctx, region)),
    ]);
    const groups = new Map<string, { group: string; kind: 'instance' | 'cluster' }>();
    for (const i of instances) for (const g of i.parameterGroups) groups.set(`instance:${g}`, { group: g, kind: 'instance' });
    for (const c of clusters) if (c.parameterGroup) groups.set(`cluster:${c.parameterGroup}`, { group: c.parameterGroup, kind: 'cluster' });
    const entries = await mapLimit([...groups.entries()], 4, async ([key, { group, kind }]) => {
      const action = kind === 'instance' ? 'rds:DescribeDBParameters' : 'rds:DescribeDBClusterParameters';
      const result = await attempt(action, async () => {
        const found: Record<string, string | null> = {};
        const pages =
          kind === 'instance'
            ? paginateDescribeDBParameters({ client, pageSize: 100 }, { DBParameterGroupName: group })
            : paginateDescribeDBClusterParameters({ client, pageSize: 100 }, { DBClusterParameterGroupName: group });
        for await (const page of pages) {
          for (const p of page.Parameters ?? []) {
            if (p.ParameterName && TLS_PARAMETERS.has(p.ParameterName)) found[p.ParameterName] = p.ParameterValue ?? null;
          }
        }
        return { group, kind, forceSsl: found['rds.force_ssl'] ?? null, requireSecureTransport: found.require_secure_transport ?? null };
      });
      return [key, result] as const;
    });
    return Object.fromEntries(entries);
  }),
};
