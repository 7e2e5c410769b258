import { defineStep } from '../../src/engine/define.js';

export default defineStep({
  id: '06-network-isolation',
  number: 6,
  title: 'Network Isolation',
  shortTitle: 'Network',
  intro: [
    'Most cloud breaches of health data start with something reachable that should not have been: a bucket open to the world, a database port facing the internet, a snapshot shared with everyone. Isolation keeps ePHI systems reachable only from the places and ports that need them, and keeps test systems apart from production.',
    'HIPAA requires technical access controls for systems holding ePHI (§164.312(a)(1)) and protection of ePHI moving over networks (§164.312(e)(1)); both standards are required. Firewalls and security groups that deny everything not needed are how those standards are usually met in AWS.',
    'This step reads S3 Block Public Access for the account and each bucket, security groups open to 0.0.0.0/0 or ::/0, default security groups, public databases, snapshots and AMIs, subnets that hand out public IPs, routes from ePHI subnets straight to an internet gateway, VPC endpoints for S3 and DynamoDB, and whether production sits in its own account.',
  ].join('\n\n'),
  hipaa: [
    { section: '164.312(a)(1)', obligation: 'required' },
    { section: '164.312(e)(1)', obligation: 'required' },
    { section: '164.312(c)(1)', obligation: 'required' },
  ],
  hitrust: ['09.m', '01.m'],
});
