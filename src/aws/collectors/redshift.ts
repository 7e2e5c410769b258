/** Redshift, per region: clusters with public access, encryption, require_ssl of their parameter groups and audit logging. */
import { DescribeLoggingStatusCommand, paginateDescribeClusterParameters, paginateDescribeClusters, RedshiftClient } from '@aws-sdk/client-redshift';
import type { RedshiftCluster } from '../../state/redshift.js';
import { as, attempt, type CollectorSet, regionalCollector } from '../collector.js';
import { mapLimit } from '../limit.js';

export const collectors: CollectorSet = {
  'redshift.clusters': regionalCollector(
    ['redshift:DescribeClusters', 'redshift:DescribeClusterParameters', 'redshift:DescribeLoggingStatus'],
    async (ctx, region) => {
      const client = ctx.clients.get(RedshiftClient, region);
      const listed: Pick<RedshiftCluster, 'id' | 'publiclyAccessible' | 'encrypted' | 'kmsKeyId' | 'parameterGroups'>[] = [];
      await as(
        'redshift:DescribeClusters',
        (async () => {
          for await (const page of paginateDescribeClusters({ client, pageSize: 100 }, {})) {
            for (const c of page.Clusters ?? []) {
              listed.push({
                id: c.ClusterIdentifier ?? '',
                publiclyAccessible: c.PubliclyAccessible ?? false,
                encrypted: c.Encrypted ?? false,
                kmsKeyId: c.KmsKeyId ?? null,
                parameterGroups: (c.ClusterParameterGroups ?? []).map((g) => g.ParameterGroupName ?? '').filter(Boolean),
              });
            }
          }
        })(),
      );
      // Each parameter group is read once, however many clusters share it.
      const groups = new Map<string, Promise<boolean>>();
      const requireSsl = (name: string) => {
        let p = groups.get(name);
        if (!p) {
          p = (async () => {
            for await (const page of paginateDescribeClusterParameters({ client, pageSize: 100 }, { ParameterGroupName: name })) {
              const hit = (page.Parameters ?? []).find((x) => x.ParameterName === 'require_ssl');
              if (hit) return String(hit.ParameterValue).toLowerCase() === 'true';
            }
            return false;
          })();
          groups.set(name, p);
        }
        return p;
      };
      return mapLimit(listed, 6, async (c): Promise<RedshiftCluster> => {
        const [ssl, auditLogging] = await Promise.all([
          attempt('redshift:DescribeClusterParameters', async () => (await Promise.all(c.parameterGroups.map(requireSsl))).every(Boolean) && c.parameterGroups.length > 0),
          attempt('redshift:DescribeLoggingStatus', async () => (await client.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: c.id }))).LoggingEnabled ?? false),
        ]);
        return { ...c, requireSsl: ssl, auditLogging };
      });
    },
  ),
};
