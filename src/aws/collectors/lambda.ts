/** Lambda, per region: every function's runtime, so a check can find runtimes AWS no longer patches. */
import { LambdaClient, paginateListFunctions } from '@aws-sdk/client-lambda';
import { type CollectorSet, regionalCollector } from '../collector.js';
import type { LambdaFunction } from '../../state/lambda.js';

export const collectors: CollectorSet = {
  'lambda.functions': regionalCollector(['lambda:ListFunctions'], async (ctx, region) => {
    const client = ctx.clients.get(LambdaClient, region);
    const out: LambdaFunction[] = [];
    for await (const page of paginateListFunctions({ client, pageSize: 50 }, {})) {
      for (const f of page.Functions ?? []) {
        out.push({
          name: f.FunctionName ?? '',
          arn: f.FunctionArn ?? '',
          runtime: f.Runtime ?? null,
          packageType: f.PackageType ?? 'Zip',
          lastModified: f.LastModified ? new Date(f.LastModified).toISOString() : null,
        });
      }
    }
    return out;
  }),
};
