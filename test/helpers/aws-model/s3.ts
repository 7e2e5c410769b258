/** S3 as the model sees it: the `s3.buckets` slice, changed the way S3 changes a bucket. */
import type { S3Bucket } from '../../../src/aws/collectors/s3.js';
import type { ModelContext, ServiceModel } from './index.js';

type Bucket = { -readonly [K in keyof S3Bucket]: S3Bucket[K] };

/** The bucket by name, or S3's NoSuchBucket. */
export function bucketOf(m: ModelContext, name: string): Bucket {
  const b = m.global<Bucket[]>('s3.buckets').find((x) => x.name === name);
  if (!b) throw m.error('NoSuchBucket', 'The specified bucket does not exist', 404);
  return b;
}

export const s3: ServiceModel = {
  PutBucketEncryption(m, input) {
    const b = bucketOf(m, input.Bucket);
    const rule = input.ServerSideEncryptionConfiguration?.Rules?.[0];
    const d = rule?.ApplyServerSideEncryptionByDefault;
    b.encryption = { ok: true, value: { algorithm: d.SSEAlgorithm, kmsKeyId: d.KMSMasterKeyID ?? null, bucketKeyEnabled: rule?.BucketKeyEnabled ?? false } };
    return {};
  },
  DeleteBucketEncryption(m, input) {
    // Since January 2023 every bucket has SSE-S3 at least; "deleting" puts the default back.
    const b = bucketOf(m, input.Bucket);
    b.encryption = { ok: true, value: null };
    return {};
  },
};
