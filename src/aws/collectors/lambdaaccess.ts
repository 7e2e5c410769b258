/**
 * Lambda exposure, per region: every function's VPC, environment key, tags, resource-based policy
 * and function URLs, read once per function.
 */
import {
  GetPolicyCommand,
  LambdaClient,
  ListTagsCommand,
  paginateListFunctionUrlConfigs,
} from '@aws-sdk/client-lambda';
import type { PolicyDocument } from '../../state/iam.js';
import type { LambdaAccess, LambdaFunctionUrl } from '../../state/lambdaaccess.js';
import { as, attempt, type CollectorSet, regionalCollector } from '../collector.js';
import { orIfMissing } from '../errors.js';
import { mapLimit } from '../limit.js';
import { listFunctions } from './lambda.js';

export const collectors: CollectorSet = {
  'lambdaaccess.functions': regionalCollector(
    ['lambda:ListFunctions', 'lambda:ListTags', 'lambda:GetPolicy', 'lambda:ListFunctionUrlConfigs'],
    async (ctx, region) => {
      const client = ctx.clients.get(LambdaClient, region);
      const listed: Pick<LambdaAccess, 'name' | 'arn' | 'vpcId' | 'kmsKeyArn' | 'hasEnvironment'>[] = [];
      // The same listing lambda.functions reads, fetched once per scan.
      for (const f of await as('lambda:ListFunctions', listFunctions(ctx, region))) {
        listed.push({
          name: f.FunctionName ?? '',
          arn: f.FunctionArn ?? '',
          vpcId: f.VpcConfig?.VpcId || null,
          kmsKeyArn: f.KMSKeyArn ?? null,
          hasEnvironment: Object.keys(f.Environment?.Variables ?? {}).length > 0,
        });
      }
      return mapLimit(listed, 6, async (f): Promise<LambdaAccess> => {
        const [tags, policy, urls] = await Promise.all([
          attempt('lambda:ListTags', async () => (await client.send(new ListTagsCommand({ Resource: f.arn }))).Tags ?? {}),
          attempt('lambda:GetPolicy', async () => {
            const out = await orIfMissing(() => client.send(new GetPolicyCommand({ FunctionName: f.arn })), ['ResourceNotFoundException'], null);
            return out?.Policy ? (JSON.parse(out.Policy) as PolicyDocument) : null;
          }),
          attempt('lambda:ListFunctionUrlConfigs', async () => {
            const found: LambdaFunctionUrl[] = [];
            for await (const page of paginateListFunctionUrlConfigs({ client, pageSize: 50 }, { FunctionName: f.arn })) {
              for (const u of page.FunctionUrlConfigs ?? []) found.push({ url: u.FunctionUrl ?? '', authType: u.AuthType ?? 'AWS_IAM' });
            }
            return found;
          }),
        ]);
        return { ...f, tags, policy, urls };
      });
    },
  ),
};
