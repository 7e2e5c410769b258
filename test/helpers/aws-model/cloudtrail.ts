/** CloudTrail as the model sees it: the `cloudtrail.trails` slice of the trail's home region. */
import type { Trail } from '../../../src/state/cloudtrail.js';
import type { ModelContext, ServiceModel } from './index.js';

type MutableTrail = { -readonly [K in keyof Trail]: Trail[K] };

const ok = <T>(value: T) => ({ ok: true as const, value });

/** The trail by name or ARN in the call's region, or CloudTrail's TrailNotFoundException. */
function trailOf(m: ModelContext, ref: string): MutableTrail {
  const t = m.regional<MutableTrail[]>('cloudtrail.trails').find((x) => x.name === ref || x.arn === ref);
  if (!t) throw m.error('TrailNotFoundException', `Unknown trail: ${ref} for the user: ${m.account}`);
  return t;
}

export const cloudtrail: ServiceModel = {
  CreateTrail(m, input) {
    const trails = m.regional<MutableTrail[]>('cloudtrail.trails');
    if (trails.some((t) => t.name === input.Name)) throw m.error('TrailAlreadyExistsException', `Trail ${input.Name} already exists for customer: ${m.account}`);
    const buckets = m.global<{ name: string }[]>('s3.buckets');
    if (!buckets.some((b) => b.name === input.S3BucketName)) throw m.error('S3BucketDoesNotExistException', `S3 bucket ${input.S3BucketName} does not exist.`);
    const arn = `arn:${m.partition}:cloudtrail:${m.region}:${m.account}:trail/${input.Name}`;
    trails.push({
      name: input.Name,
      arn,
      homeRegion: m.region,
      multiRegion: input.IsMultiRegionTrail === true,
      organization: input.IsOrganizationTrail === true,
      s3BucketName: input.S3BucketName,
      logFileValidation: input.EnableLogFileValidation === true,
      kmsKeyId: input.KmsKeyId ?? null,
      cloudWatchLogGroupArn: input.CloudWatchLogsLogGroupArn ?? null,
      status: ok({ logging: false, latestDeliveryTime: null, latestDeliveryError: null, latestCloudWatchLogsDeliveryTime: null, latestCloudWatchLogsDeliveryError: null }),
      selectors: ok({ management: 'All', s3DataAll: false, s3DataBuckets: [] }),
    });
    return { Name: input.Name, TrailARN: arn, S3BucketName: input.S3BucketName };
  },
  StartLogging(m, input) {
    const t = trailOf(m, input.Name);
    if (t.status.ok) t.status = ok({ ...t.status.value, logging: true });
    return {};
  },
  StopLogging(m, input) {
    const t = trailOf(m, input.Name);
    if (t.status.ok) t.status = ok({ ...t.status.value, logging: false });
    return {};
  },
  UpdateTrail(m, input) {
    const t = trailOf(m, input.Name);
    if (input.EnableLogFileValidation !== undefined) t.logFileValidation = input.EnableLogFileValidation;
    if (input.S3BucketName !== undefined) t.s3BucketName = input.S3BucketName;
    if (input.KmsKeyId !== undefined) t.kmsKeyId = input.KmsKeyId || null;
    if (input.CloudWatchLogsLogGroupArn !== undefined) t.cloudWatchLogGroupArn = input.CloudWatchLogsLogGroupArn || null;
    return { Name: t.name, TrailARN: t.arn };
  },
  DeleteTrail(m, input) {
    const trails = m.regional<MutableTrail[]>('cloudtrail.trails');
    const t = trailOf(m, input.Name);
    trails.splice(trails.indexOf(t), 1);
    return {};
  },
};
