import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, perRegion, plural, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'imdsv2-required',
  title: 'EC2 instances require IMDSv2 for their role credentials',
  severity: 'medium',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['01.c'],
  needs: { regional: ['ec2.instances', 'ec2.metadataDefaults'] },
  why: "An instance that still answers IMDSv1 hands its role's credentials to any request it can be tricked into making (SSRF), which is how several large health-data breaches began.",
  evaluate(state) {
    const account = state.identity.accountId;
    const instances = perRegion(state, 'ec2.instances', (list, region) =>
      list.map((i): ResourceResult => {
        const name = i.tags.Name ? `${i.id} (${i.tags.Name})` : i.id;
        if (i.httpEndpoint === 'disabled') return { id: i.arn, region, status: 'pass', detail: `Instance ${name} in ${region} has the metadata service turned off.` };
        if (i.httpTokens === 'required') return { id: i.arn, region, status: 'pass', detail: `Instance ${name} in ${region} requires IMDSv2.` };
        const exposed = i.publicIp ? `, with public address ${i.publicIp}` : '';
        return { id: i.arn, region, status: 'fail', detail: `Instance ${name} in ${region} still answers IMDSv1${exposed}.` };
      }),
    );
    const defaults = perRegion(state, 'ec2.metadataDefaults', (d, region): ResourceResult[] => [
      d.httpTokens === 'required'
        ? { id: `region ${region} instance metadata default`, region, status: 'pass', detail: `Region ${region}: new instances require IMDSv2 by default.` }
        : { id: `region ${region} instance metadata default`, region, status: 'fail', detail: `Region ${region}: new instances do not require IMDSv2 by default.` },
    ]);
    return summarize([...instances, ...defaults], {
      pass: () => `Every EC2 instance of account ${account} requires IMDSv2, and so does each scanned region's default for new instances.`,
      fail: (bad) => {
        const inst = bad.filter((r) => r.detail.startsWith('Instance'));
        const regions = bad.filter((r) => r.detail.startsWith('Region')).map((r) => r.region ?? '');
        const parts: string[] = [];
        if (inst.length > 0) parts.push(`${plural(inst.length, 'instance')} still ${inst.length === 1 ? 'answers' : 'answer'} IMDSv1 (${listNames(inst.map((r) => r.detail.replace(/^Instance (.*?) still.*$/, '$1')))})`);
        if (regions.length > 0) parts.push(`new instances do not require IMDSv2 by default in ${listNames(regions, 5)}`);
        return `In account ${account}, ${parts.join(', and ')}.`;
      },
    });
  },
});
