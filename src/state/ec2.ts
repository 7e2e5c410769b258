/** What a check sees of ec2: the slices the ec2 collector fills (src/aws/collectors/ec2.ts). */
export interface Ec2Instance {
  readonly id: string;
  readonly arn: string;
  readonly state: string;
  readonly platform: string;
  readonly imageId: string;
  readonly vpcId: string | null;
  readonly subnetId: string | null;
  readonly publicIp: string | null;
  /** "required" means IMDSv2 only; "optional" still answers IMDSv1. */
  readonly httpTokens: 'required' | 'optional' | null;
  readonly httpEndpoint: 'enabled' | 'disabled' | null;
  readonly iamInstanceProfile: string | null;
  readonly securityGroups: readonly string[];
  readonly launchTime: string | null;
  readonly tags: Readonly<Record<string, string>>;
}

export interface MetadataDefaults {
  /** null when no account default is set (each launch decides). */
  readonly httpTokens: 'required' | 'optional' | 'no-preference' | null;
}

/** One ingress or egress permission of a security group, as EC2 returns it (IpPermissions). */
export interface SgRule {
  /** "-1" means every protocol; otherwise "tcp", "udp", "icmp", "icmpv6" or a number. */
  readonly protocol: string;
  /** null with protocol "-1" (all ports). */
  readonly fromPort: number | null;
  readonly toPort: number | null;
  readonly ipv4: readonly string[];
  readonly ipv6: readonly string[];
  readonly groups: readonly string[];
  readonly prefixLists: readonly string[];
  /** Each source's rule description (CIDR, group id or prefix-list id → description), so an undo can write it back. */
  readonly descriptions?: Readonly<Record<string, string>>;
  /** The account that owns each referenced group (group id → UserId), for references across accounts. */
  readonly groupOwners?: Readonly<Record<string, string>>;
}

export interface SecurityGroup {
  readonly id: string;
  readonly name: string;
  readonly vpcId: string | null;
  readonly description: string;
  readonly ingress: readonly SgRule[];
  readonly egress: readonly SgRule[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface Vpc {
  readonly id: string;
  readonly cidr: string;
  readonly isDefault: boolean;
  readonly tags: Readonly<Record<string, string>>;
}

export interface FlowLog {
  readonly id: string;
  /** The VPC, subnet or network interface the flow log records. */
  readonly resourceId: string;
  /** "ACTIVE" once created. */
  readonly status: string;
  /** "ALL", "ACCEPT" or "REJECT". */
  readonly trafficType: string;
  readonly destinationType: string;
  /** "SUCCESS" or "FAILED" (delivery to the destination). */
  readonly deliverStatus: string | null;
  /** DeliverLogsErrorMessage when delivery failed (e.g. "Access error", "Rate limited"). */
  readonly deliverError?: string | null;
}

export interface Subnet {
  readonly id: string;
  readonly vpcId: string;
  readonly az: string;
  readonly cidr: string;
  readonly mapPublicIpOnLaunch: boolean;
  readonly defaultForAz: boolean;
  readonly tags: Readonly<Record<string, string>>;
}

export interface RouteTable {
  readonly id: string;
  readonly vpcId: string;
  /** The VPC's main table applies to every subnet not explicitly associated with another. */
  readonly main: boolean;
  readonly subnetIds: readonly string[];
  readonly routes: readonly { readonly destination: string; readonly target: string; readonly state: string }[];
}

export interface VpcEndpoint {
  readonly id: string;
  readonly vpcId: string;
  readonly serviceName: string;
  /** "Gateway", "Interface", "GatewayLoadBalancer". */
  readonly type: string;
  readonly state: string;
}

export interface EbsVolume {
  readonly id: string;
  readonly encrypted: boolean;
  readonly kmsKeyId: string | null;
  readonly state: string;
  readonly sizeGiB: number;
  readonly attachedTo: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface EbsSnapshot {
  readonly id: string;
  readonly volumeId: string;
  readonly encrypted: boolean;
  readonly startTime: string | null;
  readonly description: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface Ami {
  readonly id: string;
  readonly name: string;
  readonly public: boolean;
  readonly createdAt: string | null;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'ec2.instances': readonly Ec2Instance[];
    'ec2.metadataDefaults': MetadataDefaults;
    'ec2.ebsDefaultEncryption': { readonly enabled: boolean };
    'ec2.securityGroups': readonly SecurityGroup[];
    'ec2.vpcs': readonly Vpc[];
    'ec2.flowLogs': readonly FlowLog[];
    'ec2.subnets': readonly Subnet[];
    'ec2.routeTables': readonly RouteTable[];
    'ec2.vpcEndpoints': readonly VpcEndpoint[];
    'ec2.volumes': readonly EbsVolume[];
    /** Snapshots this account owns. */
    'ec2.snapshots': readonly EbsSnapshot[];
    /** Ids of this account's snapshots that anyone may restore (restorable by "all"). */
    'ec2.publicSnapshots': readonly string[];
    /** AMIs this account owns. */
    'ec2.images': readonly Ami[];
  }
}
