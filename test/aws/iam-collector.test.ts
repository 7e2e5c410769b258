import { GetAccountPasswordPolicyCommand, GetCredentialReportCommand, GenerateCredentialReportCommand, IAMClient, NoSuchEntityException } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { Collection } from '../../src/aws/collector.js';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

function collection() {
  return new Collection({
    clients: new ClientFactory(),
    identity: { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/t', partition: 'aws' },
    homeRegion: 'us-east-1',
    regions: ['us-east-1'],
  });
}

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
});
