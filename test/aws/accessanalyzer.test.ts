import {
  AccessAnalyzerClient,
  AccessDeniedException,
  GetFindingV2Command,
  ListAnalyzersCommand,
  ListFindingsV2Command,
} from '@aws-sdk/client-accessanalyzer';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { testCollection } from '../helpers/collection.js';

const aa = mockClient(AccessAnalyzerClient);
afterEach(() => aa.reset());

const collection = () => testCollection(['us-east-1']);

const analyzerArn = 'arn:aws:access-analyzer:us-east-1:111122223333:analyzer/clinic';
const when = new Date('2026-01-01T00:00:00Z');

describe('Access Analyzer collectors', () => {
  it('lists analyzers across pages', async () => {
    aa.on(ListAnalyzersCommand)
      .resolvesOnce({ nextToken: 't2', analyzers: [{ name: 'clinic', arn: analyzerArn, type: 'ACCOUNT', status: 'ACTIVE', createdAt: when }] })
      .resolvesOnce({ analyzers: [{ name: 'unused', arn: `${analyzerArn}-u`, type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE', createdAt: when }] });
    const r = await collection().regional('accessanalyzer.analyzers', 'us-east-1');
    expect(r).toEqual({
      ok: true,
      value: [
        { name: 'clinic', arn: analyzerArn, type: 'ACCOUNT', status: 'ACTIVE', createdAt: '2026-01-01T00:00:00.000Z' },
        { name: 'unused', arn: `${analyzerArn}-u`, type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE', createdAt: '2026-01-01T00:00:00.000Z' },
      ],
    });
  });

  it('collects the ACTIVE external-access findings of external-access analyzers only, with their principals', async () => {
    aa.on(ListAnalyzersCommand).resolves({
      analyzers: [
        { name: 'clinic', arn: analyzerArn, type: 'ACCOUNT', status: 'ACTIVE', createdAt: when },
        { name: 'unused', arn: `${analyzerArn}-u`, type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE', createdAt: when },
      ],
    });
    aa.on(ListFindingsV2Command)
      .resolvesOnce({
        nextToken: 'f2',
        findings: [
          { id: 'f-1', resource: 'arn:aws:s3:::claims', resourceType: 'AWS::S3::Bucket', resourceOwnerAccount: '111122223333', status: 'ACTIVE', findingType: 'ExternalAccess', analyzedAt: when, createdAt: when, updatedAt: when },
        ],
      })
      .resolvesOnce({
        findings: [
          { id: 'f-2', resource: 'arn:aws:iam::111122223333:role/partner', resourceType: 'AWS::IAM::Role', resourceOwnerAccount: '111122223333', status: 'ACTIVE', findingType: 'ExternalAccess', analyzedAt: when, createdAt: when, updatedAt: when },
        ],
      });
    aa.on(GetFindingV2Command, { id: 'f-1' }).resolves({
      id: 'f-1', resourceType: 'AWS::S3::Bucket', resourceOwnerAccount: '111122223333', status: 'ACTIVE', analyzedAt: when, createdAt: when, updatedAt: when,
      findingDetails: [{ externalAccessDetails: { principal: { AWS: '*' }, isPublic: true, condition: {}, action: ['s3:GetObject'] } }],
    });
    aa.on(GetFindingV2Command, { id: 'f-2' }).resolves({
      id: 'f-2', resourceType: 'AWS::IAM::Role', resourceOwnerAccount: '111122223333', status: 'ACTIVE', analyzedAt: when, createdAt: when, updatedAt: when,
      findingDetails: [{ externalAccessDetails: { principal: { AWS: '444455556666' }, isPublic: false, condition: { 'aws:SourceIp': '10.0.0.0/8' } } }],
    });
    const r = await collection().regional('accessanalyzer.findings', 'us-east-1');
    expect(aa.commandCalls(ListFindingsV2Command).every((c) => c.args[0].input.analyzerArn === analyzerArn)).toBe(true);
    expect(aa.commandCalls(ListFindingsV2Command)[0]?.args[0].input.filter).toEqual({ status: { eq: ['ACTIVE'] } });
    expect(r).toEqual({
      ok: true,
      value: [
        { id: 'f-1', resource: 'arn:aws:s3:::claims', resourceType: 'AWS::S3::Bucket', principal: { AWS: '*' }, isPublic: true, analyzerArn, condition: {} },
        {
          id: 'f-2',
          resource: 'arn:aws:iam::111122223333:role/partner',
          resourceType: 'AWS::IAM::Role',
          principal: { AWS: '444455556666' },
          isPublic: false,
          analyzerArn,
          condition: { 'aws:SourceIp': '10.0.0.0/8' },
        },
      ],
    });
  });

  it('names access-analyzer:ListFindingsV2 when listing findings is refused', async () => {
    aa.on(ListAnalyzersCommand).resolves({ analyzers: [{ name: 'clinic', arn: analyzerArn, type: 'ACCOUNT', status: 'ACTIVE', createdAt: when }] });
    aa.on(ListFindingsV2Command).rejects(new AccessDeniedException({ message: 'User is not authorized', $metadata: { httpStatusCode: 403 } }));
    const r = await collection().regional('accessanalyzer.findings', 'us-east-1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'AccessDeniedException', kind: 'access', action: 'access-analyzer:ListFindingsV2' });
  });

  it('names access-analyzer:ListAnalyzers when listing analyzers is refused', async () => {
    aa.on(ListAnalyzersCommand).rejects(
      new AccessDeniedException({
        message: 'User: arn:aws:iam::111122223333:user/t is not authorized to perform: access-analyzer:ListAnalyzers on resource: arn:aws:access-analyzer:us-east-1:111122223333:*',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const r = await collection().regional('accessanalyzer.analyzers', 'us-east-1');
    expect(!r.ok && r.error.action).toBe('access-analyzer:ListAnalyzers');
  });
});
