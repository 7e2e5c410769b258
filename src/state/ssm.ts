/** What a check sees of ssm: the slices the ssm collector fills (src/aws/collectors/ssm.ts). */
export interface SsmManagedInstance {
  readonly id: string;
  /** Online, ConnectionLost, Inactive. */
  readonly pingStatus: string;
  readonly lastPing: string | null;
  /** Linux, Windows, MacOS. */
  readonly platformType: string;
  /** "Amazon Linux", "Ubuntu", "Microsoft Windows Server 2022 Datacenter", … */
  readonly platformName: string;
  readonly platformVersion: string;
}

export interface PatchComplianceItem {
  readonly resourceId: string;
  readonly status: 'COMPLIANT' | 'NON_COMPLIANT';
  readonly lastScan: string | null;
  readonly criticalMissing: number;
  readonly highMissing: number;
  readonly missing: number;
}

export interface PatchBaseline {
  readonly id: string;
  readonly name: string;
  /** AMAZON_LINUX_2, AMAZON_LINUX_2023, UBUNTU, WINDOWS, REDHAT_ENTERPRISE_LINUX, … */
  readonly operatingSystem: string;
  readonly isDefault: boolean;
  /** True for the baselines AWS provides (their ids are ARNs). */
  readonly awsOwned: boolean;
}

export interface PatchAssociation {
  readonly id: string;
  readonly name: string;
  /** InstanceIds (ids or "*"), tag:<Key>, resource-groups:Name, … as SSM spells them. */
  readonly targets: readonly { readonly key: string; readonly values: readonly string[] }[];
  readonly schedule: string | null;
  readonly lastRun: string | null;
  /** The document's Operation parameter: "Install" patches, "Scan" only reports; null when not set. */
  readonly operation: string | null;
}

export interface MaintenanceWindow {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly schedule: string | null;
  /** The documents its Run Command tasks run (AWS-RunPatchBaseline, …). */
  readonly taskDocuments: readonly string[];
  /**
   * The Operation each of its patch tasks (a task running a patch document) passes: "Install" or
   * "Scan", null when the task sets none. A window whose patch tasks only scan installs nothing.
   */
  readonly patchOperations: readonly (string | null)[];
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'ssm.managedInstances': readonly SsmManagedInstance[];
    'ssm.patchCompliance': readonly PatchComplianceItem[];
    'ssm.patchBaselines': readonly PatchBaseline[];
    /** Associations that run AWS-RunPatchBaseline. */
    'ssm.patchAssociations': readonly PatchAssociation[];
    'ssm.maintenanceWindows': readonly MaintenanceWindow[];
  }
}
