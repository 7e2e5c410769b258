/**
 * A synthetic large AWS account: every SDK client the tool knows
 * is mocked at its `send`, each call waits an injected latency, and the answers come from generated
 * data (users, buckets, security groups, instances spread over many regions), paginated the way AWS
 * paginates. Commands with no generator answer `{}` (AWS's "nothing here" for most list calls), so a
 * collector that lands later runs against the fake without changes here.
 */
import { SERVICES, type ServiceKey } from '../src/aws/services.js';
import { SDK_CLIENTS } from './sdk-clients.js';

export interface FakeSize {
  readonly users: number;
  readonly buckets: number;
  readonly securityGroups: number;
  readonly instances: number;
  readonly regions: number;
  readonly latencyMs: number;
}

export const ALL_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'sa-east-1',
  'eu-south-1',
  'me-south-1',
  'af-south-1',
];

export const ACCOUNT = '111122223333';
const ISO = '2026-01-15T10:00:00+00:00';

const pad = (n: number) => String(n).padStart(5, '0');
/** An AWS error as the SDK throws it (no stack: thousands of "not configured" answers must not cost the bench CPU). */
function awsError(name: string, message: string, status = 400): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** One page of `items` as AWS pages them: a token in (NextToken / Marker / ContinuationToken), a size limit in. */
function page<T>(items: readonly T[], input: Record<string, unknown>, style: 'next' | 'marker' | 'continuation', defaultSize: number) {
  const token = (input.NextToken ?? input.Marker ?? input.ContinuationToken) as string | undefined;
  const size = Number(input.MaxResults ?? input.MaxItems ?? input.MaxBuckets ?? input.MaxRecords ?? defaultSize) || defaultSize;
  const start = token ? Number(token) : 0;
  const slice = items.slice(start, start + size);
  const more = start + size < items.length;
  const next = more ? String(start + size) : undefined;
  if (style === 'marker') return { slice, extra: { IsTruncated: more, Marker: next } };
  if (style === 'continuation') return { slice, extra: { ContinuationToken: next } };
  return { slice, extra: { NextToken: next } };
}

const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, not "${raw}"`);
  return n;
};

/**
 * The size the environment asks for (the figures by default). Here, not in a worker, because
 * in the bench's bundle a worker another imports from is no longer its own entry (it would not run).
 */
export function sizeFromEnv(): FakeSize {
  return {
    users: num('BENCH_USERS', 2000),
    buckets: num('BENCH_BUCKETS', 5000),
    securityGroups: num('BENCH_SGS', 3000),
    instances: num('BENCH_INSTANCES', 1000),
    regions: num('BENCH_REGIONS', 17),
    latencyMs: num('BENCH_LATENCY_MS', 30),
  };
}

export class FakeAccount {
  readonly regions: string[];
  private readonly bucketRegion = new Map<string, string>();
  private readonly bucketNames: string[];
  private readonly users: string[];
  /**
   * The organization's member accounts (bench/org-scan.ts sets it): Organizations ListAccounts pages
   * them, and STS AssumeRole answers for any of their roles. With none, ListAccounts lists no account.
   */
  orgAccounts: readonly { readonly Id: string; readonly Name: string }[] = [];

  constructor(readonly size: FakeSize) {
    this.regions = ALL_REGIONS.slice(0, Math.min(size.regions, ALL_REGIONS.length));
    this.users = Array.from({ length: size.users }, (_, i) => `user-${pad(i)}`);
    this.bucketNames = Array.from({ length: size.buckets }, (_, i) => `clinic-data-${pad(i)}`);
    for (const [i, b] of this.bucketNames.entries()) this.bucketRegion.set(b, this.regions[i % this.regions.length] ?? 'us-east-1');
  }

  /** Resources a scan has to look at (users, buckets, security groups, instances). */
  get resources(): number {
    const s = this.size;
    return s.users + s.buckets + s.securityGroups + s.instances;
  }

  /** The share of `total` that falls in region number `index`. */
  private share(total: number, index: number): number {
    const n = this.regions.length;
    return Math.floor(total / n) + (index < total % n ? 1 : 0);
  }

  private instances(region: string) {
    const r = this.regions.indexOf(region);
    return Array.from({ length: this.share(this.size.instances, r) }, (_, i) => ({
      OwnerId: ACCOUNT,
      Instances: [
        {
          InstanceId: `i-${r.toString(16).padStart(2, '0')}${pad(i)}0000000`,
          State: { Name: 'running' },
          PlatformDetails: 'Linux/UNIX',
          ImageId: 'ami-0abcdef1234567890',
          VpcId: `vpc-${r}`,
          SubnetId: `subnet-${r}`,
          MetadataOptions: { HttpTokens: i % 3 === 0 ? 'optional' : 'required', HttpEndpoint: 'enabled' },
          SecurityGroups: [{ GroupId: `sg-${r}-${i % 50}` }],
          LaunchTime: new Date('2026-01-01T00:00:00Z'),
          Tags: [{ Key: 'Name', Value: `app-${i}` }, ...(i % 4 === 0 ? [{ Key: 'phi', Value: 'true' }] : [])],
        },
      ],
    }));
  }

  private securityGroups(region: string) {
    const r = this.regions.indexOf(region);
    return Array.from({ length: this.share(this.size.securityGroups, r) }, (_, i) => ({
      GroupId: `sg-${r}-${i}`,
      GroupName: i === 0 ? 'default' : `app-${i}`,
      VpcId: `vpc-${r}`,
      OwnerId: ACCOUNT,
      Description: 'synthetic',
      IpPermissions:
        i % 10 === 0
          ? [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]
          : [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      Tags: [],
    }));
  }

  private credentialReport(): string {
    const header =
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
    const rows = [`<root_account>,arn:aws:iam::${ACCOUNT}:root,${ISO},not_supported,${ISO},not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`];
    this.users.forEach((u, i) => {
      rows.push(
        `${u},arn:aws:iam::${ACCOUNT}:user/${u},${ISO},${i % 2 === 0},${ISO},${ISO},N/A,${i % 5 !== 0},true,${ISO},${ISO},us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
      );
    });
    return `${[header, ...rows].join('\n')}\n`;
  }

  private authorization: { kind: 'user'; value: Record<string, unknown> }[] | undefined;

  private authorizationDetails() {
    this.authorization ??= this.users.map((u, i) => ({
      kind: 'user' as const,
      value: {
        UserName: u,
        Arn: `arn:aws:iam::${ACCOUNT}:user/${u}`,
        CreateDate: new Date('2025-01-01T00:00:00Z'),
        GroupList: [`group-${i % 20}`],
        AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', PolicyName: 'ReadOnlyAccess' }],
        UserPolicyList: [],
      },
    }));
    return this.authorization;
  }

  /** The answer to one call, or a thrown AWS error; `{}` for commands the fake has no data for. */
  answer(client: string, region: string, command: string, input: Record<string, unknown>): unknown {
    const bucket = input.Bucket as string | undefined;
    switch (`${client}.${command}`) {
      case 'OrganizationsClient.ListAccountsCommand': {
        const { slice, extra } = page(this.orgAccounts, input, 'next', 20);
        return { Accounts: slice.map((a) => ({ ...a, Arn: `arn:aws:organizations::${ACCOUNT}:account/o-bench/${a.Id}`, Status: 'ACTIVE', State: 'ACTIVE' })), ...extra };
      }
      case 'STSClient.AssumeRoleCommand':
        return {
          Credentials: { AccessKeyId: 'ASIABENCHBENCHBENCH1', SecretAccessKey: 'bench-secret', SessionToken: 'bench-token', Expiration: new Date(Date.now() + 3_600_000) },
          AssumedRoleUser: { Arn: `${String(input.RoleArn).replace(':iam::', ':sts::').replace(':role/', ':assumed-role/')}/${String(input.RoleSessionName)}`, AssumedRoleId: 'AROABENCH:bench' },
        };
      case 'STSClient.GetCallerIdentityCommand':
        return { Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/bench`, UserId: 'AIDABENCH' };
      case 'EC2Client.DescribeRegionsCommand':
        return { Regions: this.regions.map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' })) };
      case 'EC2Client.DescribeInstancesCommand': {
        const { slice, extra } = page(this.instances(region), input, 'next', 1000);
        return { Reservations: slice, ...extra };
      }
      case 'EC2Client.DescribeSecurityGroupsCommand': {
        const { slice, extra } = page(this.securityGroups(region), input, 'next', 1000);
        return { SecurityGroups: slice, ...extra };
      }
      case 'EC2Client.DescribeVpcsCommand':
        return { Vpcs: [{ VpcId: `vpc-${this.regions.indexOf(region)}`, IsDefault: true, CidrBlock: '172.31.0.0/16', OwnerId: ACCOUNT }] };
      case 'EC2Client.GetEbsEncryptionByDefaultCommand':
        return { EbsEncryptionByDefault: true };
      case 'EC2Client.GetInstanceMetadataDefaultsCommand':
        return { AccountLevel: { HttpTokens: 'required' } };
      case 'IAMClient.GetAccountSummaryCommand':
        return { SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: this.size.users } };
      case 'IAMClient.GetAccountPasswordPolicyCommand':
        return { PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, MaxPasswordAge: 90, PasswordReusePrevention: 24 } };
      case 'IAMClient.GetCredentialReportCommand':
        return { Content: new TextEncoder().encode(this.credentialReport()), ReportFormat: 'text/csv', GeneratedTime: new Date() };
      case 'IAMClient.GetAccountAuthorizationDetailsCommand': {
        const { slice, extra } = page(this.authorizationDetails(), input, 'marker', 100);
        return { UserDetailList: slice.map((s) => s.value), GroupDetailList: [], RoleDetailList: [], Policies: [], ...extra };
      }
      case 'IAMClient.ListUsersCommand': {
        const { slice, extra } = page(this.users, input, 'marker', 100);
        return { Users: slice.map((UserName) => ({ UserName, Arn: `arn:aws:iam::${ACCOUNT}:user/${UserName}`, CreateDate: new Date('2025-01-01T00:00:00Z') })), ...extra };
      }
      case 'IAMClient.ListVirtualMFADevicesCommand': {
        const assigned = this.users.filter((_, i) => i % 5 !== 0);
        const { slice, extra } = page(assigned, input, 'marker', 100);
        return { VirtualMFADevices: slice.map((u) => ({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${u}`, User: { Arn: `arn:aws:iam::${ACCOUNT}:user/${u}` } })), ...extra };
      }
      case 'S3Client.ListBucketsCommand': {
        const { slice, extra } = page(this.bucketNames, input, 'continuation', 10_000);
        return {
          Buckets: slice.map((Name) => ({ Name, CreationDate: new Date('2024-05-01T00:00:00Z'), BucketRegion: this.bucketRegion.get(Name) })),
          Owner: { ID: 'owner' },
          ...extra,
        };
      }
      case 'S3Client.GetBucketLocationCommand': {
        const r = bucket ? this.bucketRegion.get(bucket) : undefined;
        return { LocationConstraint: r === 'us-east-1' ? undefined : r };
      }
      case 'S3Client.GetBucketEncryptionCommand':
        return { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/aws/s3' }, BucketKeyEnabled: true }] } };
      case 'S3Client.GetBucketVersioningCommand':
        return { Status: 'Enabled' };
      case 'S3Client.GetPublicAccessBlockCommand':
        return { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } };
      case 'S3Client.GetBucketPolicyStatusCommand':
        return { PolicyStatus: { IsPublic: false } };
      case 'S3Client.GetBucketPolicyCommand':
        if (bucket && Number(bucket.slice(-5)) % 3 === 0) {
          return {
            Policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
            }),
          };
        }
        throw awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
      case 'S3Client.GetBucketTaggingCommand':
        if (bucket && Number(bucket.slice(-5)) % 2 === 0) return { TagSet: [{ Key: 'phi', Value: 'true' }] };
        throw awsError('NoSuchTagSet', 'The TagSet does not exist', 404);
      case 'S3Client.GetObjectLockConfigurationCommand':
        throw awsError('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket', 404);
      case 'S3Client.GetBucketLifecycleConfigurationCommand':
        throw awsError('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404);
      case 'S3Client.GetBucketReplicationCommand':
        throw awsError('ReplicationConfigurationNotFoundError', 'The replication configuration was not found', 404);
      case 'S3Client.GetBucketOwnershipControlsCommand':
        return { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } };
      case 'S3Client.GetBucketAclCommand':
        return { Owner: { ID: 'owner' }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' }] };
      case 'S3ControlClient.GetPublicAccessBlockCommand':
        return { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } };
      default:
        return {};
    }
  }
}

export interface CallLog {
  /**
   * Calls by a digest of client, region, command and exact input: a count above one is the same
   * data fetched twice. Digests keep the log small, so it does not weigh on the memory measured.
   */
  readonly byKey: Map<string, number>;
  /** The readable call behind each digest seen twice, for the report. */
  readonly repeated: Map<string, string>;
  total: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A 64-bit digest of a call (two 32-bit FNV-1a hashes with different seeds), in JavaScript: the
 * fake runs in the process it measures, and a crypto hash object per call cost it about 0.1 s of CPU
 * over the large estate. At 60,000 calls a chance collision is about one in ten million.
 */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193 + 0x100);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

/**
 * Mocks every SDK client in src/aws/services.ts at its `send` (an own `send` on each client class's
 * prototype, over the one every client inherits) so that it answers from `account` after
 * `latencyMs`. No call history is kept (a sinon stub would hold every call's client, command and
 * answer, and spend CPU the tool does not), so what the bench measures is the tool. Returns the call
 * log and `restore`. `trackDuplicates: false` skips the digest of each call (the organization bench,
 * whose accounts all answer alike, so every account's calls repeat the first's).
 */
export async function installFake(account: FakeAccount, options: { trackDuplicates?: boolean } = {}): Promise<{ log: CallLog; restore: () => void }> {
  const track = options.trackDuplicates ?? true;
  const log: CallLog = { byKey: new Map(), repeated: new Map(), total: 0 };
  const restores: (() => void)[] = [];
  for (const [key, info] of Object.entries(SERVICES)) {
    // The classes the collectors construct (in the bench's bundle too: bench/sdk-clients.ts).
    const proto = (SDK_CLIENTS[key as ServiceKey] as unknown as { prototype: { send?: unknown } }).prototype;
    const clientName = info.client;
    const own = Object.getOwnPropertyDescriptor(proto, 'send');
    proto.send = async function (this: { config: { region: () => Promise<string> } }, command: { input: Record<string, unknown>; constructor: { name: string } }) {
      const region = await this.config.region();
      // A bundle may rename a command class that clashes with another (DescribeClustersCommand2).
      const name = command.constructor.name.replace(/(Command)\d+$/, '$1');
      log.total++;
      if (track) {
        const call = `${clientName} ${region} ${name} ${JSON.stringify(command.input ?? {})}`;
        const key = digest(call);
        const seen = (log.byKey.get(key) ?? 0) + 1;
        log.byKey.set(key, seen);
        if (seen > 1) log.repeated.set(key, call);
      }
      await sleep(account.size.latencyMs);
      return account.answer(clientName, region, name, command.input ?? {});
    };
    restores.push(() => {
      if (own) Object.defineProperty(proto, 'send', own);
      else delete proto.send;
    });
  }
  return {
    log,
    restore: () => {
      for (const r of restores.reverse()) r();
    },
  };
}
