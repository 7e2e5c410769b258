/** What a check sees of dynamodb: the slices the dynamodb collector fills (src/aws/collectors/dynamodb.ts). */
import type { Result } from '../engine/state.js';

export interface DynamoTable {
  readonly name: string;
  readonly arn: string;
  /** AES256-owned: the AWS owned key (the default); KMS-aws: aws/dynamodb; KMS-customer: a key you manage. */
  readonly sseType: 'AES256-owned' | 'KMS-aws' | 'KMS-customer';
  readonly kmsKeyArn: string | null;
  readonly pitr: Result<boolean>;
  readonly deletionProtection: boolean;
  readonly tags: Result<Readonly<Record<string, string>>>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'dynamodb.tables': readonly DynamoTable[];
  }
}
