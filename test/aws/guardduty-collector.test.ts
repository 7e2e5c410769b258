import { BadRequestException, GetDetectorCommand, GetFindingsCommand, GuardDutyClient, ListDetectorsCommand, ListFindingsCommand } from '@aws-sdk/client-guardduty';
import { DescribeHubCommand, GetEnabledStandardsCommand, InvalidAccessException, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { testCollection } from '../helpers/collection.js';

const gd = mockClient(GuardDutyClient);
const hub = mockClient(SecurityHubClient);
afterEach(() => {
  gd.reset();
  hub.reset();
});

const collection = () => testCollection(['us-east-1']);

describe('GuardDuty collectors', () => {
  it('reads "no detector" as GuardDuty off, and asks for no findings', async () => {
    gd.on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    const c = collection();
    expect(await c.regional('guardduty.detectors', 'us-east-1')).toEqual({ ok: true, value: [] });
    expect(await c.regional('guardduty.highFindings', 'us-east-1')).toEqual({ ok: true, value: [] });
    expect(gd.commandCalls(ListFindingsCommand)).toHaveLength(0);
  });

  it('reads the detector and its unarchived findings of severity 7 and more', async () => {
    gd.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
    gd.on(GetDetectorCommand).resolves({
      Status: 'ENABLED',
      ServiceRole: 'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
      FindingPublishingFrequency: 'SIX_HOURS',
      Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }],
    });
    gd.on(ListFindingsCommand).resolves({ FindingIds: ['f1'] });
    gd.on(GetFindingsCommand).resolves({
      Findings: [
        {
          AccountId: '111122223333',
          Arn: 'arn:aws:guardduty:us-east-1:111122223333:detector/d1/finding/f1',
          Id: 'f1',
          Type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
          Title: 'Credentials for instance role used from outside AWS',
          Severity: 8,
          Region: 'us-east-1',
          CreatedAt: '2026-11-20T10:00:00.000Z',
          UpdatedAt: '2026-11-21T10:00:00.000Z',
          SchemaVersion: '2.0',
          Resource: { ResourceType: 'AccessKey', AccessKeyDetails: { UserName: 'portal-app' } },
          Service: { Archived: false, Count: 3 },
        },
      ],
    });
    const c = collection();
    const detectors = await c.regional('guardduty.detectors', 'us-east-1');
    expect(detectors.ok && detectors.value).toEqual([{ id: 'd1', status: 'ENABLED', publishingFrequency: 'SIX_HOURS', features: { S3_DATA_EVENTS: 'ENABLED' } }]);
    const findings = await c.regional('guardduty.highFindings', 'us-east-1');
    expect(findings.ok && findings.value).toEqual([
      {
        id: 'f1',
        type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
        title: 'Credentials for instance role used from outside AWS',
        severity: 8,
        resource: 'portal-app',
        createdAt: '2026-11-20T10:00:00.000Z',
        updatedAt: '2026-11-21T10:00:00.000Z',
        count: 3,
      },
    ]);
    expect(gd.commandCalls(ListFindingsCommand)[0]?.args[0].input.FindingCriteria).toEqual({
      Criterion: { severity: { GreaterThanOrEqual: 7 }, 'service.archived': { Equals: ['false'] } },
    });
  });

  it('keeps GuardDuty\'s BadRequestException as an error naming the call', async () => {
    gd.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
    gd.on(GetDetectorCommand).rejects(new BadRequestException({ message: 'The request is rejected because the input detectorId is not owned by the current account.', $metadata: { httpStatusCode: 400 } }));
    const r = await collection().regional('guardduty.detectors', 'us-east-1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'BadRequestException', action: 'guardduty:GetDetector' });
  });
});

describe('Security Hub collector', () => {
  it('reads "not subscribed" (InvalidAccessException) as Security Hub off', async () => {
    hub.on(DescribeHubCommand).rejects(new InvalidAccessException({ message: 'Account 111122223333 is not subscribed to AWS Security Hub', $metadata: { httpStatusCode: 401 } }));
    expect(await collection().regional('securityhub.hub', 'us-east-1')).toEqual({ ok: true, value: null });
  });

  it('reads the hub and its ready standards', async () => {
    hub.on(DescribeHubCommand).resolves({ HubArn: 'arn:aws:securityhub:us-east-1:111122223333:hub/default', SubscribedAt: '2026-01-01T00:00:00.000Z' });
    hub.on(GetEnabledStandardsCommand).resolves({
      StandardsSubscriptions: [
        { StandardsSubscriptionArn: 's1', StandardsArn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0', StandardsInput: {}, StandardsStatus: 'READY' },
        { StandardsSubscriptionArn: 's2', StandardsArn: 'arn:aws:securityhub:us-east-1::standards/pci-dss/v/3.2.1', StandardsInput: {}, StandardsStatus: 'DELETING' },
      ],
    });
    const r = await collection().regional('securityhub.hub', 'us-east-1');
    expect(r.ok && r.value).toEqual({
      hubArn: 'arn:aws:securityhub:us-east-1:111122223333:hub/default',
      subscribedAt: '2026-01-01T00:00:00.000Z',
      standards: { ok: true, value: ['arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0'] },
    });
  });

  it('names securityhub:DescribeHub when it is refused', async () => {
    hub.on(DescribeHubCommand).rejects(Object.assign(new Error('not authorized to perform: securityhub:DescribeHub'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }));
    const r = await collection().regional('securityhub.hub', 'us-east-1');
    expect(!r.ok && r.error).toMatchObject({ kind: 'access', action: 'securityhub:DescribeHub' });
  });
});
