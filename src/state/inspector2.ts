/** What a check sees of inspector2: the slices the inspector2 collector fills (src/aws/collectors/inspector2.ts). */
/** ENABLED, DISABLED, ENABLING, DISABLING, SUSPENDING, SUSPENDED: Inspector's own words. */
export type InspectorScanState = string;

export interface InspectorStatus {
  readonly ec2: InspectorScanState;
  readonly ecr: InspectorScanState;
  readonly lambda: InspectorScanState;
}

export interface InspectorFinding {
  readonly arn: string;
  readonly title: string;
  readonly severity: 'CRITICAL' | 'HIGH';
  /** e.g. CVE-2024-6387, when the finding is a package vulnerability. */
  readonly vulnerabilityId: string | null;
  /** AWS_EC2_INSTANCE, AWS_ECR_CONTAINER_IMAGE, AWS_LAMBDA_FUNCTION, … */
  readonly resourceType: string;
  readonly resourceId: string;
  readonly firstObservedAt: string | null;
  readonly fixAvailable: string | null;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'inspector2.status': InspectorStatus;
    /** ACTIVE findings of CRITICAL or HIGH severity; [] when Inspector scans nothing in the region. */
    'inspector2.findings': readonly InspectorFinding[];
  }
}
