/** close-default-sg reads which instances use each default group and leaves a group in use alone. */
import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../src/state/ec2.js';
import { ALL_SERVICES } from '../helpers/aws-model/all.js';
import { AwsModel, applyToModel, undoOnModel } from '../helpers/aws-model/index.js';
import { denied, state } from '../helpers/state.js';
import { rule, sg } from './fixtures.js';
import { planFor } from './harness.js';

const E1 = 'us-east-1';
const selfRef = (id: string) => rule({ protocol: '-1', fromPort: null, toPort: null, groups: [id] });
const egressAll = rule({ protocol: '-1', fromPort: null, toPort: null, ipv4: ['0.0.0.0/0'] });
const instance = (id: string, groups: string[], name?: string, st = 'running'): Ec2Instance => ({
  id,
  arn: `arn:aws:ec2:us-east-1:111122223333:instance/${id}`,
  state: st,
  platform: 'Linux/UNIX',
  imageId: 'ami-1',
  vpcId: 'vpc-0a1b2c3d',
  subnetId: 'subnet-1',
  publicIp: null,
  httpTokens: 'required',
  httpEndpoint: 'enabled',
  iamInstanceProfile: null,
  securityGroups: groups,
  launchTime: null,
  tags: name ? { Name: name } : {},
});
const groups = () => [sg('sg-used', 'default', [selfRef('sg-used')], [egressAll]), sg('sg-idle', 'default', [selfRef('sg-idle')], [egressAll])];

describe('close-default-sg', () => {
  it('leaves a default group an instance uses alone, naming the instance, and closes the idle one; undo restores it', async () => {
    const before = state({ regional: { [E1]: { 'ec2.securityGroups': groups(), 'ec2.instances': [instance('i-0aa', ['sg-used'], 'legacy-app'), instance('i-0bb', ['sg-idle'], undefined, 'terminated')] } } });
    const plan = await planFor('close-default-sg', before);
    expect(plan.actions.map((a) => [a.command, a.input.GroupId])).toEqual([
      ['RevokeSecurityGroupIngress', 'sg-idle'],
      ['RevokeSecurityGroupEgress', 'sg-idle'],
    ]);
    expect(plan.notes).toContain(
      `The default security group sg-used (default group of vpc-0a1b2c3d) in us-east-1 is left as it is: the instance i-0aa (legacy-app) uses it, and removing the group's rules would cut its traffic. Move it to a group of its own, then plan this fix again.`,
    );
    const model = new AwsModel(before, ALL_SERVICES);
    const { entry } = await applyToModel(plan, model);
    const after = model.read().regional[E1]?.['ec2.securityGroups'];
    expect(after?.ok && after.value.find((g) => g.id === 'sg-used')).toEqual(groups()[0]);
    expect(after?.ok && after.value.find((g) => g.id === 'sg-idle')?.ingress).toEqual([]);
    await undoOnModel(entry, model);
    expect(model.read()).toEqual(before);
  });

  it('closes no default group when the instances could not be read, and says which permission was missing', async () => {
    const before = state({ regional: { [E1]: { 'ec2.securityGroups': groups(), 'ec2.instances': denied('ec2:DescribeInstances') } } });
    const plan = await planFor('close-default-sg', before);
    expect(plan.actions).toEqual([]);
    expect(plan.notes[0]).toBe(
      'The default security group sg-used (default group of vpc-0a1b2c3d) in us-east-1 is left as it is: which instances use it could not be read (access denied for ec2:DescribeInstances), and removing its rules would cut the traffic of any that do.',
    );
  });
});
