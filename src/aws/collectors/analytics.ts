/**
 * SageMaker notebooks, EMR, DMS, EKS, ElastiCache and CodeBuild, per region: the few settings of
 * each that decide whether ePHI stays encrypted and off the internet.
 */
import { BatchGetProjectsCommand, CodeBuildClient, paginateListProjects } from '@aws-sdk/client-codebuild';
import { DatabaseMigrationServiceClient, paginateDescribeReplicationInstances } from '@aws-sdk/client-database-migration-service';
import { DescribeClusterCommand as DescribeEksClusterCommand, EKSClient, paginateListClusters as paginateEksClusters } from '@aws-sdk/client-eks';
import { ElastiCacheClient, paginateDescribeReplicationGroups } from '@aws-sdk/client-elasticache';
import { DescribeClusterCommand, DescribeSecurityConfigurationCommand, EMRClient, GetBlockPublicAccessConfigurationCommand, paginateListClusters } from '@aws-sdk/client-emr';
import { DescribeNotebookInstanceCommand, paginateListNotebookInstances, SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { CodeBuildProject, EmrCluster } from '../../state/analytics.js';
import { as, attempt, type CollectorSet, regionalCollector } from '../collector.js';
import { mapLimit } from '../limit.js';

async function drain<T>(action: string, pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  await as(
    action,
    (async () => {
      for await (const p of pages) out.push(p);
    })(),
  );
  return out;
}

/** Environment variable names that hold AWS credentials when set in plain text. */
const CREDENTIAL_NAMES = /^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)$/i;

export const collectors: CollectorSet = {
  'analytics.sagemakerNotebooks': regionalCollector(['sagemaker:ListNotebookInstances', 'sagemaker:DescribeNotebookInstance'], async (ctx, region) => {
    const client = ctx.clients.get(SageMakerClient, region);
    const names = (await drain('sagemaker:ListNotebookInstances', paginateListNotebookInstances({ client, pageSize: 100 }, {}))).flatMap((p) =>
      (p.NotebookInstances ?? []).map((n) => n.NotebookInstanceName ?? ''),
    );
    return mapLimit(names, 4, async (name) => {
      const d = await as('sagemaker:DescribeNotebookInstance', client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name })));
      return {
        name,
        arn: d.NotebookInstanceArn ?? '',
        directInternetAccess: d.DirectInternetAccess !== 'Disabled',
        kmsKeyId: d.KmsKeyId ?? null,
        rootAccess: d.RootAccess !== 'Disabled',
      };
    });
  }),
  'analytics.emrBlockPublicAccess': regionalCollector(['elasticmapreduce:GetBlockPublicAccessConfiguration'], async (ctx, region) => {
    const client = ctx.clients.get(EMRClient, region);
    const out = await as('elasticmapreduce:GetBlockPublicAccessConfiguration', client.send(new GetBlockPublicAccessConfigurationCommand({})));
    const c = out.BlockPublicAccessConfiguration;
    return {
      enabled: c?.BlockPublicSecurityGroupRules ?? false,
      permittedPorts: (c?.PermittedPublicSecurityGroupRuleRanges ?? []).map((r) => (r.MaxRange === undefined || r.MaxRange === r.MinRange ? `${r.MinRange}` : `${r.MinRange}-${r.MaxRange}`)),
    };
  }),
  'analytics.emrClusters': regionalCollector(
    ['elasticmapreduce:ListClusters', 'elasticmapreduce:DescribeCluster', 'elasticmapreduce:DescribeSecurityConfiguration'],
    async (ctx, region) => {
      const client = ctx.clients.get(EMRClient, region);
      const listed = (
        await drain('elasticmapreduce:ListClusters', paginateListClusters({ client }, { ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'] }))
      ).flatMap((p) => p.Clusters ?? []);
      const configs = new Map<string, Promise<{ atRest: boolean; inTransit: boolean }>>();
      const config = (name: string) => {
        let p = configs.get(name);
        if (!p) {
          p = client.send(new DescribeSecurityConfigurationCommand({ Name: name })).then((o) => {
            const enc = (JSON.parse(o.SecurityConfiguration ?? '{}') as { EncryptionConfiguration?: { EnableAtRestEncryption?: boolean; EnableInTransitEncryption?: boolean } })
              .EncryptionConfiguration;
            return { atRest: enc?.EnableAtRestEncryption === true, inTransit: enc?.EnableInTransitEncryption === true };
          });
          configs.set(name, p);
        }
        return p;
      };
      return mapLimit(listed, 4, async (c): Promise<EmrCluster> => {
        const d = await as('elasticmapreduce:DescribeCluster', client.send(new DescribeClusterCommand({ ClusterId: c.Id })));
        const sc = d.Cluster?.SecurityConfiguration ?? null;
        return {
          id: c.Id ?? '',
          name: c.Name ?? '',
          securityConfiguration: sc,
          encryption: await attempt('elasticmapreduce:DescribeSecurityConfiguration', async () => (sc ? config(sc) : null)),
        };
      });
    },
  ),
  'analytics.dmsInstances': regionalCollector(['dms:DescribeReplicationInstances'], async (ctx, region) => {
    const client = ctx.clients.get(DatabaseMigrationServiceClient, region);
    const pages = await drain('dms:DescribeReplicationInstances', paginateDescribeReplicationInstances({ client, pageSize: 100 }, {}));
    return pages.flatMap((p) =>
      (p.ReplicationInstances ?? []).map((r) => ({ id: r.ReplicationInstanceIdentifier ?? '', arn: r.ReplicationInstanceArn ?? '', publiclyAccessible: r.PubliclyAccessible ?? false })),
    );
  }),
  'analytics.eksClusters': regionalCollector(['eks:ListClusters', 'eks:DescribeCluster'], async (ctx, region) => {
    const client = ctx.clients.get(EKSClient, region);
    const names = (await drain('eks:ListClusters', paginateEksClusters({ client, pageSize: 100 }, {}))).flatMap((p) => p.clusters ?? []);
    return mapLimit(names, 4, async (name) => {
      const c = (await as('eks:DescribeCluster', client.send(new DescribeEksClusterCommand({ name })))).cluster;
      const vpc = c?.resourcesVpcConfig;
      return {
        name,
        arn: c?.arn ?? '',
        secretsEncrypted: (c?.encryptionConfig ?? []).some((e) => (e.resources ?? []).includes('secrets') && e.provider?.keyArn),
        endpointPublic: vpc?.endpointPublicAccess ?? true,
        endpointPrivate: vpc?.endpointPrivateAccess ?? false,
        publicCidrs: vpc?.publicAccessCidrs ?? [],
      };
    });
  }),
  'analytics.cacheGroups': regionalCollector(['elasticache:DescribeReplicationGroups'], async (ctx, region) => {
    const client = ctx.clients.get(ElastiCacheClient, region);
    const pages = await drain('elasticache:DescribeReplicationGroups', paginateDescribeReplicationGroups({ client, pageSize: 100 }, {}));
    return pages.flatMap((p) =>
      (p.ReplicationGroups ?? []).map((g) => ({
        id: g.ReplicationGroupId ?? '',
        arn: g.ARN ?? '',
        transitEncryption: g.TransitEncryptionEnabled ?? false,
        atRestEncryption: g.AtRestEncryptionEnabled ?? false,
        snapshotRetentionDays: g.SnapshotRetentionLimit ?? 0,
      })),
    );
  }),
  'analytics.codebuildProjects': regionalCollector(['codebuild:ListProjects', 'codebuild:BatchGetProjects'], async (ctx, region) => {
    const client = ctx.clients.get(CodeBuildClient, region);
    const names = (await drain('codebuild:ListProjects', paginateListProjects({ client }, {}))).flatMap((p) => p.projects ?? []);
    const out: CodeBuildProject[] = [];
    for (let i = 0; i < names.length; i += 100) {
      const got = await as('codebuild:BatchGetProjects', client.send(new BatchGetProjectsCommand({ names: names.slice(i, i + 100) })));
      for (const p of got.projects ?? []) {
        out.push({
          name: p.name ?? '',
          arn: p.arn ?? '',
          plaintextCredentials: (p.environment?.environmentVariables ?? [])
            .filter((v) => (v.type ?? 'PLAINTEXT') === 'PLAINTEXT' && CREDENTIAL_NAMES.test(v.name ?? ''))
            .map((v) => v.name ?? ''),
        });
      }
    }
    return out;
  }),
};
