import {
  AccessDeniedException,
  DescribePermissionSetCommand,
  ListInstancesCommand,
  ListPermissionSetsCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { testCollection } from '../helpers/collection.js';

const sso = mockClient(SSOAdminClient);
afterEach(() => sso.reset());

const collection = (regions = ['us-east-1']) => testCollection(regions);

const instance = 'arn:aws:sso:::instance/ssoins-1111';

describe('SSO admin collector', () => {
  it('is an empty list when the account has no Identity Center instance', async () => {
    sso.on(ListInstancesCommand).resolves({ Instances: [] });
    expect(await collection().global('ssoadmin.permissionSets')).toEqual({ ok: true, value: [] });
  });

  it('finds the instance in another scanned region and describes every permission set across pages', async () => {
    sso.on(ListInstancesCommand).callsFake(async (_input, getClient) => {
      const region = await getClient().config.region();
      return { Instances: region === 'eu-west-1' ? [{ InstanceArn: instance, IdentityStoreId: 'd-1', Status: 'ACTIVE' }] : [] };
    });
    sso.on(ListPermissionSetsCommand)
      .resolvesOnce({ NextToken: 'p2', PermissionSets: [`${instance}/ps-a`] })
      .resolvesOnce({ PermissionSets: [`${instance}/ps-b`] });
    sso.on(DescribePermissionSetCommand, { PermissionSetArn: `${instance}/ps-a` }).resolves({
      PermissionSet: { Name: 'Admins', PermissionSetArn: `${instance}/ps-a`, SessionDuration: 'PT12H' },
    });
    sso.on(DescribePermissionSetCommand, { PermissionSetArn: `${instance}/ps-b` }).resolves({
      PermissionSet: { Name: 'ReadOnly', PermissionSetArn: `${instance}/ps-b` },
    });
    const r = await collection(['us-east-1', 'eu-west-1']).global('ssoadmin.permissionSets');
    expect(r).toEqual({
      ok: true,
      value: [
        { name: 'Admins', arn: `${instance}/ps-a`, sessionDuration: 'PT12H', instanceArn: instance, region: 'eu-west-1' },
        { name: 'ReadOnly', arn: `${instance}/ps-b`, sessionDuration: null, instanceArn: instance, region: 'eu-west-1' },
      ],
    });
  });

  it('skips another region that cannot answer, but not one that refuses access', async () => {
    sso.on(ListInstancesCommand).callsFake(async (_input, getClient) => {
      const region = await getClient().config.region();
      if (region === 'ap-east-1') throw Object.assign(new Error('The security token included in the request is invalid.'), { name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 400 } });
      if (region === 'eu-west-1') throw new AccessDeniedException({ message: 'User is not authorized to perform this action', $metadata: { httpStatusCode: 400 } });
      return { Instances: [] };
    });
    expect(await collection(['us-east-1', 'ap-east-1']).global('ssoadmin.permissionSets')).toEqual({ ok: true, value: [] });
    const refused = await collection(['us-east-1', 'eu-west-1']).global('ssoadmin.permissionSets');
    expect(refused).toMatchObject({ ok: false, error: { kind: 'access', action: 'sso:ListInstances' } });
  });

  it('names sso:ListInstances when it is refused', async () => {
    sso.on(ListInstancesCommand).rejects(new AccessDeniedException({ message: 'User is not authorized to perform this action', $metadata: { httpStatusCode: 400 } }));
    const r = await collection().global('ssoadmin.permissionSets');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'access', action: 'sso:ListInstances' });
  });
});
