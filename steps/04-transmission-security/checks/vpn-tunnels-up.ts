import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, pass } from '../../../src/engine/each.js';

export default defineCheck({
  id: 'vpn-tunnels-up',
  title: 'Both tunnels of every Site-to-Site VPN connection are up',
  severity: 'medium',
  hipaa: { section: '164.312(e)(1)', obligation: 'required' },
  hitrust: ['09.m', '09.s'],
  permissions: ['ec2:DescribeVpnConnections'],
  needs: { regional: ['vpcnet.vpnConnections'] },
  why: 'A Site-to-Site VPN has two tunnels so that one can fail during AWS maintenance; with a tunnel down, the clinic link to AWS has no spare and staff may fall back to sending data some other, less protected way.',
  evaluate(state) {
    return eachResource(state, {
      key: 'vpcnet.vpnConnections',
      noun: 'VPN connection',
      id: (v) => v.id,
      name: (v) => (v.name ? `${v.name} (${v.id})` : v.id),
      judge: (v, region) => {
        if (v.state !== 'available') return null;
        const label = v.name ? `${v.name} (${v.id})` : v.id;
        const down = v.tunnels.filter((t) => t.status !== 'UP');
        return down.length
          ? fail(`VPN connection ${label} in ${region} has ${down.length} of ${v.tunnels.length} tunnels down (${down.map((t) => `${t.outsideIp}${t.statusMessage ? `: ${t.statusMessage}` : ''}`).join('; ')}).`)
          : pass(`VPN connection ${label} in ${region} has all ${v.tunnels.length} tunnels up.`);
      },
      pass: (n) => `${eachOf(n, 'Site-to-Site VPN connection')} has every tunnel up.`,
      fail: (names, n) => `${counted(n, 'Site-to-Site VPN connection', 'has', 'have')} a tunnel down: ${names}.`,
      none: 'The scanned regions have no available Site-to-Site VPN connections.',
    });
  },
});
