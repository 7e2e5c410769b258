import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'config-recording',
  title: 'AWS Config records resource changes in every region',
  severity: 'medium',
  hipaa: { section: '164.308(a)(1)(ii)(D)', obligation: 'required' },
  hitrust: ['09.aa', '09.ad'],
  needs: { regional: ['config.recorders'] },
  why: 'AWS Config keeps the history of every resource’s configuration, so you can show when a bucket became public or a security group opened, and who was on duty.',
  evaluate(state) {
    const resources = perRegion(state, 'config.recorders', (cfg, region) => {
      // A service-linked recorder (an AWS service recording for itself) can sit beside the customer's: judge the customer's.
      const r = cfg.recorders.find((x) => !x.serviceLinked);
      const id = `config recorder in ${region}`;
      if (!r) {
        const linked = cfg.recorders.filter((x) => x.serviceLinked).map((x) => x.name);
        const detail = linked.length
          ? `No customer AWS Config recorder exists in ${region}; only the service-linked recorder ${listNames(linked)}, which records just what its AWS service needs.`
          : `No AWS Config recorder exists in ${region}.`;
        return [{ id, region, status: 'fail' as const, detail }];
      }
      const gaps: string[] = [];
      if (!r.recording) gaps.push('it is stopped');
      if (!r.allSupported) gaps.push('it records only selected resource types');
      if (cfg.deliveryChannels.length === 0) gaps.push('it has no delivery channel');
      if (r.lastStatus?.toUpperCase() === 'FAILURE') gaps.push(`its last recording failed (${r.lastErrorCode ?? 'no error code'})`);
      return [
        {
          id,
          region,
          status: gaps.length ? ('fail' as const) : ('pass' as const),
          detail: gaps.length ? `Config recorder ${r.name} in ${region}: ${gaps.join(', ')}.` : `Config recorder ${r.name} in ${region} records all resource types.`,
        },
      ];
    });
    return summarize(resources, {
      pass: () => `AWS Config records every resource type in every scanned region (${state.regions.join(', ')}).`,
      fail: (f) => `AWS Config is not recording fully in ${listNames(f.map((r) => r.region ?? r.id))}: ${f[0]!.detail}`,
    });
  },
});
