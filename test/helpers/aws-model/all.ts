/** Every service the AWS model knows, for `new AwsModel(before, ALL_SERVICES)`. Add a service's file here. */
import { cloudtrail } from './cloudtrail.js';
import { cloudwatch } from './cloudwatch.js';
import { ec2 } from './ec2.js';
import { ecr } from './ecr.js';
import { emr } from './emr.js';
import { iam } from './iam.js';
import type { ServiceModel } from './index.js';
import { kms } from './kms.js';
import { logs } from './logs.js';
import { rds } from './rds.js';
import { s3 } from './s3.js';
import { sns } from './sns.js';

export const ALL_SERVICES: Readonly<Record<string, ServiceModel>> = { s3, kms, cloudtrail, rds, logs, ec2, ecr, emr, iam, sns, cloudwatch };
