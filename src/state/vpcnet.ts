/** What a check sees of network ACLs and Site-to-Site VPN: the slices src/aws/collectors/vpcnet.ts fills. */
export interface NetworkAclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  /** "allow" or "deny". */
  readonly action: string;
  /** "-1" for all, "6" TCP, "17" UDP. */
  readonly protocol: string;
  readonly cidr: string;
  readonly fromPort: number | null;
  readonly toPort: number | null;
}

export interface NetworkAcl {
  readonly id: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  readonly subnetIds: readonly string[];
  readonly entries: readonly NetworkAclEntry[];
}

export interface VpnConnection {
  readonly id: string;
  /** "available", "pending", "deleting", "deleted". */
  readonly state: string;
  readonly name: string | null;
  readonly tunnels: readonly { readonly outsideIp: string; readonly status: 'UP' | 'DOWN' | string; readonly statusMessage: string }[];
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'vpcnet.networkAcls': readonly NetworkAcl[];
    'vpcnet.vpnConnections': readonly VpnConnection[];
  }
}
