/**
 * The demo clinic's EC2: the patient-portal web server (public, still answering IMDSv1), the
 * records worker behind it, a Windows billing box somebody launched by hand, and a disaster-recovery
 * standby in us-west-2. us-east-1 sets no metadata default; us-west-2 requires IMDSv2.
 */
import type { Ec2Instance } from '../../state/ec2.js';
import { ok } from '../../engine/state.js';
import { arn, type DemoClock, type DemoPart } from '../types.js';

const instance = (
  clock: DemoClock,
  region: string,
  o: Pick<Ec2Instance, 'id' | 'platform' | 'imageId' | 'httpTokens' | 'publicIp' | 'securityGroups' | 'tags'> &
    Partial<Ec2Instance> & { launchedDaysAgo: number },
): Ec2Instance => ({
  arn: arn('ec2', `instance/${o.id}`, region),
  state: o.state ?? 'running',
  vpcId: o.vpcId ?? (region === 'us-east-1' ? 'vpc-0c1a2b3c4d5e6f701' : 'vpc-0d2b3c4d5e6f7a802'),
  subnetId: o.subnetId ?? null,
  httpEndpoint: o.httpEndpoint ?? 'enabled',
  iamInstanceProfile: o.iamInstanceProfile ?? null,
  launchTime: clock.daysAgo(o.launchedDaysAgo),
  id: o.id,
  platform: o.platform,
  imageId: o.imageId,
  httpTokens: o.httpTokens,
  publicIp: o.publicIp,
  securityGroups: o.securityGroups,
  tags: o.tags,
});

const part: DemoPart = (clock) => ({
  regional: {
    'us-east-1': {
      'ec2.instances': ok([
        instance(clock, 'us-east-1', {
          id: 'i-0a1b2c3d4e5f60001',
          platform: 'Linux/UNIX',
          imageId: 'ami-0e8a1b2c3d4e5f601',
          httpTokens: 'optional',
          publicIp: '54.210.33.12',
          subnetId: 'subnet-0a1b2c3d4e5f6a001',
          securityGroups: ['sg-0a1b2c3d4e5f6a001'],
          iamInstanceProfile: 'arn:aws:iam::210987654321:instance-profile/portal-app',
          tags: { Name: 'portal-web', env: 'prod', phi: 'true' },
          launchedDaysAgo: 310,
        }),
        instance(clock, 'us-east-1', {
          id: 'i-0a1b2c3d4e5f60002',
          platform: 'Linux/UNIX',
          imageId: 'ami-0e8a1b2c3d4e5f601',
          httpTokens: 'required',
          publicIp: null,
          subnetId: 'subnet-0a1b2c3d4e5f6a002',
          securityGroups: ['sg-0a1b2c3d4e5f6a002'],
          iamInstanceProfile: 'arn:aws:iam::210987654321:instance-profile/portal-app',
          tags: { Name: 'records-worker', env: 'prod', phi: 'true' },
          launchedDaysAgo: 95,
        }),
        instance(clock, 'us-east-1', {
          id: 'i-0a1b2c3d4e5f60003',
          platform: 'Windows',
          imageId: 'ami-0f9b8a7c6d5e4f301',
          httpTokens: 'optional',
          publicIp: '3.91.144.27',
          subnetId: 'subnet-0a1b2c3d4e5f6a001',
          securityGroups: ['sg-0a1b2c3d4e5f6a003'],
          tags: { Name: 'billing-desktop', phi: 'true' },
          launchedDaysAgo: 540,
        }),
      ]),
      'ec2.metadataDefaults': ok({ httpTokens: null }),
    },
    'us-west-2': {
      'ec2.instances': ok([
        instance(clock, 'us-west-2', {
          id: 'i-0b2c3d4e5f6a70004',
          state: 'stopped',
          platform: 'Linux/UNIX',
          imageId: 'ami-0c7d6e5f4a3b2c101',
          httpTokens: 'required',
          publicIp: null,
          subnetId: 'subnet-0b2c3d4e5f6a7b001',
          securityGroups: ['sg-0b2c3d4e5f6a7b001'],
          tags: { Name: 'portal-dr-standby', env: 'dr', phi: 'true' },
          launchedDaysAgo: 200,
        }),
      ]),
      'ec2.metadataDefaults': ok({ httpTokens: 'required' }),
    },
  },
});

export default part;
