import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { Collection } from '../../src/aws/collector.js';
import { regionOfLocation } from '../../src/aws/collectors/s3.js';
import { s3ControlClient } from '../../src/aws/collectors/s3control.js';

const s3 = mockClient(S3Client);
const s3control = mockClient(S3ControlClient);
afterEach(() => {
  s3.reset();
  s3control.reset();
});

const awsError = (name: string, message: string, status = 404) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
const accessDenied = () => awsError('AccessDenied', 'Access Denied', 403);

function collect(clients = new ClientFactory()) {
  const calls: { region: string; command: string }[] = [];
  clients.setSendWrapper((_service, region, command, send) => {
    calls.push({ region, command });
    return send();
  });
  const collection = new Collection({
    clients,
    identity: { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/t', partition: 'aws' },
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1'],
  });
  return { collection, calls };
}

/** A bucket with every "not configured" answer AWS gives a fresh bucket. */
function freshBucketDefaults() {
  s3.on(GetBucketTaggingCommand).rejects(awsError('NoSuchTagSet', 'The TagSet does not exist'));
  s3.on(GetBucketEncryptionCommand).rejects(awsError('ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found'));
  s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 'The bucket policy does not exist'));
  s3.on(GetBucketPolicyStatusCommand).rejects(awsError('NoSuchBucketPolicy', 'The bucket policy does not exist'));
  s3.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found'));
  s3.on(GetBucketAclCommand).resolves({ Owner: { ID: 'abc' }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'abc' }, Permission: 'FULL_CONTROL' }] });
  s3.on(GetBucketLoggingCommand).resolves({});
  s3.on(GetBucketVersioningCommand).resolves({});
  s3.on(GetObjectLockConfigurationCommand).rejects(awsError('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket'));
  s3.on(GetBucketLifecycleConfigurationCommand).rejects(awsError('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist'));
  s3.on(GetBucketReplicationCommand).rejects(awsError('ReplicationConfigurationNotFoundError', 'The replication configuration was not found'));
  s3.on(GetBucketWebsiteCommand).rejects(awsError('NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration'));
}

describe('S3 bucket collector', () => {
  it('maps LocationConstraint: none or "" is us-east-1, "EU" is eu-west-1', () => {
    expect(regionOfLocation(undefined)).toBe('us-east-1');
    expect(regionOfLocation('')).toBe('us-east-1');
    expect(regionOfLocation('EU')).toBe('eu-west-1');
    expect(regionOfLocation('ap-southeast-2')).toBe('ap-southeast-2');
  });

  it("turns every 'not configured' error into null and sends each bucket's calls to its own region", async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'records', CreationDate: new Date('2025-02-01') }, { Name: 'legacy-eu' }], Owner: { ID: 'abc' } });
    s3.on(GetBucketLocationCommand, { Bucket: 'records' }).resolves({});
    s3.on(GetBucketLocationCommand, { Bucket: 'legacy-eu' }).resolves({ LocationConstraint: 'EU' });
    freshBucketDefaults();
    const { collection, calls } = collect();
    const r = await collection.global('s3.buckets');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [records, eu] = r.value;
    expect(records).toMatchObject({
      name: 'records',
      region: 'us-east-1',
      tags: { ok: true, value: {} },
      encryption: { ok: true, value: null },
      policy: { ok: true, value: null },
      policyStatus: { ok: true, value: null },
      publicAccessBlock: { ok: true, value: null },
      acl: { ok: true, value: { publicGrants: [] } },
      logging: { ok: true, value: null },
      versioning: { ok: true, value: { status: 'Off', mfaDelete: false } },
      objectLock: { ok: true, value: null },
      lifecycle: { ok: true, value: null },
      replication: { ok: true, value: null },
      website: { ok: true, value: null },
    });
    expect(eu?.region).toBe('eu-west-1');
    const euCalls = calls.filter((c) => c.command !== 'ListBucketsCommand' && c.command !== 'GetBucketLocationCommand');
    expect(euCalls.filter((c) => c.region === 'eu-west-1')).toHaveLength(12);
    expect(euCalls.filter((c) => c.region === 'us-east-1')).toHaveLength(12);
  });

  it('uses ListBuckets BucketRegion when AWS returns it, without GetBucketLocation', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'west', BucketRegion: 'us-west-2' }] });
    freshBucketDefaults();
    const { collection } = collect();
    const r = await collection.global('s3.buckets');
    expect(r.ok && r.value[0]?.region).toBe('us-west-2');
    expect(s3.commandCalls(GetBucketLocationCommand)).toHaveLength(0);
  });

  it('reads configured values in AWS shapes (KMS encryption, policy, public ACL, versioning, lock, replication)', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'records', BucketRegion: 'us-east-1' }] });
    freshBucketDefaults();
    s3.on(GetBucketTaggingCommand).resolves({ TagSet: [{ Key: 'phi', Value: 'true' }] });
    s3.on(GetBucketEncryptionCommand).resolves({
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:us-east-1:111122223333:key/k1' }, BucketKeyEnabled: true }],
      },
    });
    s3.on(GetBucketPolicyCommand).resolves({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] }) });
    s3.on(GetBucketPolicyStatusCommand).resolves({ PolicyStatus: { IsPublic: false } });
    s3.on(GetBucketAclCommand).resolves({ Grants: [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] });
    s3.on(GetBucketVersioningCommand).resolves({ Status: 'Enabled', MFADelete: 'Disabled' });
    s3.on(GetObjectLockConfigurationCommand).resolves({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 6 } } } });
    s3.on(GetBucketReplicationCommand).resolves({
      ReplicationConfiguration: { Role: 'arn:aws:iam::111122223333:role/rep', Rules: [{ ID: 'dr', Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::records-dr' } }] },
    });
    const { collection } = collect();
    const r = await collection.global('s3.buckets');
    expect(r.ok && r.value[0]).toMatchObject({
      tags: { ok: true, value: { phi: 'true' } },
      encryption: { ok: true, value: { algorithm: 'aws:kms', kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/k1', bucketKeyEnabled: true } },
      policyStatus: { ok: true, value: { isPublic: false } },
      acl: { ok: true, value: { publicGrants: ['AllUsers: READ'] } },
      versioning: { ok: true, value: { status: 'Enabled', mfaDelete: false } },
      objectLock: { ok: true, value: { enabled: true, mode: 'COMPLIANCE', days: null, years: 6 } },
      replication: { ok: true, value: { role: 'arn:aws:iam::111122223333:role/rep', rules: [{ id: 'dr', enabled: true, destinationBucket: 'records-dr', destinationAccount: null }] } },
    });
  });

  it('keeps an AccessDenied on one bucket part as that part only, naming the IAM action', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'records', BucketRegion: 'us-east-1' }] });
    freshBucketDefaults();
    s3.on(GetBucketPolicyCommand).rejects(accessDenied());
    const { collection } = collect();
    const r = await collection.global('s3.buckets');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]?.policy).toMatchObject({ ok: false, error: { kind: 'access', action: 's3:GetBucketPolicy' } });
    expect(r.value[0]?.encryption).toEqual({ ok: true, value: null });
  });

  it('marks every part of a bucket whose location is denied, and the list itself when ListBuckets is denied', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'secret' }] });
    s3.on(GetBucketLocationCommand).rejects(accessDenied());
    const first = await collect().collection.global('s3.buckets');
    expect(first.ok && first.value[0]).toMatchObject({ region: 'unknown', versioning: { ok: false, error: { action: 's3:GetBucketLocation' } } });
    s3.reset();
    s3.on(ListBucketsCommand).rejects(accessDenied());
    const second = await collect().collection.global('s3.buckets');
    expect(second).toMatchObject({ ok: false, error: { kind: 'access', action: 's3:ListAllMyBuckets' } });
  });
});

describe('S3 account Block Public Access collector', () => {
  it('sends the account id and turns NoSuchPublicAccessBlockConfiguration into null', async () => {
    s3control.on(GetAccountPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found'));
    const r = await collect().collection.global('s3control.publicAccessBlock');
    expect(r).toEqual({ ok: true, value: null });
    expect(s3control.commandCalls(GetAccountPublicAccessBlockCommand)[0]?.args[0].input).toEqual({ AccountId: '111122223333' });
  });

  it('reads the four settings', async () => {
    s3control.on(GetAccountPublicAccessBlockCommand).resolves({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false },
    });
    const r = await collect().collection.global('s3control.publicAccessBlock');
    expect(r).toEqual({ ok: true, value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false } });
  });

  it('pins the endpoint when a custom endpoint is set, so the account id is not prefixed to an IP address', async () => {
    const clients = new ClientFactory({ endpointUrl: 'http://127.0.0.1:4566' });
    const client = s3ControlClient({ clients, homeRegion: 'us-east-1' });
    const resolved = await client.config.endpointProvider({ AccountId: '111122223333', Region: 'us-east-1', RequiresAccountId: true } as never, {});
    expect(resolved.url.href).toBe('http://127.0.0.1:4566/');
    const plain = s3ControlClient({ clients: new ClientFactory(), homeRegion: 'us-east-1' });
    const real = await plain.config.endpointProvider({ AccountId: '111122223333', Region: 'us-east-1', RequiresAccountId: true, UseFIPS: false, UseDualStack: false } as never, {});
    expect(real.url.hostname).toBe('111122223333.s3-control.us-east-1.amazonaws.com');
  });
});
