/** The demo clinic's IAM: six people and robots, one shared front-desk login, a forgotten contractor. */
import type { CredentialReportRow } from '../../state/iam.js';
import { ok } from '../../engine/state.js';
import { DEMO_ACCOUNT, type DemoPart } from '../types.js';

const userArn = (name: string) => `arn:aws:iam::${DEMO_ACCOUNT}:user/${name}`;
const roleArn = (name: string) => `arn:aws:iam::${DEMO_ACCOUNT}:role/${name}`;
const policyArn = (name: string) => `arn:aws:iam::${DEMO_ACCOUNT}:policy/${name}`;

const part: DemoPart = (clock) => {
  const key = (slot: 1 | 2, active: boolean, rotatedDaysAgo: number | null, usedDaysAgo: number | null) => ({
    slot,
    active,
    lastRotated: rotatedDaysAgo === null ? null : clock.daysAgo(rotatedDaysAgo),
    lastUsed: usedDaysAgo === null ? null : clock.daysAgo(usedDaysAgo),
  });
  const noKey = (slot: 1 | 2) => ({ slot, active: false, lastRotated: null, lastUsed: null });
  const row = (
    user: string,
    o: Partial<Omit<CredentialReportRow, 'user' | 'arn'>> & { createdDaysAgo: number },
  ): CredentialReportRow => ({
    user,
    arn: user === '<root_account>' ? `arn:aws:iam::${DEMO_ACCOUNT}:root` : userArn(user),
    userCreationTime: clock.daysAgo(o.createdDaysAgo),
    passwordEnabled: o.passwordEnabled ?? false,
    passwordLastUsed: o.passwordLastUsed ?? null,
    passwordLastChanged: o.passwordLastChanged ?? null,
    mfaActive: o.mfaActive ?? false,
    accessKeys: o.accessKeys ?? [noKey(1), noKey(2)],
  });

  return {
    global: {
      'iam.accountSummary': ok({
        AccountMFAEnabled: 1,
        AccountAccessKeysPresent: 0,
        AccountSigningCertificatesPresent: 0,
        Users: 6,
        Groups: 3,
        Roles: 9,
        Policies: 4,
      }),
      'iam.virtualMfaDevices': ok([
        { serialNumber: `arn:aws:iam::${DEMO_ACCOUNT}:mfa/root-account-mfa-device`, userArn: `arn:aws:iam::${DEMO_ACCOUNT}:root` },
        { serialNumber: `arn:aws:iam::${DEMO_ACCOUNT}:mfa/dana.okafor`, userArn: userArn('dana.okafor') },
      ]),
      'iam.passwordPolicy': ok({
        minimumLength: 8,
        requireUppercase: true,
        requireLowercase: true,
        requireNumbers: true,
        requireSymbols: false,
        allowUsersToChangePassword: true,
        maxAgeDays: 0,
        reusePrevention: 0,
        hardExpiry: false,
      }),
      'iam.credentialReport': ok([
        row('<root_account>', { createdDaysAgo: 700, passwordEnabled: true, passwordLastUsed: clock.daysAgo(41), mfaActive: true }),
        row('dana.okafor', {
          createdDaysAgo: 420,
          passwordEnabled: true,
          passwordLastUsed: clock.daysAgo(1),
          passwordLastChanged: clock.daysAgo(60),
          mfaActive: true,
        }),
        row('marcus.lee', {
          createdDaysAgo: 300,
          passwordEnabled: true,
          passwordLastUsed: clock.daysAgo(3),
          passwordLastChanged: clock.daysAgo(300),
          mfaActive: false,
        }),
        row('frontdesk', {
          createdDaysAgo: 380,
          passwordEnabled: true,
          passwordLastUsed: clock.daysAgo(0),
          passwordLastChanged: clock.daysAgo(380),
          mfaActive: false,
        }),
        row('priya.shah@gmail.com', {
          createdDaysAgo: 200,
          passwordEnabled: true,
          passwordLastUsed: clock.daysAgo(12),
          passwordLastChanged: clock.daysAgo(200),
          mfaActive: true,
        }),
        row('ci-deploy', { createdDaysAgo: 410, accessKeys: [key(1, true, 212, 0), noKey(2)] }),
        row('old-contractor', {
          createdDaysAgo: 500,
          passwordEnabled: true,
          passwordLastUsed: clock.daysAgo(163),
          passwordLastChanged: clock.daysAgo(480),
          mfaActive: false,
          accessKeys: [key(1, true, 470, 151), noKey(2)],
        }),
      ]),
      'iam.authorization': ok({
        users: [
          { name: 'dana.okafor', arn: userArn('dana.okafor'), createDate: clock.daysAgo(420), groups: ['Admins'], attachedPolicies: [], inlinePolicies: [] },
          {
            name: 'marcus.lee',
            arn: userArn('marcus.lee'),
            createDate: clock.daysAgo(300),
            groups: ['Developers'],
            attachedPolicies: ['arn:aws:iam::aws:policy/AmazonRDSFullAccess'],
            inlinePolicies: [],
          },
          { name: 'frontdesk', arn: userArn('frontdesk'), createDate: clock.daysAgo(380), groups: ['Reception'], attachedPolicies: [], inlinePolicies: [] },
          {
            name: 'priya.shah@gmail.com',
            arn: userArn('priya.shah@gmail.com'),
            createDate: clock.daysAgo(200),
            groups: [],
            attachedPolicies: [policyArn('ClinicPowerUser')],
            inlinePolicies: [],
          },
          {
            name: 'ci-deploy',
            arn: userArn('ci-deploy'),
            createDate: clock.daysAgo(410),
            groups: [],
            attachedPolicies: [],
            inlinePolicies: [
              {
                name: 'deploy-portal',
                document: {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Action: ['s3:PutObject', 'cloudfront:CreateInvalidation'], Resource: '*' }],
                },
              },
            ],
          },
          { name: 'old-contractor', arn: userArn('old-contractor'), createDate: clock.daysAgo(500), groups: ['Developers'], attachedPolicies: [], inlinePolicies: [] },
        ],
        groups: [
          { name: 'Admins', arn: `arn:aws:iam::${DEMO_ACCOUNT}:group/Admins`, attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], inlinePolicies: [] },
          { name: 'Developers', arn: `arn:aws:iam::${DEMO_ACCOUNT}:group/Developers`, attachedPolicies: ['arn:aws:iam::aws:policy/PowerUserAccess'], inlinePolicies: [] },
          { name: 'Reception', arn: `arn:aws:iam::${DEMO_ACCOUNT}:group/Reception`, attachedPolicies: [policyArn('PortalFrontDesk')], inlinePolicies: [] },
        ],
        roles: [
          {
            name: 'portal-app',
            arn: roleArn('portal-app'),
            path: '/',
            trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
            attachedPolicies: [policyArn('PortalAppData')],
            inlinePolicies: [],
          },
          {
            name: 'billing-partner-access',
            arn: roleArn('billing-partner-access'),
            path: '/',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }],
            },
            attachedPolicies: [policyArn('ClaimsExportRead')],
            inlinePolicies: [],
          },
          {
            name: 'audit-readonly',
            arn: roleArn('audit-readonly'),
            path: '/',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { AWS: 'arn:aws:iam::777788889999:root' },
                  Action: 'sts:AssumeRole',
                  Condition: { StringEquals: { 'sts:ExternalId': 'maple-audit-2026' } },
                },
              ],
            },
            attachedPolicies: ['arn:aws:iam::aws:policy/SecurityAudit'],
            inlinePolicies: [],
          },
          {
            // The break-glass role: only the clinic's own account, only with MFA.
            name: 'ops-break-glass',
            arn: roleArn('ops-break-glass'),
            path: '/',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { AWS: `arn:aws:iam::${DEMO_ACCOUNT}:root` },
                  Action: 'sts:AssumeRole',
                  Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
                },
              ],
            },
            attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
            inlinePolicies: [],
          },
        ],
        policies: [
          {
            name: 'ClinicPowerUser',
            arn: policyArn('ClinicPowerUser'),
            attachmentCount: 1,
            document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
          },
          {
            name: 'PortalFrontDesk',
            arn: policyArn('PortalFrontDesk'),
            attachmentCount: 1,
            document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::maple-portal-uploads/*' }] },
          },
          {
            name: 'PortalAppData',
            arn: policyArn('PortalAppData'),
            attachmentCount: 1,
            document: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::maple-patient-records/*' }],
            },
          },
          {
            name: 'ClaimsExportRead',
            arn: policyArn('ClaimsExportRead'),
            attachmentCount: 1,
            document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::maple-claims-export/*' }] },
          },
        ],
      }),
      'iam.roleSessions': ok([
        { name: 'portal-app', arn: roleArn('portal-app'), path: '/', maxSessionSeconds: 3600 },
        { name: 'billing-partner-access', arn: roleArn('billing-partner-access'), path: '/', maxSessionSeconds: 3600 },
        { name: 'audit-readonly', arn: roleArn('audit-readonly'), path: '/', maxSessionSeconds: 3600 },
        { name: 'ops-break-glass', arn: roleArn('ops-break-glass'), path: '/', maxSessionSeconds: 43200 },
        {
          name: 'AWSServiceRoleForSupport',
          arn: roleArn('aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport'),
          path: '/aws-service-role/support.amazonaws.com/',
          maxSessionSeconds: 3600,
        },
      ]),
    },
  };
};

export default part;
