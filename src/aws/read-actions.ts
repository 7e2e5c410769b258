/**
 * The IAM action AWS authorizes each SDK command the collectors send with, per service key
 * (src/aws/services.ts): most read actions share the command's name under the service's IAM prefix,
 * the exceptions are S3's (ListBuckets is s3:ListAllMyBuckets, GetBucketEncryption is
 * s3:GetEncryptionConfiguration, GetBucketLifecycleConfiguration is s3:GetLifecycleConfiguration, …),
 * after the S3 user guide's "Required permissions for Amazon S3 API operations", and API Gateway's,
 * which authorizes by HTTP verb: every read of either API Gateway version is apigateway:GET.
 * Each collector declares the actions it needs next to its code; test/aws/collector-permissions.test.ts
 * proves that every command a collector sends maps, through this table, to an action it declares.
 */
export const READ_ACTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  accessanalyzer: {
    GetFindingV2: 'access-analyzer:GetFindingV2',
    ListAnalyzers: 'access-analyzer:ListAnalyzers',
    ListFindingsV2: 'access-analyzer:ListFindingsV2',
  },
  account: {
    GetAlternateContact: 'account:GetAlternateContact',
  },
  acm: {
    ListCertificates: 'acm:ListCertificates',
  },
  apigateway: {
    GetDomainNames: 'apigateway:GET',
    GetRestApis: 'apigateway:GET',
    GetStages: 'apigateway:GET',
  },
  apigatewayv2: {
    GetApis: 'apigateway:GET',
    GetDomainNames: 'apigateway:GET',
    GetStages: 'apigateway:GET',
  },
  backup: {
    GetBackupPlan: 'backup:GetBackupPlan',
    GetBackupSelection: 'backup:GetBackupSelection',
    ListBackupPlans: 'backup:ListBackupPlans',
    ListBackupSelections: 'backup:ListBackupSelections',
    ListBackupVaults: 'backup:ListBackupVaults',
    ListProtectedResources: 'backup:ListProtectedResources',
    ListRecoveryPointsByBackupVault: 'backup:ListRecoveryPointsByBackupVault',
    ListRestoreTestingPlans: 'backup:ListRestoreTestingPlans',
  },
  cloudfront: {
    ListDistributions: 'cloudfront:ListDistributions',
    ListDistributionsByWebACLId: 'cloudfront:ListDistributionsByWebACLId',
  },
  cloudtrail: {
    DescribeTrails: 'cloudtrail:DescribeTrails',
    GetEventSelectors: 'cloudtrail:GetEventSelectors',
    GetTrailStatus: 'cloudtrail:GetTrailStatus',
  },
  cloudwatch: {
    DescribeAlarms: 'cloudwatch:DescribeAlarms',
  },
  codebuild: {
    BatchGetProjects: 'codebuild:BatchGetProjects',
    ListProjects: 'codebuild:ListProjects',
  },
  config: {
    DescribeConfigurationRecorderStatus: 'config:DescribeConfigurationRecorderStatus',
    DescribeConfigurationRecorders: 'config:DescribeConfigurationRecorders',
    DescribeDeliveryChannels: 'config:DescribeDeliveryChannels',
  },
  dms: {
    DescribeReplicationInstances: 'dms:DescribeReplicationInstances',
  },
  dynamodb: {
    DescribeContinuousBackups: 'dynamodb:DescribeContinuousBackups',
    DescribeTable: 'dynamodb:DescribeTable',
    ListTables: 'dynamodb:ListTables',
    ListTagsOfResource: 'dynamodb:ListTagsOfResource',
  },
  ec2: {
    DescribeFlowLogs: 'ec2:DescribeFlowLogs',
    DescribeImages: 'ec2:DescribeImages',
    DescribeInstances: 'ec2:DescribeInstances',
    DescribeNetworkAcls: 'ec2:DescribeNetworkAcls',
    DescribeRouteTables: 'ec2:DescribeRouteTables',
    DescribeSecurityGroups: 'ec2:DescribeSecurityGroups',
    DescribeSnapshots: 'ec2:DescribeSnapshots',
    DescribeSubnets: 'ec2:DescribeSubnets',
    DescribeVolumes: 'ec2:DescribeVolumes',
    DescribeVpcEndpoints: 'ec2:DescribeVpcEndpoints',
    DescribeVpcs: 'ec2:DescribeVpcs',
    DescribeVpnConnections: 'ec2:DescribeVpnConnections',
    GetEbsEncryptionByDefault: 'ec2:GetEbsEncryptionByDefault',
    GetInstanceMetadataDefaults: 'ec2:GetInstanceMetadataDefaults',
  },
  ecr: {
    DescribeRepositories: 'ecr:DescribeRepositories',
    GetRegistryScanningConfiguration: 'ecr:GetRegistryScanningConfiguration',
  },
  efs: {
    DescribeBackupPolicy: 'elasticfilesystem:DescribeBackupPolicy',
    DescribeFileSystems: 'elasticfilesystem:DescribeFileSystems',
  },
  eks: {
    DescribeCluster: 'eks:DescribeCluster',
    ListClusters: 'eks:ListClusters',
  },
  elasticache: {
    DescribeReplicationGroups: 'elasticache:DescribeReplicationGroups',
  },
  elb: {
    DescribeLoadBalancerAttributes: 'elasticloadbalancing:DescribeLoadBalancerAttributes',
    DescribeLoadBalancerPolicies: 'elasticloadbalancing:DescribeLoadBalancerPolicies',
    DescribeLoadBalancers: 'elasticloadbalancing:DescribeLoadBalancers',
  },
  elbv2: {
    DescribeListeners: 'elasticloadbalancing:DescribeListeners',
    DescribeLoadBalancerAttributes: 'elasticloadbalancing:DescribeLoadBalancerAttributes',
    DescribeLoadBalancers: 'elasticloadbalancing:DescribeLoadBalancers',
    DescribeSSLPolicies: 'elasticloadbalancing:DescribeSSLPolicies',
  },
  emr: {
    DescribeCluster: 'elasticmapreduce:DescribeCluster',
    DescribeSecurityConfiguration: 'elasticmapreduce:DescribeSecurityConfiguration',
    GetBlockPublicAccessConfiguration: 'elasticmapreduce:GetBlockPublicAccessConfiguration',
    ListClusters: 'elasticmapreduce:ListClusters',
  },
  events: {
    ListRules: 'events:ListRules',
    ListTargetsByRule: 'events:ListTargetsByRule',
  },
  guardduty: {
    GetDetector: 'guardduty:GetDetector',
    GetFindings: 'guardduty:GetFindings',
    ListDetectors: 'guardduty:ListDetectors',
    ListFindings: 'guardduty:ListFindings',
  },
  iam: {
    GenerateCredentialReport: 'iam:GenerateCredentialReport',
    GetAccountAuthorizationDetails: 'iam:GetAccountAuthorizationDetails',
    GetAccountPasswordPolicy: 'iam:GetAccountPasswordPolicy',
    GetAccountSummary: 'iam:GetAccountSummary',
    GetCredentialReport: 'iam:GetCredentialReport',
    ListAccessKeys: 'iam:ListAccessKeys',
    ListRoles: 'iam:ListRoles',
    ListVirtualMFADevices: 'iam:ListVirtualMFADevices',
  },
  inspector2: {
    BatchGetAccountStatus: 'inspector2:BatchGetAccountStatus',
    ListFindings: 'inspector2:ListFindings',
  },
  kinesis: {
    DescribeStreamSummary: 'kinesis:DescribeStreamSummary',
    ListStreams: 'kinesis:ListStreams',
    ListTagsForStream: 'kinesis:ListTagsForStream',
  },
  kms: {
    DescribeKey: 'kms:DescribeKey',
    GetKeyPolicy: 'kms:GetKeyPolicy',
    GetKeyRotationStatus: 'kms:GetKeyRotationStatus',
    ListAliases: 'kms:ListAliases',
    ListKeys: 'kms:ListKeys',
  },
  lambda: {
    GetPolicy: 'lambda:GetPolicy',
    ListFunctionUrlConfigs: 'lambda:ListFunctionUrlConfigs',
    ListFunctions: 'lambda:ListFunctions',
    ListTags: 'lambda:ListTags',
  },
  logs: {
    DescribeLogGroups: 'logs:DescribeLogGroups',
    DescribeMetricFilters: 'logs:DescribeMetricFilters',
  },
  opensearch: {
    DescribeDomains: 'es:DescribeDomains',
    ListDomainNames: 'es:ListDomainNames',
  },
  organizations: {
    DescribeOrganization: 'organizations:DescribeOrganization',
    ListAccounts: 'organizations:ListAccounts',
  },
  rds: {
    DescribeDBClusterParameters: 'rds:DescribeDBClusterParameters',
    DescribeDBClusterSnapshotAttributes: 'rds:DescribeDBClusterSnapshotAttributes',
    DescribeDBClusterSnapshots: 'rds:DescribeDBClusterSnapshots',
    DescribeDBClusters: 'rds:DescribeDBClusters',
    DescribeDBInstances: 'rds:DescribeDBInstances',
    DescribeDBParameters: 'rds:DescribeDBParameters',
    DescribeDBSnapshotAttributes: 'rds:DescribeDBSnapshotAttributes',
    DescribeDBSnapshots: 'rds:DescribeDBSnapshots',
  },
  redshift: {
    DescribeClusterParameters: 'redshift:DescribeClusterParameters',
    DescribeClusters: 'redshift:DescribeClusters',
    DescribeLoggingStatus: 'redshift:DescribeLoggingStatus',
  },
  s3: {
    GetBucketAcl: 's3:GetBucketAcl',
    GetBucketEncryption: 's3:GetEncryptionConfiguration',
    GetBucketLifecycleConfiguration: 's3:GetLifecycleConfiguration',
    GetBucketLocation: 's3:GetBucketLocation',
    GetBucketLogging: 's3:GetBucketLogging',
    GetBucketPolicy: 's3:GetBucketPolicy',
    GetBucketPolicyStatus: 's3:GetBucketPolicyStatus',
    GetBucketReplication: 's3:GetReplicationConfiguration',
    GetBucketTagging: 's3:GetBucketTagging',
    GetBucketVersioning: 's3:GetBucketVersioning',
    GetBucketWebsite: 's3:GetBucketWebsite',
    GetObjectLockConfiguration: 's3:GetBucketObjectLockConfiguration',
    GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
    ListBuckets: 's3:ListAllMyBuckets',
  },
  s3control: {
    GetPublicAccessBlock: 's3:GetAccountPublicAccessBlock',
  },
  sagemaker: {
    DescribeNotebookInstance: 'sagemaker:DescribeNotebookInstance',
    ListNotebookInstances: 'sagemaker:ListNotebookInstances',
  },
  secretsmanager: {
    ListSecrets: 'secretsmanager:ListSecrets',
  },
  securityhub: {
    DescribeHub: 'securityhub:DescribeHub',
    GetEnabledStandards: 'securityhub:GetEnabledStandards',
  },
  sns: {
    GetTopicAttributes: 'sns:GetTopicAttributes',
    ListSubscriptions: 'sns:ListSubscriptions',
    ListTagsForResource: 'sns:ListTagsForResource',
    ListTopics: 'sns:ListTopics',
  },
  sqs: {
    GetQueueAttributes: 'sqs:GetQueueAttributes',
    ListQueueTags: 'sqs:ListQueueTags',
    ListQueues: 'sqs:ListQueues',
  },
  ssm: {
    DescribeAssociation: 'ssm:DescribeAssociation',
    DescribeInstanceInformation: 'ssm:DescribeInstanceInformation',
    DescribeMaintenanceWindowTasks: 'ssm:DescribeMaintenanceWindowTasks',
    DescribeMaintenanceWindows: 'ssm:DescribeMaintenanceWindows',
    DescribePatchBaselines: 'ssm:DescribePatchBaselines',
    GetMaintenanceWindowTask: 'ssm:GetMaintenanceWindowTask',
    ListAssociations: 'ssm:ListAssociations',
    ListResourceComplianceSummaries: 'ssm:ListResourceComplianceSummaries',
  },
  ssoadmin: {
    DescribePermissionSet: 'sso:DescribePermissionSet',
    ListInstances: 'sso:ListInstances',
    ListPermissionSets: 'sso:ListPermissionSets',
  },
  tagging: {
    GetResources: 'tag:GetResources',
  },
  wafv2: {
    GetLoggingConfiguration: 'wafv2:GetLoggingConfiguration',
    ListResourcesForWebACL: 'wafv2:ListResourcesForWebACL',
    ListWebACLs: 'wafv2:ListWebACLs',
  },
  workspaces: {
    DescribeWorkspaces: 'workspaces:DescribeWorkspaces',
  },
};
