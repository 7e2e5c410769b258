/**
 * Every SDK client class the tool uses, imported by name (the bench's fake mocks them: bench/fake-aws.ts).
 * Named imports, not `import(pkg)`, so that in the bench's bundle (scripts/bundle.mjs --bench) these are
 * the very classes the bundled collectors construct, and the bundle keeps no command they do not send.
 */
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { AccountClient } from '@aws-sdk/client-account';
import { ACMClient } from '@aws-sdk/client-acm';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { BackupClient } from '@aws-sdk/client-backup';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DatabaseMigrationServiceClient } from '@aws-sdk/client-database-migration-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import { EFSClient } from '@aws-sdk/client-efs';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { EMRClient } from '@aws-sdk/client-emr';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { OpenSearchClient } from '@aws-sdk/client-opensearch';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { RedshiftClient } from '@aws-sdk/client-redshift';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import { WAFV2Client } from '@aws-sdk/client-wafv2';
import { WorkSpacesClient } from '@aws-sdk/client-workspaces';
import type { ServiceKey } from '../src/aws/services.js';

export const SDK_CLIENTS: Record<ServiceKey, abstract new (...args: never[]) => unknown> = {
  accessanalyzer: AccessAnalyzerClient,
  account: AccountClient,
  acm: ACMClient,
  backup: BackupClient,
  cloudfront: CloudFrontClient,
  cloudtrail: CloudTrailClient,
  cloudwatch: CloudWatchClient,
  config: ConfigServiceClient,
  dynamodb: DynamoDBClient,
  ec2: EC2Client,
  ecr: ECRClient,
  efs: EFSClient,
  elbv2: ElasticLoadBalancingV2Client,
  events: EventBridgeClient,
  guardduty: GuardDutyClient,
  iam: IAMClient,
  inspector2: Inspector2Client,
  kms: KMSClient,
  lambda: LambdaClient,
  logs: CloudWatchLogsClient,
  organizations: OrganizationsClient,
  rds: RDSClient,
  s3: S3Client,
  s3control: S3ControlClient,
  secretsmanager: SecretsManagerClient,
  securityhub: SecurityHubClient,
  sns: SNSClient,
  ssm: SSMClient,
  ssoadmin: SSOAdminClient,
  sts: STSClient,
  tagging: ResourceGroupsTaggingAPIClient,
  workspaces: WorkSpacesClient,
  apigateway: APIGatewayClient,
  apigatewayv2: ApiGatewayV2Client,
  codebuild: CodeBuildClient,
  dms: DatabaseMigrationServiceClient,
  eks: EKSClient,
  elasticache: ElastiCacheClient,
  elb: ElasticLoadBalancingClient,
  emr: EMRClient,
  kinesis: KinesisClient,
  opensearch: OpenSearchClient,
  redshift: RedshiftClient,
  sagemaker: SageMakerClient,
  sqs: SQSClient,
  wafv2: WAFV2Client,
};
