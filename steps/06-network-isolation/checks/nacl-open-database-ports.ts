import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';
import { DATABASE_PORTS } from '../../../src/rules/network.js';
import { naclOpenPorts } from '../nacl.js';

export default defineCheck({
  id: 'nacl-open-database-ports',
  title: 'Network ACLs do not let database ports in from the internet',
  severity: 'medium',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  permissions: ['ec2:DescribeNetworkAcls'],
  needs: { regional: ['vpcnet.networkAcls'] },
  why: 'Database ports open to the internet at the subnet level leave only a security group between the world and the patient database; the network ACL should refuse them too.',
  evaluate(state) {
    return eachResource(state, {
      key: 'vpcnet.networkAcls',
      noun: 'network ACL',
      id: (a) => a.id,
      name: (a) => `${a.id} (${a.vpcId})`,
      judge: (a, region) => {
        // An ACL attached to no subnet filters nothing.
        if (a.subnetIds.length === 0) return null;
        const open = naclOpenPorts(a, DATABASE_PORTS);
        return open.length
          ? fail(`Network ACL ${a.id} of ${a.vpcId} in ${region}${a.isDefault ? ' (the default ACL)' : ''} allows ${open.join(', ')} for ${a.subnetIds.length === 1 ? 'subnet' : 'subnets'} ${a.subnetIds.join(', ')}.`)
          : pass(`Network ACL ${a.id} of ${a.vpcId} in ${region} lets no database port in from the internet.`);
      },
      pass: (n) => `${eachOf(n, 'network ACL in use', 'network ACLs in use')} keeps database ports closed to the internet.`,
      fail: (names, n) => `${counted(n, 'network ACL', 'lets', 'let')} database ports in from the internet: ${names}.`,
      none: 'No network ACL in the scanned regions is attached to a subnet.',
    });
  },
});
