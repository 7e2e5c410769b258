/**
 * Amazon ECR, per region: the registry's scanning configuration (basic or enhanced, and which
 * repositories each rule scans, on push or continuously) and every repository's own scan-on-push flag.
 */
import { ECRClient, GetRegistryScanningConfigurationCommand, paginateDescribeRepositories } from '@aws-sdk/client-ecr';
import { type CollectorSet, regionalCollector } from '../collector.js';

export interface RegistryScanRule {
  /** SCAN_ON_PUSH, CONTINUOUS_SCAN or MANUAL. */
  readonly frequency: string;
  /** Wildcard filters ("*", "prod-*"); a rule applies to a repository whose name matches one. */
  readonly filters: readonly string[];
}

export interface RegistryScanning {
  readonly scanType: 'BASIC' | 'ENHANCED';
  readonly rules: readonly RegistryScanRule[];
}

export interface EcrRepository {
  readonly name: string;
  readonly arn: string;
  readonly scanOnPush: boolean;
  readonly tagMutability: string;
}

declare module '../../engine/state.js' {
  interface RegionalSlices {
    'ecr.registryScanning': RegistryScanning;
    'ecr.repositories': readonly EcrRepository[];
  }
}

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
