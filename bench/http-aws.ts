/**
 * Lives under bench/ because the build compiles bench/ and not test/: bench/suites/small.ts runs the
 * built executable's `scan` of every step against it through AWS_ENDPOINT_URL, so every SDK client the
 * scan uses loads and sends real HTTP requests, as against AWS. The CLI tests use it too, through
 * test/helpers/fake-aws.ts.
 *
 * A tiny stand-in for AWS on 127.0.0.1, enough for `scan --step 1` against AWS_ENDPOINT_URL: STS
 * GetCallerIdentity, EC2 DescribeRegions and GetInstanceMetadataDefaults, and the IAM reads step 1
 * makes, answered in the AWS query protocol's XML. The account belongs to no organization, so
 * Organizations DescribeOrganization answers AWSOrganizationsNotInUseException as AWS does for a
 * standalone account. Everything else is refused the way AWS refuses it (AccessDenied in each
 * protocol's error format), so those checks must come out `unknown`.
 * Every request is recorded (service, action, protocol, method) for the test to inspect.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  /** The signing name from the Authorization header: iam, sts, ec2, secretsmanager, sso, access-analyzer… */
  readonly service: string;
  /** The operation: the query Action, the JSON target's operation, or "METHOD /path" for REST. */
  readonly action: string;
  readonly protocol: 'query' | 'json' | 'rest';
  readonly method: string;
  readonly region: string;
  /** For Security Hub's BatchImportFindings and BatchUpdateFindings: how many findings the request carried. */
  readonly findings?: number;
}

export interface FakeAws {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export const FAKE_ACCOUNT = '123456789012';
const CALLER = `arn:aws:iam::${FAKE_ACCOUNT}:user/scanner`;
const RID = 'c0ffee00-0000-4000-8000-000000000001';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const members = (items: readonly string[]) => items.map((i) => `<member>${i}</member>`).join('');

function iamOk(action: string, result: string): string {
  return `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${RID}</RequestId></ResponseMetadata></${action}Response>`;
}
function queryError(code: string, message: string): string {
  return `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${esc(message)}</Message></Error><RequestId>${RID}</RequestId></ErrorResponse>`;
}

const CSV_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const CREDENTIAL_REPORT = [
  CSV_HEADER,
  `<root_account>,arn:aws:iam::${FAKE_ACCOUNT}:root,2020-01-01T00:00:00+00:00,not_supported,2026-11-20T09:00:00+00:00,not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `alice,arn:aws:iam::${FAKE_ACCOUNT}:user/alice,2025-01-01T00:00:00+00:00,true,2026-11-23T08:00:00+00:00,2026-10-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `scanner,arn:aws:iam::${FAKE_ACCOUNT}:user/scanner,2025-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2026-11-01T00:00:00+00:00,2026-11-24T00:00:00+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

const doc = (o: unknown) => encodeURIComponent(JSON.stringify(o));

const AUTHORIZATION = `<IsTruncated>false</IsTruncated>
<UserDetailList>
  <member><UserName>alice</UserName><UserId>AIDAALICE</UserId><Path>/</Path><Arn>arn:aws:iam::${FAKE_ACCOUNT}:user/alice</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate>
    <GroupList>${members(['Staff'])}</GroupList><AttachedManagedPolicies/><UserPolicyList/></member>
  <member><UserName>scanner</UserName><UserId>AIDASCANNER</UserId><Path>/</Path><Arn>${CALLER}</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate>
    <GroupList/><AttachedManagedPolicies><member><PolicyName>SecurityAudit</PolicyName><PolicyArn>arn:aws:iam::aws:policy/SecurityAudit</PolicyArn></member></AttachedManagedPolicies><UserPolicyList/></member>
</UserDetailList>
<GroupDetailList>
  <member><GroupName>Staff</GroupName><GroupId>AGPASTAFF</GroupId><Path>/</Path><Arn>arn:aws:iam::${FAKE_ACCOUNT}:group/Staff</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate>
    <GroupPolicyList><member><PolicyName>everything</PolicyName><PolicyDocument>${doc({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })}</PolicyDocument></member></GroupPolicyList><AttachedManagedPolicies/></member>
</GroupDetailList>
<RoleDetailList>
  <member><RoleName>vendor-access</RoleName><RoleId>AROAVENDOR</RoleId><Path>/</Path><Arn>arn:aws:iam::${FAKE_ACCOUNT}:role/vendor-access</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate>
    <AssumeRolePolicyDocument>${doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole' }] })}</AssumeRolePolicyDocument>
    <InstanceProfileList/><RolePolicyList/><AttachedManagedPolicies/></member>
</RoleDetailList>
<Policies/>`;

/** The IAM reads step 1 makes; the credential report is "not present" until generated, as on a fresh account. */
function iam(action: string, state: { reportGenerated: boolean }): { status: number; body: string } | undefined {
  switch (action) {
    case 'GetAccountSummary':
      return {
        status: 200,
        body: iamOk(
          action,
          `<SummaryMap>${[['AccountMFAEnabled', 0], ['AccountAccessKeysPresent', 0], ['Users', 2]].map(([k, v]) => `<entry><key>${k}</key><value>${v}</value></entry>`).join('')}</SummaryMap>`,
        ),
      };
    case 'GetAccountPasswordPolicy':
      return { status: 404, body: queryError('NoSuchEntity', `The Password Policy with domain name ${FAKE_ACCOUNT} cannot be found.`) };
    case 'GenerateCredentialReport':
      state.reportGenerated = true;
      return { status: 200, body: iamOk(action, '<State>COMPLETE</State><Description>done</Description>') };
    case 'GetCredentialReport':
      if (!state.reportGenerated) return { status: 410, body: queryError('ReportNotPresent', 'Credential report does not exist. Use GenerateCredentialReport to generate a credential report.') };
      return {
        status: 200,
        body: iamOk(action, `<Content>${Buffer.from(CREDENTIAL_REPORT).toString('base64')}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-11-24T11:00:00Z</GeneratedTime>`),
      };
    case 'GetAccountAuthorizationDetails':
      return { status: 200, body: iamOk(action, AUTHORIZATION) };
    case 'ListVirtualMFADevices':
      return { status: 200, body: iamOk(action, '<VirtualMFADevices/><IsTruncated>false</IsTruncated>') };
    case 'ListRoles':
      return {
        status: 200,
        body: iamOk(
          action,
          `<Roles><member><RoleName>vendor-access</RoleName><RoleId>AROAVENDOR</RoleId><Path>/</Path><Arn>arn:aws:iam::${FAKE_ACCOUNT}:role/vendor-access</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate><MaxSessionDuration>3600</MaxSessionDuration></member></Roles><IsTruncated>false</IsTruncated>`,
        ),
      };
    case 'ListAccountAliases':
      return { status: 200, body: iamOk(action, `<AccountAliases>${members(['fake-clinic'])}</AccountAliases><IsTruncated>false</IsTruncated>`) };
    default:
      return undefined;
  }
}

function ec2(action: string, region: string): { status: number; body: string } {
  const ns = 'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"';
  if (action === 'DescribeRegions') {
    return {
      status: 200,
      body: `<DescribeRegionsResponse ${ns}><requestId>${RID}</requestId><regionInfo><item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item></regionInfo></DescribeRegionsResponse>`,
    };
  }
  if (action === 'GetInstanceMetadataDefaults') {
    return {
      status: 200,
      body: `<GetInstanceMetadataDefaultsResponse ${ns}><requestId>${RID}</requestId><accountLevel><httpTokens>required</httpTokens></accountLevel></GetInstanceMetadataDefaultsResponse>`,
    };
  }
  return {
    status: 403,
    body: `<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation. (ec2:${action} in ${region})</Message></Error></Errors><RequestID>${RID}</RequestID></Response>`,
  };
}

const REST_OPERATIONS: Record<string, string> = { 'GET /analyzer': 'ListAnalyzers', 'POST /findingv2': 'ListFindingsV2' };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export async function startFakeAws(): Promise<FakeAws> {
  const requests: RecordedRequest[] = [];
  const state = { reportGenerated: false };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const scope = /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(req.headers.authorization ?? ''));
    const region = scope?.[1] ?? 'unknown';
    const service = scope?.[2] ?? 'unknown';
    const target = req.headers['x-amz-target'];
    const contentType = String(req.headers['content-type'] ?? '');
    const send = (status: number, text: string, headers: Record<string, string>) => {
      res.writeHead(status, { 'x-amzn-requestid': RID, ...headers });
      res.end(text);
    };
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      const action = new URLSearchParams(body).get('Action') ?? '';
      requests.push({ service, action, protocol: 'query', method: req.method ?? '', region });
      const xml = { 'content-type': 'text/xml' };
      if (service === 'sts' && action === 'GetCallerIdentity') {
        return send(
          200,
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${CALLER}</Arn><UserId>AIDASCANNER</UserId><Account>${FAKE_ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${RID}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
          xml,
        );
      }
      if (service === 'ec2') {
        const r = ec2(action, region);
        return send(r.status, r.body, xml);
      }
      const answered = service === 'iam' ? iam(action, state) : undefined;
      if (answered) return send(answered.status, answered.body, xml);
      return send(403, queryError('AccessDenied', `User: ${CALLER} is not authorized to perform: ${service}:${action} on resource: *`), xml);
    }
    if (typeof target === 'string') {
      const action = target.replace(/^.*\./, '');
      requests.push({ service, action, protocol: 'json', method: req.method ?? '', region });
      if (service === 'organizations' && action === 'DescribeOrganization') {
        return send(400, JSON.stringify({ __type: 'AWSOrganizationsNotInUseException', Message: 'Your account is not a member of an organization.' }), {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-errortype': 'AWSOrganizationsNotInUseException',
        });
      }
      return send(400, JSON.stringify({ __type: 'AccessDeniedException', message: `User: ${CALLER} is not authorized to perform: ${service}:${action}` }), {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-errortype': 'AccessDeniedException',
      });
    }
    const route = `${req.method} ${(req.url ?? '').replace(/\?.*$/, '')}`;
    if (service === 'securityhub' && route === 'POST /findings/import') {
      // BatchImportFindings accepts the batch, as Security Hub does when it is enabled.
      const n = ((JSON.parse(body) as { Findings?: unknown[] }).Findings ?? []).length;
      requests.push({ service, action: 'BatchImportFindings', protocol: 'rest', method: req.method ?? '', region, findings: n });
      return send(200, JSON.stringify({ FailedCount: 0, SuccessCount: n, FailedFindings: [] }), { 'content-type': 'application/json' });
    }
    if (service === 'securityhub' && route === 'PATCH /findings/batchupdate') {
      const ids = (JSON.parse(body) as { FindingIdentifiers?: unknown[] }).FindingIdentifiers ?? [];
      requests.push({ service, action: 'BatchUpdateFindings', protocol: 'rest', method: req.method ?? '', region, findings: ids.length });
      return send(200, JSON.stringify({ ProcessedFindings: ids, UnprocessedFindings: [] }), { 'content-type': 'application/json' });
    }
    const action = REST_OPERATIONS[route] ?? route;
    requests.push({ service, action, protocol: 'rest', method: req.method ?? '', region });
    return send(403, JSON.stringify({ message: `User: ${CALLER} is not authorized to perform: ${service}:${action}` }), {
      'content-type': 'application/json',
      'x-amzn-errortype': 'AccessDeniedException',
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
