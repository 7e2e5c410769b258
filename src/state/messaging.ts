/** What a check sees of SNS topics, SQS queues, Kinesis streams and secrets' keys: the slices src/aws/collectors/messaging.ts fills. */
import type { Result } from '../engine/state.js';

export type Tags = Readonly<Record<string, string>>;

/** One resource that can hold ePHI in transit between systems, with the key that encrypts it. */
export interface KeyedResource {
  readonly name: string;
  readonly arn: string;
  /** The KMS key (id, ARN or alias); null when the resource is not encrypted with KMS. */
  readonly kmsKeyId: string | null;
  /** Whether the resource is encrypted at all (SQS-managed SSE counts; no KMS key then). */
  readonly encrypted: boolean;
  readonly tags: Result<Tags>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'messaging.snsTopics': readonly KeyedResource[];
    'messaging.sqsQueues': readonly KeyedResource[];
    'messaging.kinesisStreams': readonly KeyedResource[];
    'messaging.secrets': readonly KeyedResource[];
  }
}
