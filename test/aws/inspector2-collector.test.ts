import {
  AccessDeniedException,
  BatchGetAccountStatusCommand,
  type BatchGetAccountStatusCommandOutput,
  Inspector2Client,
  ListFindingsCommand,
} from '@aws-sdk/client-inspector2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { testCollection } from '../helpers/collection.js';

const inspector = mockClient(Inspector2Client);
afterEach(() => inspector.reset());

const collection = () => testCollection(['us-east-1']);

type Status = 'ENABLED' | 'DISABLED';
// Inspector's State objects always carry an errorCode and errorMessage, even when nothing failed.
const st = (status: Status) => ({ status, errorCode: status === 'ENABLED' ? ('ALREADY_ENABLED' as const) : ('DISABLE_IN_PROGRESS' as const), errorMessage: '' });
const status = (ec2: Status, ecr: Status): BatchGetAccountStatusCommandOutput => ({
  $metadata: {},
  accounts: [
    {
      accountId: '111122223333',
      state: st('ENABLED'),
      resourceState: { ec2: st(ec2), ecr: st(ecr), lambda: st('DISABLED') },
    },
  ],
  failedAccounts: [],
});

describe('Inspector collectors', () => {
  it('reads which resource types Inspector scans for this account', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(status('ENABLED', 'DISABLED'));
    const r = await collection().regional('inspector2.status', 'us-east-1');
    expect(r).toEqual({ ok: true, value: { ec2: 'ENABLED', ecr: 'DISABLED', lambda: 'DISABLED' } });
    expect(inspector.commandCalls(BatchGetAccountStatusCommand)[0]?.args[0].input).toEqual({ accountIds: ['111122223333'] });
  });

  it('names inspector2:BatchGetAccountStatus when access is denied', async () => {
    inspector.on(BatchGetAccountStatusCommand).rejects(new AccessDeniedException({ message: 'User is not authorized', $metadata: { httpStatusCode: 403 } }));
    const r = await collection().regional('inspector2.status', 'us-east-1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'access', action: 'inspector2:BatchGetAccountStatus' });
  });

  it('does not ask for findings where Inspector scans nothing', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(status('DISABLED', 'DISABLED'));
    const r = await collection().regional('inspector2.findings', 'us-east-1');
    expect(r).toEqual({ ok: true, value: [] });
    expect(inspector.commandCalls(ListFindingsCommand)).toHaveLength(0);
  });

  it('lists active critical and high findings across pages, with the day each was first seen', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(status('ENABLED', 'ENABLED'));
    inspector
      .on(ListFindingsCommand)
      .resolvesOnce({
        nextToken: 'page-2',
        findings: [
          {
            findingArn: 'arn:aws:inspector2:us-east-1:111122223333:finding/aaa',
            awsAccountId: '111122223333',
            type: 'PACKAGE_VULNERABILITY',
            description: 'openssh regression',
            title: 'CVE-2024-6387 - openssh-server',
            severity: 'CRITICAL',
            status: 'ACTIVE',
            firstObservedAt: new Date('2026-09-01T00:00:00Z'),
            lastObservedAt: new Date('2026-11-20T00:00:00Z'),
            fixAvailable: 'YES',
            packageVulnerabilityDetails: { vulnerabilityId: 'CVE-2024-6387', source: 'NVD' },
            remediation: {},
            resources: [{ type: 'AWS_EC2_INSTANCE', id: 'i-0abc', region: 'us-east-1' }],
          },
        ],
      })
      .resolvesOnce({
        findings: [
          {
            findingArn: 'arn:aws:inspector2:us-east-1:111122223333:finding/bbb',
            awsAccountId: '111122223333',
            type: 'PACKAGE_VULNERABILITY',
            description: 'x',
            severity: 'HIGH',
            status: 'ACTIVE',
            firstObservedAt: new Date('2026-11-01T00:00:00Z'),
            lastObservedAt: new Date('2026-11-20T00:00:00Z'),
            remediation: {},
            resources: [{ type: 'AWS_ECR_CONTAINER_IMAGE', id: 'arn:aws:ecr:us-east-1:111122223333:repository/api/sha256:abc' }],
          },
        ],
      });
    const r = await collection().regional('inspector2.findings', 'us-east-1');
    expect(r.ok && r.value).toEqual([
      {
        arn: 'arn:aws:inspector2:us-east-1:111122223333:finding/aaa',
        title: 'CVE-2024-6387 - openssh-server',
        severity: 'CRITICAL',
        vulnerabilityId: 'CVE-2024-6387',
        resourceType: 'AWS_EC2_INSTANCE',
        resourceId: 'i-0abc',
        firstObservedAt: '2026-09-01T00:00:00.000Z',
        fixAvailable: 'YES',
      },
      expect.objectContaining({ severity: 'HIGH', title: 'x', resourceType: 'AWS_ECR_CONTAINER_IMAGE', vulnerabilityId: null, fixAvailable: null }),
    ]);
    const input = inspector.commandCalls(ListFindingsCommand)[0]?.args[0].input;
    expect(input?.filterCriteria?.findingStatus).toEqual([{ comparison: 'EQUALS', value: 'ACTIVE' }]);
    expect(input?.filterCriteria?.severity?.map((s) => s.value)).toEqual(['CRITICAL', 'HIGH']);
  });
});
