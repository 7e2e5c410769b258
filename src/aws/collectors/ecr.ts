/**
 * Amazon ECR, per region: the registry's scanning configuration (basic or enhanced, and which
 * repositories each rule scans, on push or continuously) and every repository's own scan-on-push flag.
 */
import { ECRClient, GetRegistryScanningConfigurationCommand, paginateDescribeRepositories } from '@aws-sdk/client-ecr';
import { type CollectorSet, regionalCollector } from '../collector.js';
import type { EcrRepository } from '../../state/ecr.js';

export const collectors: CollectorSet = {
  'ecr.registryScanning': regionalCollector(['ecr:GetRegistryScanningConfiguration'], async (ctx, region) => {
    const out = await ctx.clients.get(ECRClient, region).send(new GetRegistryScanningConfigurationCommand({}));
    const config = out.scanningConfiguration;
    return {
      scanType: config?.scanType === 'ENHANCED' ? 'ENHANCED' : 'BASIC',
      rules: (config?.rules ?? []).map((r) => ({
        frequency: r.scanFrequency ?? 'MANUAL',
        filters: (r.repositoryFilters ?? []).map((f) => f.filter ?? '').filter(Boolean),
      })),
    };
  }),

  'ecr.repositories': regionalCollector(['ecr:DescribeRepositories'], async (ctx, region) => {
    const client = ctx.clients.get(ECRClient, region);
    const out: EcrRepository[] = [];
    for await (const page of paginateDescribeRepositories({ client, pageSize: 1000 }, {})) {
      for (const r of page.repositories ?? []) {
        out.push({
          name: r.repositoryName ?? '',
          arn: r.repositoryArn ?? '',
          scanOnPush: r.imageScanningConfiguration?.scanOnPush === true,
          tagMutability: r.imageTagMutability ?? 'MUTABLE',
        });
      }
    }
    return out;
  }),
};
