import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListRolesCommand,
  ListVirtualMFADevicesCommand,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { testCollection } from '../helpers/collection.js';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const collection = () => testCollection();

describe('IAM collectors', () => {
  it('turns NoSuchEntity on the password policy into "no policy", not an error', async () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(new NoSuchEntityException({ message: 'The Password Policy with domain name 111122223333 cannot be found.', $metadata: {} }));
    const r = await collection().global('iam.passwordPolicy');
    expect(r).toEqual({ ok: true, value: null });
  });

  it('names the refused action when the password policy is denied', async () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(
      Object.assign(new Error('User: arn:aws:iam::111122223333:user/t is not authorized to perform: iam:GetAccountPasswordPolicy on resource: *'), {
        name: 'AccessDenied',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const r = await collection().global('iam.passwordPolicy');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'access', action: 'iam:GetAccountPasswordPolicy' });
  });

  it('generates the credential report when none exists and parses its CSV', async () => {
    const csv = [
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
      '<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,2026-11-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
      'alice,arn:aws:iam::111122223333:user/alice,2024-03-01T00:00:00+00:00,true,2026-11-20T08:00:00+00:00,2026-06-01T00:00:00+00:00,N/A,false,true,2025-01-01T00:00:00+00:00,2026-11-19T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
    ].join('\n');
    iam
      .on(GetCredentialReportCommand)
      .rejectsOnce(Object.assign(new Error('Credential report does not exist.'), { name: 'ReportNotPresent', $metadata: {} }))
      .resolves({ Content: new TextEncoder().encode(csv), ReportFormat: 'text/csv', GeneratedTime: new Date() });
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'STARTED' });
    const r = await collection().global('iam.credentialReport');
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(1);
    expect(r.ok && r.value).toEqual([
      expect.objectContaining({ user: '<root_account>', passwordEnabled: true, mfaActive: true, passwordLastUsed: '2026-11-01T10:00:00+00:00' }),
      expect.objectContaining({
        user: 'alice',
        passwordEnabled: true,
        mfaActive: false,
        accessKeys: [
          { slot: 1, active: true, lastRotated: '2025-01-01T00:00:00+00:00', lastUsed: '2026-11-19T00:00:00+00:00' },
          { slot: 2, active: false, lastRotated: null, lastUsed: null },
        ],
      }),
    ]);
  });

  it('reads a user name holding a comma, quoted as CSV quotes it, without shifting the columns', async () => {
    const csv = [
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
      '"smith,jo","arn:aws:iam::111122223333:user/smith,jo",2024-03-01T00:00:00+00:00,true,2026-11-20T08:00:00+00:00,2026-06-01T00:00:00+00:00,N/A,true,true,2025-01-01T00:00:00+00:00,2026-11-19T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
    ].join('\r\n');
    iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(csv), ReportFormat: 'text/csv', GeneratedTime: new Date() });
    const r = await collection().global('iam.credentialReport');
    expect(r.ok && r.value).toEqual([
      {
        user: 'smith,jo',
        arn: 'arn:aws:iam::111122223333:user/smith,jo',
        userCreationTime: '2024-03-01T00:00:00+00:00',
        passwordEnabled: true,
        passwordLastUsed: '2026-11-20T08:00:00+00:00',
        passwordLastChanged: '2026-06-01T00:00:00+00:00',
        mfaActive: true,
        accessKeys: [
          { slot: 1, active: true, lastRotated: '2025-01-01T00:00:00+00:00', lastUsed: '2026-11-19T00:00:00+00:00' },
          { slot: 2, active: false, lastRotated: null, lastUsed: null },
        ],
      },
    ]);
  });
});

describe('IAM collectors: reading every page', () => {
  it('reads the authorization details across pages and decodes URL-encoded policy documents', async () => {
    const doc = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }));
    iam
      .on(GetAccountAuthorizationDetailsCommand)
      .resolvesOnce({
        IsTruncated: true,
        Marker: 'page-2',
        UserDetailList: [
          {
            UserName: 'marcus.lee',
            Arn: 'arn:aws:iam::111122223333:user/marcus.lee',
            CreateDate: new Date('2025-01-01T00:00:00Z'),
            GroupList: ['Developers'],
            AttachedManagedPolicies: [{ PolicyName: 'AmazonRDSFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonRDSFullAccess' }],
            UserPolicyList: [{ PolicyName: 'all', PolicyDocument: doc }],
          },
        ],
      })
      .resolvesOnce({
        IsTruncated: false,
        RoleDetailList: [
          {
            RoleName: 'portal-app',
            Arn: 'arn:aws:iam::111122223333:role/portal-app',
            Path: '/',
            AssumeRolePolicyDocument: encodeURIComponent('{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'),
          },
        ],
        Policies: [
          {
            PolicyName: 'ClinicPowerUser',
            Arn: 'arn:aws:iam::111122223333:policy/ClinicPowerUser',
            AttachmentCount: 1,
            PolicyVersionList: [
              { VersionId: 'v1', IsDefaultVersion: false, Document: encodeURIComponent('{"Statement":[]}') },
              { VersionId: 'v2', IsDefaultVersion: true, Document: doc },
            ],
          },
        ],
      });
    const r = await collection().global('iam.authorization');
    // Two calls, the second carrying the first page's marker (the paginator reuses one input object).
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(2);
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)[1]?.args[0].input.Marker).toBe('page-2');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.users[0]).toMatchObject({
      name: 'marcus.lee',
      groups: ['Developers'],
      attachedPolicies: ['arn:aws:iam::aws:policy/AmazonRDSFullAccess'],
      inlinePolicies: [{ name: 'all', document: { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } } }],
    });
    expect(r.value.roles[0]?.trustPolicy).toMatchObject({ Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }] });
    expect(r.value.policies[0]).toMatchObject({ name: 'ClinicPowerUser', attachmentCount: 1, document: { Statement: { Action: '*' } } });
  });

  it('uses an existing credential report without generating a new one', async () => {
    const csv = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date\nbob,arn:aws:iam::111122223333:user/bob,2024-01-01T00:00:00+00:00,false,N/A,N/A,false,true,2024-01-01T00:00:00+00:00,no_information,false,N/A,N/A\n';
    iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(csv), ReportFormat: 'text/csv' });
    const r = await collection().global('iam.credentialReport');
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(0);
    expect(r.ok && r.value[0]?.accessKeys[0]).toEqual({ slot: 1, active: true, lastRotated: '2024-01-01T00:00:00+00:00', lastUsed: null });
  });

  it('names iam:GenerateCredentialReport when generating the report is refused', async () => {
    iam.on(GetCredentialReportCommand).rejects(Object.assign(new Error('Credential report does not exist.'), { name: 'ReportNotPresent', $metadata: { httpStatusCode: 410 } }));
    iam.on(GenerateCredentialReportCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    const r = await collection().global('iam.credentialReport');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'access', action: 'iam:GenerateCredentialReport' });
  });

  it('lists virtual MFA devices and role session lengths across pages', async () => {
    iam
      .on(ListVirtualMFADevicesCommand)
      .resolvesOnce({ IsTruncated: true, Marker: 'm2', VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::111122223333:mfa/root-account-mfa-device', User: { Arn: 'arn:aws:iam::111122223333:root', UserName: 'root', UserId: '1', Path: '/', CreateDate: new Date() } }] })
      .resolvesOnce({ IsTruncated: false, VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::111122223333:mfa/dana' }] });
    iam.on(ListRolesCommand).resolves({
      IsTruncated: false,
      Roles: [{ RoleName: 'ops', Arn: 'arn:aws:iam::111122223333:role/ops', Path: '/', RoleId: 'AROA1', CreateDate: new Date(), MaxSessionDuration: 43200 }],
    });
    const c = collection();
    const mfa = await c.global('iam.virtualMfaDevices');
    const roles = await c.global('iam.roleSessions');
    expect(mfa.ok && mfa.value).toEqual([
      { serialNumber: 'arn:aws:iam::111122223333:mfa/root-account-mfa-device', userArn: 'arn:aws:iam::111122223333:root' },
      { serialNumber: 'arn:aws:iam::111122223333:mfa/dana', userArn: null },
    ]);
    expect(iam.commandCalls(ListVirtualMFADevicesCommand)[0]?.args[0].input).toMatchObject({ AssignmentStatus: 'Assigned' });
    expect(roles.ok && roles.value).toEqual([{ name: 'ops', arn: 'arn:aws:iam::111122223333:role/ops', path: '/', maxSessionSeconds: 43200 }]);
  });
});
