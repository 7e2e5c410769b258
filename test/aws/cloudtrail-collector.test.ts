import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeSelectors } from '../../src/aws/collectors/cloudtrail.js';
import { testCollection } from '../helpers/collection.js';

const ct = mockClient(CloudTrailClient);
afterEach(() => ct.reset());

const ARN = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main';
const collection = () => testCollection(['us-east-1', 'us-west-2']);

describe('CloudTrail collector', () => {
  it('reads a multi-region trail seen in two regions once, from its home region', async () => {
    ct.on(DescribeTrailsCommand).resolves({
      trailList: [{ Name: 'main', TrailARN: ARN, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, S3BucketName: 'trail-logs', LogFileValidationEnabled: false }],
    });
    const regionsAsked: string[] = [];
    ct.on(GetTrailStatusCommand).callsFake(async (_input, getClient) => {
      regionsAsked.push(await getClient().config.region());
      return { IsLogging: true, LatestDeliveryTime: new Date('2026-11-24T10:00:00Z') };
    });
    ct.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] });
    const c = collection();
    await c.collect({ regional: ['cloudtrail.trails'] });
    const s = c.state();
    expect(ct.commandCalls(DescribeTrailsCommand).map((x) => x.args[0].input)).toEqual([{ includeShadowTrails: true }, { includeShadowTrails: true }]);
    expect(ct.commandCalls(GetTrailStatusCommand)).toHaveLength(1);
    expect(ct.commandCalls(GetEventSelectorsCommand)).toHaveLength(1);
    expect(regionsAsked).toEqual(['us-east-1']);
    expect(s.regional['us-west-2']?.['cloudtrail.trails']).toMatchObject({
      ok: true,
      value: [{ name: 'main', multiRegion: true, logFileValidation: false, status: { ok: true, value: { logging: true, latestDeliveryTime: '2026-11-24T10:00:00.000Z' } } }],
    });
  });

  it('keeps a refused GetTrailStatus on the trail and an empty list when there are no trails', async () => {
    ct.on(DescribeTrailsCommand).resolvesOnce({ trailList: [{ Name: 'main', TrailARN: ARN, HomeRegion: 'us-east-1' }] }).resolves({ trailList: [] });
    ct.on(GetTrailStatusCommand).rejects(
      Object.assign(new Error('User: arn:aws:iam::111122223333:user/t is not authorized to perform: cloudtrail:GetTrailStatus'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }),
    );
    ct.on(GetEventSelectorsCommand).rejects(Object.assign(new Error('Unknown trail'), { name: 'TrailNotFoundException', $metadata: { httpStatusCode: 400 } }));
    const r = await collection().regional('cloudtrail.trails', 'us-east-1');
    expect(r.ok && r.value[0]?.status).toMatchObject({ ok: false, error: { kind: 'access', action: 'cloudtrail:GetTrailStatus' } });
    expect(r.ok && r.value[0]?.selectors).toMatchObject({ ok: false, error: { code: 'TrailNotFoundException' } });
  });

  it('summarises classic and advanced event selectors', () => {
    expect(
      summarizeSelectors(
        [
          { ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::records/'] }] },
          { ReadWriteType: 'ReadOnly', IncludeManagementEvents: true },
        ],
        undefined,
      ),
    ).toEqual({ management: 'All', s3DataAll: false, s3DataBuckets: ['records'], s3DataReadAll: false, s3DataReadBuckets: [] });
    expect(
      summarizeSelectors(undefined, [
        { Name: 'mgmt', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }] },
        { Name: 's3', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] },
      ]),
    ).toEqual({ management: 'WriteOnly', s3DataAll: true, s3DataBuckets: [], s3DataReadAll: true, s3DataReadBuckets: [] });
  });

  it('keeps apart the S3 data selectors that record only writes (readOnly = false), which log no GetObject', () => {
    expect(
      summarizeSelectors(undefined, [
        {
          Name: 'records-writes',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'readOnly', Equals: ['false'] },
            { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::records/'] },
          ],
        },
        {
          Name: 'scans-all',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::scans/'] },
          ],
        },
        { Name: 'all-writes', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'readOnly', NotEquals: ['true'] }] },
      ]),
    ).toEqual({ management: 'None', s3DataAll: true, s3DataBuckets: ['records', 'scans'], s3DataReadAll: false, s3DataReadBuckets: ['scans'] });
  });
});
