import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, readIn, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { regionalSlice } from '../../../src/engine/state.js';

export default defineCheck({
  id: 'vpc-endpoints',
  title: 'VPCs in use reach S3 and DynamoDB through VPC endpoints',
  severity: 'low',
  hipaa: { section: '164.312(e)(1)', obligation: 'required' },
  hitrust: ['09.m'],
  needs: { regional: ['ec2.vpcs', 'ec2.vpcEndpoints', 'ec2.instances'] },
  why: 'Gateway endpoints keep traffic to S3 and DynamoDB on AWS’s network instead of going out through a NAT or internet gateway, and let bucket policies require that path.',
  evaluate(state) {
    const resources: ResourceResult[] = [];
    for (const region of state.regions) {
      const vpcs = readIn(state, 'ec2.vpcs', region);
      const endpoints = readIn(state, 'ec2.vpcEndpoints', region);
      const instances = regionalSlice(state, 'ec2.instances', region);
      if (!instances.ok) resources.push(unreadableResource(`instances in ${region}`, region, instances.error));
      const used = new Set(instances.ok ? instances.value.flatMap((i) => (i.vpcId ? [i.vpcId] : [])) : []);
      for (const v of vpcs.filter((x) => !x.isDefault || used.has(x.id))) {
        const has = (svc: string) => endpoints.some((e) => e.vpcId === v.id && e.serviceName.endsWith(`.${svc}`) && e.state.toLowerCase() === 'available');
        const missing = ['s3', 'dynamodb'].filter((svc) => !has(svc));
        const label = `VPC ${v.id}${v.tags.Name ? ` (${v.tags.Name})` : ''} in ${region}`;
        resources.push({
          id: v.id,
          region,
          status: missing.length ? 'fail' : 'pass',
          detail: missing.length ? `${label} has no endpoint for ${missing.map((m) => (m === 's3' ? 'S3' : 'DynamoDB')).join(' or ')}.` : `${label} reaches S3 and DynamoDB through VPC endpoints.`,
        });
      }
    }
    return summarize(resources, {
      pass: (n) => `Every VPC in use reaches S3 and DynamoDB through VPC endpoints (${plural(n, 'VPC')} checked).`,
      fail: (f) => `${f.length} VPC${f.length === 1 ? ' lacks' : 's lack'} S3 or DynamoDB endpoints: ${listNames(f.map((r) => `${r.id} (${r.region})`))}.`,
      none: `There are no VPCs in use in ${state.regions.join(', ')}.`,
    });
  },
});
