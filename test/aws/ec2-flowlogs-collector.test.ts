import { DescribeFlowLogsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { testCollection } from '../helpers/collection.js';

const ec2 = mockClient(EC2Client);
afterEach(() => ec2.reset());

describe('ec2.flowLogs', () => {
  it('keeps the delivery status and AWS’s error message of a flow log that cannot deliver', async () => {
    ec2.on(DescribeFlowLogsCommand).resolves({
      FlowLogs: [
        {
          CreationTime: new Date('2026-01-10T09:00:00Z'),
          DeliverLogsErrorMessage: 'Access error',
          DeliverLogsPermissionArn: 'arn:aws:iam::111122223333:role/flow-logs',
          DeliverLogsStatus: 'FAILED',
          FlowLogId: 'fl-0123456789abcdef0',
          FlowLogStatus: 'ACTIVE',
          LogGroupName: 'vpc-flow',
          ResourceId: 'subnet-0a1b2c3d',
          TrafficType: 'ALL',
          LogDestinationType: 'cloud-watch-logs',
        },
      ],
    });
    const r = await testCollection(['us-east-1']).regional('ec2.flowLogs', 'us-east-1');
    expect(r).toEqual({
      ok: true,
      value: [
        {
          id: 'fl-0123456789abcdef0',
          resourceId: 'subnet-0a1b2c3d',
          status: 'ACTIVE',
          trafficType: 'ALL',
          destinationType: 'cloud-watch-logs',
          deliverStatus: 'FAILED',
          deliverError: 'Access error',
        },
      ],
    });
  });
});
