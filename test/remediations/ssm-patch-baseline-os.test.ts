import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../src/aws/collectors/ec2.js';
import { ACCOUNT, state } from '../helpers/state.js';
import { planFor } from './harness.js';

const E1 = 'us-east-1';
const instance = (id: string): Ec2Instance => ({
  id,
  arn: `arn:aws:ec2:${E1}:${ACCOUNT}:instance/${id}`,
  state: 'running',
  platform: 'Linux/UNIX',
  imageId: 'ami-1',
  vpcId: 'vpc-1',
  subnetId: 'subnet-1',
  publicIp: null,
  httpTokens: 'required',
  httpEndpoint: 'enabled',
  iamInstanceProfile: null,
  securityGroups: [],
  launchTime: null,
  tags: {},
});

describe('ssm-patch-baseline on Ubuntu', () => {
  it('approves without a delay, since Patch Manager takes no approval delay for Ubuntu', async () => {
    const s = state({
      regional: {
        [E1]: {
          'ec2.instances': [instance('i-0ubu')],
          'ssm.managedInstances': [{ id: 'i-0ubu', pingStatus: 'Online', lastPing: null, platformType: 'Linux', platformName: 'Ubuntu', platformVersion: '22.04' }],
          'ssm.patchBaselines': [],
          'ssm.patchAssociations': [],
          'ssm.maintenanceWindows': [],
        },
      },
    });
    const plan = await planFor('ssm-patch-baseline', s);
    const create = plan.actions.find((a) => a.command === 'CreatePatchBaseline');
    expect(create?.input).toMatchObject({ OperatingSystem: 'UBUNTU', ApprovalRules: { PatchRules: [expect.objectContaining({ ApproveAfterDays: 0 })] } });
    expect(create?.summary).toMatch(/approved as soon as they are published/);
  });
});
