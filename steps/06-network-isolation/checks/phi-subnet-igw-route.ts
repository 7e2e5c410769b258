import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, readIn, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { isPhi, noPhiTagged } from '../../../src/engine/phi.js';
import { regionalSlice } from '../../../src/engine/state.js';

export default defineCheck({
  id: 'phi-subnet-igw-route',
  title: 'ePHI subnets reach the internet only through a NAT',
  severity: 'high',
  hipaa: { section: '164.312(e)(1)', obligation: 'required' },
  hitrust: ['09.m', '01.m'],
  needs: { regional: ['ec2.subnets', 'ec2.routeTables', 'ec2.instances', 'rds.instances'] },
  why: 'A subnet whose default route points at an internet gateway is a public subnet; systems holding ePHI belong in private subnets whose outbound traffic leaves through a NAT gateway or proxy.',
  evaluate(state, { settings }) {
    const resources: ResourceResult[] = [];
    for (const region of state.regions) {
      const subnets = readIn(state, 'ec2.subnets', region);
      const tables = readIn(state, 'ec2.routeTables', region);
      const phiSubnets = new Map<string, string>();
      for (const s of subnets) if (isPhi(s.tags, settings)) phiSubnets.set(s.id, 'tagged as ePHI');
      const instances = regionalSlice(state, 'ec2.instances', region);
      if (instances.ok) {
        for (const i of instances.value) if (i.subnetId && isPhi(i.tags, settings)) phiSubnets.set(i.subnetId, `holds ePHI instance ${i.id}`);
      } else resources.push(unreadableResource(`instances in ${region}`, region, instances.error));
      const dbs = regionalSlice(state, 'rds.instances', region);
      if (dbs.ok) {
        for (const db of dbs.value) if (isPhi(db.tags, settings)) for (const id of db.subnetIds) if (!phiSubnets.has(id)) phiSubnets.set(id, `in the subnet group of ePHI database ${db.id}`);
      } else resources.push(unreadableResource(`DB instances in ${region}`, region, dbs.error));
      for (const [subnetId, why] of phiSubnets) {
        const subnet = subnets.find((s) => s.id === subnetId);
        if (!subnet) continue;
        const table = tables.find((t) => t.subnetIds.includes(subnetId)) ?? tables.find((t) => t.main && t.vpcId === subnet.vpcId);
        const igw = table?.routes.find((r) => (r.destination === '0.0.0.0/0' || r.destination === '::/0') && r.target.startsWith('igw-') && r.state !== 'blackhole');
        resources.push({
          id: subnetId,
          region,
          status: igw ? 'fail' : 'pass',
          detail: igw
            ? `Subnet ${subnetId} in ${region} (${why}) routes ${igw.destination} straight to internet gateway ${igw.target} through ${table!.id}.`
            : `Subnet ${subnetId} in ${region} (${why}) has no direct route to an internet gateway.`,
        });
      }
    }
    if (resources.length === 0) return noPhiTagged('subnet, instance or database', state.regions.join(', '), 'whether ePHI sits in a private subnet', settings);
    return summarize(resources, {
      pass: (n) => `Every ePHI subnet is private: none routes straight to an internet gateway (${plural(n, 'subnet')} checked).`,
      fail: (f) => `${f.length} ePHI subnet${f.length === 1 ? ' routes' : 's route'} straight to an internet gateway instead of a NAT: ${listNames(f.map((r) => `${r.id} (${r.region})`))}.`,
    });
  },
});
