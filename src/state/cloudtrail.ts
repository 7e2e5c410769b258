/** What a check sees of cloudtrail: the slices the cloudtrail collector fills (src/aws/collectors/cloudtrail.ts). */
import type { Result } from '../engine/state.js';

export interface TrailStatus {
  readonly logging: boolean;
  readonly latestDeliveryTime: string | null;
  readonly latestDeliveryError: string | null;
  readonly latestCloudWatchLogsDeliveryTime: string | null;
  readonly latestCloudWatchLogsDeliveryError: string | null;
}

export interface TrailSelectors {
  /** Which management events the trail records. */
  readonly management: 'All' | 'ReadOnly' | 'WriteOnly' | 'None';
  /** True when S3 object-level (data) events are recorded for every bucket. */
  readonly s3DataAll: boolean;
  /** Buckets whose object-level events are recorded by name. */
  readonly s3DataBuckets: readonly string[];
  /**
   * The part of the above whose reads (GetObject) are recorded: a WriteOnly selector (classic
   * `ReadWriteType: WriteOnly`, advanced `readOnly = false`) records puts and deletes only.
   * Absent in states written before it was read: then reads count as recorded wherever data events are.
   */
  readonly s3DataReadAll?: boolean;
  readonly s3DataReadBuckets?: readonly string[];
}

export interface Trail {
  readonly name: string;
  readonly arn: string;
  readonly homeRegion: string;
  readonly multiRegion: boolean;
  readonly organization: boolean;
  readonly s3BucketName: string | null;
  readonly logFileValidation: boolean;
  readonly kmsKeyId: string | null;
  readonly cloudWatchLogGroupArn: string | null;
  readonly status: Result<TrailStatus>;
  readonly selectors: Result<TrailSelectors>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    /** Trails that record this region's activity (multi-region ones appear in every region). */
    'cloudtrail.trails': readonly Trail[];
  }
}
