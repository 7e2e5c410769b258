/** What a check sees of guardduty: the slices the guardduty collector fills (src/aws/collectors/guardduty.ts). */
export interface GuardDutyDetector {
  readonly id: string;
  /** ENABLED or DISABLED (a suspended detector). */
  readonly status: string;
  readonly publishingFrequency: string | null;
  /** Protection plans and their status (S3_DATA_EVENTS, EBS_MALWARE_PROTECTION, RDS_LOGIN_EVENTS, …). */
  readonly features: Readonly<Record<string, string>>;
}

export interface GuardDutyFinding {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly severity: number;
  /** The instance, access key user, bucket or other resource the finding is about. */
  readonly resource: string;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly count: number;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'guardduty.detectors': readonly GuardDutyDetector[];
    'guardduty.highFindings': readonly GuardDutyFinding[];
  }
}
