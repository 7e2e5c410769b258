import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { testCollection } from '../helpers/collection.js';

const lambda = mockClient(LambdaClient);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);
const workspaces = mockClient(WorkSpacesClient);
afterEach(() => {
  lambda.reset();
  tagging.reset();
  workspaces.reset();
});

const collection = (regions = ['us-east-1']) => testCollection(regions);

describe('Lambda, tagging and WorkSpaces collectors', () => {
  it('reads each function\'s runtime (none for container images) across pages', async () => {
    lambda
      .on(ListFunctionsCommand)
      .resolvesOnce({ NextMarker: 'm', Functions: [{ FunctionName: 'a', FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:a', Runtime: 'nodejs18.x', PackageType: 'Zip', LastModified: '2025-01-01T00:00:00.000+0000' }] })
      .resolvesOnce({ Functions: [{ FunctionName: 'b', FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:b', PackageType: 'Image' }] });
    const r = await collection().regional('lambda.functions', 'us-east-1');
    expect(r.ok && r.value).toEqual([
      { name: 'a', arn: 'arn:aws:lambda:us-east-1:111122223333:function:a', runtime: 'nodejs18.x', packageType: 'Zip', lastModified: '2025-01-01T00:00:00.000Z' },
      { name: 'b', arn: 'arn:aws:lambda:us-east-1:111122223333:function:b', runtime: null, packageType: 'Image', lastModified: null },
    ]);
  });

  it('asks the tagging API for data stores, S3 buckets only in the home region', async () => {
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [{ ResourceARN: 'arn:aws:rds:us-west-2:111122223333:db:x', Tags: [{ Key: 'phi', Value: 'true' }] }] });
    const c = collection(['us-east-1', 'us-west-2']);
    await c.regional('tagging.dataStores', 'us-east-1');
    const west = await c.regional('tagging.dataStores', 'us-west-2');
    expect(west.ok && west.value).toEqual([{ arn: 'arn:aws:rds:us-west-2:111122223333:db:x', tags: { phi: 'true' } }]);
    const [home, other] = tagging.commandCalls(GetResourcesCommand).map((x) => x.args[0].input.ResourceTypeFilters ?? []);
    expect(home).toContain('s3:bucket');
    expect(other).not.toContain('s3:bucket');
    expect(other).toContain('dynamodb:table');
  });

  it('reads WorkSpaces volume encryption', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({
      Workspaces: [{ WorkspaceId: 'ws-1', DirectoryId: 'd-1', UserName: 'ann', State: 'AVAILABLE', RootVolumeEncryptionEnabled: true, UserVolumeEncryptionEnabled: false }],
    });
    const r = await collection().regional('workspaces.workspaces', 'us-east-1');
    expect(r.ok && r.value).toEqual([{ id: 'ws-1', userName: 'ann', directoryId: 'd-1', state: 'AVAILABLE', rootVolumeEncrypted: true, userVolumeEncrypted: false, kmsKey: null }]);
  });

  it('treats a region without a WorkSpaces endpoint as having none, but keeps a refusal', async () => {
    workspaces.on(DescribeWorkspacesCommand).rejects(Object.assign(new Error('getaddrinfo ENOTFOUND workspaces.eu-north-1.amazonaws.com'), { code: 'ENOTFOUND' }));
    expect(await collection().regional('workspaces.workspaces', 'us-east-1')).toEqual({ ok: true, value: [] });
    workspaces.reset();
    workspaces.on(DescribeWorkspacesCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));
    const r = await collection().regional('workspaces.workspaces', 'us-east-1');
    expect(!r.ok && r.error).toMatchObject({ kind: 'access', action: 'workspaces:DescribeWorkspaces' });
  });
});
