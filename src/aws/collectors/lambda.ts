/** Lambda, per region: every function's runtime, so a check can find runtimes AWS no longer patches. */
import { type FunctionConfiguration, LambdaClient, paginateListFunctions } from '@aws-sdk/client-lambda';
import { type CollectorContext, type CollectorSet, regionalCollector } from '../collector.js';
import type { LambdaFunction } from '../../state/lambda.js';

const listed = new WeakMap<CollectorContext, Map<string, Promise<FunctionConfiguration[]>>>();

/** The region's functions as ListFunctions returns them, listed once per scan (lambdaaccess.functions reads their VPC, key and environment). */
export function listFunctions(ctx: CollectorContext, region: string): Promise<FunctionConfiguration[]> {
  let scan = listed.get(ctx);
  if (!scan) listed.set(ctx, (scan = new Map()));
  let p = scan.get(region);
  if (!p) {
    p = (async () => {
      const client = ctx.clients.get(LambdaClient, region);
      const out: FunctionConfiguration[] = [];
      for await (const page of paginateListFunctions({ client, pageSize: 50 }, {})) out.push(...(page.Functions ?? []));
      return out;
    })();
    scan.set(region, p);
  }
  return p;
}

export const collectors: CollectorSet = {
  'lambda.functions': regionalCollector(['lambda:ListFunctions'], async (ctx, region) => {
    const out: LambdaFunction[] = [];
    for (const f of await listFunctions(ctx, region)) {
      out.push({
        name: f.FunctionName ?? '',
        arn: f.FunctionArn ?? '',
        runtime: f.Runtime ?? null,
        packageType: f.PackageType ?? 'Zip',
        lastModified: f.LastModified ? new Date(f.LastModified).toISOString() : null,
      });
    }
    return out;
  }),
};
