/**
 * Every AWS service the tool talks to: its SDK package, client class, and AWS CLI name. The plan
 * executor loads a client by this key; the dry-run prints CLI equivalents with `cli`.
 */
export interface ServiceInfo {
  readonly pkg: string;
  readonly client: string;
  readonly cli: string;
  /** IAM's action prefix for this service. */
  readonly iam: string;
}

export const SERVICES = {
  accessanalyzer: { pkg: '@aws-sdk/client-accessanalyzer', client: 'AccessAnalyzerClient', cli: 'accessanalyzer', iam: 'access-analyzer' },
  account: { pkg: '@aws-sdk/client-account', client: 'AccountClient', cli: 'account', iam: 'account' },
  acm: { pkg: '@aws-sdk/client-acm', client: 'ACMClient', cli: 'acm', iam: 'acm' },
  backup: { pkg: '@aws-sdk/client-backup', client: 'BackupClient', cli: 'backup', iam: 'backup' },
  cloudfront: { pkg: '@aws-sdk/client-cloudfront', client: 'CloudFrontClient', cli: 'cloudfront', iam: 'cloudfront' },
  cloudtrail: { pkg: '@aws-sdk/client-cloudtrail', client: 'CloudTrailClient', cli: 'cloudtrail', iam: 'cloudtrail' },
  cloudwatch: { pkg: '@aws-sdk/client-cloudwatch', client: 'CloudWatchClient', cli: 'cloudwatch', iam: 'cloudwatch' },
  config: { pkg: '@aws-sdk/client-config-service', client: 'ConfigServiceClient', cli: 'configservice', iam: 'config' },
  dynamodb: { pkg: '@aws-sdk/client-dynamodb', client: 'DynamoDBClient', cli: 'dynamodb', iam: 'dynamodb' },
  ec2: { pkg: '@aws-sdk/client-ec2', client: 'EC2Client', cli: 'ec2', iam: 'ec2' },
  ecr: { pkg: '@aws-sdk/client-ecr', client: 'ECRClient', cli: 'ecr', iam: 'ecr' },
  efs: { pkg: '@aws-sdk/client-efs', client: 'EFSClient', cli: 'efs', iam: 'elasticfilesystem' },
  elbv2: { pkg: '@aws-sdk/client-elastic-load-balancing-v2', client: 'ElasticLoadBalancingV2Client', cli: 'elbv2', iam: 'elasticloadbalancing' },
  events: { pkg: '@aws-sdk/client-eventbridge', client: 'EventBridgeClient', cli: 'events', iam: 'events' },
  guardduty: { pkg: '@aws-sdk/client-guardduty', client: 'GuardDutyClient', cli: 'guardduty', iam: 'guardduty' },
  iam: { pkg: '@aws-sdk/client-iam', client: 'IAMClient', cli: 'iam', iam: 'iam' },
  inspector2: { pkg: '@aws-sdk/client-inspector2', client: 'Inspector2Client', cli: 'inspector2', iam: 'inspector2' },
  kms: { pkg: '@aws-sdk/client-kms', client: 'KMSClient', cli: 'kms', iam: 'kms' },
  lambda: { pkg: '@aws-sdk/client-lambda', client: 'LambdaClient', cli: 'lambda', iam: 'lambda' },
  logs: { pkg: '@aws-sdk/client-cloudwatch-logs', client: 'CloudWatchLogsClient', cli: 'logs', iam: 'logs' },
  organizations: { pkg: '@aws-sdk/client-organizations', client: 'OrganizationsClient', cli: 'organizations', iam: 'organizations' },
  rds: { pkg: '@aws-sdk/client-rds', client: 'RDSClient', cli: 'rds', iam: 'rds' },
  s3: { pkg: '@aws-sdk/client-s3', client: 'S3Client', cli: 's3api', iam: 's3' },
  s3control: { pkg: '@aws-sdk/client-s3-control', client: 'S3ControlClient', cli: 's3control', iam: 's3' },
  secretsmanager: { pkg: '@aws-sdk/client-secrets-manager', client: 'SecretsManagerClient', cli: 'secretsmanager', iam: 'secretsmanager' },
  securityhub: { pkg: '@aws-sdk/client-securityhub', client: 'SecurityHubClient', cli: 'securityhub', iam: 'securityhub' },
  sns: { pkg: '@aws-sdk/client-sns', client: 'SNSClient', cli: 'sns', iam: 'sns' },
  ssm: { pkg: '@aws-sdk/client-ssm', client: 'SSMClient', cli: 'ssm', iam: 'ssm' },
  ssoadmin: { pkg: '@aws-sdk/client-sso-admin', client: 'SSOAdminClient', cli: 'sso-admin', iam: 'sso' },
  sts: { pkg: '@aws-sdk/client-sts', client: 'STSClient', cli: 'sts', iam: 'sts' },
  tagging: { pkg: '@aws-sdk/client-resource-groups-tagging-api', client: 'ResourceGroupsTaggingAPIClient', cli: 'resourcegroupstaggingapi', iam: 'tag' },
  workspaces: { pkg: '@aws-sdk/client-workspaces', client: 'WorkSpacesClient', cli: 'workspaces', iam: 'workspaces' },
  apigateway: { pkg: '@aws-sdk/client-api-gateway', client: 'APIGatewayClient', cli: 'apigateway', iam: 'apigateway' },
  apigatewayv2: { pkg: '@aws-sdk/client-apigatewayv2', client: 'ApiGatewayV2Client', cli: 'apigatewayv2', iam: 'apigateway' },
  codebuild: { pkg: '@aws-sdk/client-codebuild', client: 'CodeBuildClient', cli: 'codebuild', iam: 'codebuild' },
  dms: { pkg: '@aws-sdk/client-database-migration-service', client: 'DatabaseMigrationServiceClient', cli: 'dms', iam: 'dms' },
  eks: { pkg: '@aws-sdk/client-eks', client: 'EKSClient', cli: 'eks', iam: 'eks' },
  elasticache: { pkg: '@aws-sdk/client-elasticache', client: 'ElastiCacheClient', cli: 'elasticache', iam: 'elasticache' },
  elb: { pkg: '@aws-sdk/client-elastic-load-balancing', client: 'ElasticLoadBalancingClient', cli: 'elb', iam: 'elasticloadbalancing' },
  emr: { pkg: '@aws-sdk/client-emr', client: 'EMRClient', cli: 'emr', iam: 'elasticmapreduce' },
  kinesis: { pkg: '@aws-sdk/client-kinesis', client: 'KinesisClient', cli: 'kinesis', iam: 'kinesis' },
  opensearch: { pkg: '@aws-sdk/client-opensearch', client: 'OpenSearchClient', cli: 'opensearch', iam: 'es' },
  redshift: { pkg: '@aws-sdk/client-redshift', client: 'RedshiftClient', cli: 'redshift', iam: 'redshift' },
  sagemaker: { pkg: '@aws-sdk/client-sagemaker', client: 'SageMakerClient', cli: 'sagemaker', iam: 'sagemaker' },
  sqs: { pkg: '@aws-sdk/client-sqs', client: 'SQSClient', cli: 'sqs', iam: 'sqs' },
  wafv2: { pkg: '@aws-sdk/client-wafv2', client: 'WAFV2Client', cli: 'wafv2', iam: 'wafv2' },
} as const satisfies Record<string, ServiceInfo>;

export type ServiceKey = keyof typeof SERVICES;

export function isService(name: string): name is ServiceKey {
  return Object.hasOwn(SERVICES, name);
}
