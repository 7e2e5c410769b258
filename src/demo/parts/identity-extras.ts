/**
 * The demo clinic's identity extras: IAM Access Analyzer (on in us-east-1, never set up in
 * us-west-2), two outside-access findings, the secrets of the portal (one rotates, one was pasted in
 * by hand and never changed), and one Identity Center permission set. The scanning role was never
 * granted Secrets Manager in us-west-2, so that slice shows how an AccessDenied reads.
 */
import { err, ok } from '../../engine/state.js';
import { arn, DEMO_ACCOUNT, type DemoPart } from '../types.js';

const analyzerArn = arn('access-analyzer', 'analyzer/maple-account-analyzer', 'us-east-1');
const ssoInstance = 'arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6';

const part: DemoPart = (clock) => ({
  global: {
    'ssoadmin.permissionSets': ok([
      {
        name: 'ClinicAdministrators',
        arn: `arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0a1b2c3d4e5f6a7b`,
        sessionDuration: 'PT12H',
        instanceArn: ssoInstance,
        region: 'us-east-1',
      },
      {
        name: 'FrontOfficeReadOnly',
        arn: `arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-1b2c3d4e5f6a7b8c`,
        sessionDuration: 'PT4H',
        instanceArn: ssoInstance,
        region: 'us-east-1',
      },
    ]),
  },
  regional: {
    'us-east-1': {
      'accessanalyzer.analyzers': ok([
        { name: 'maple-account-analyzer', arn: analyzerArn, type: 'ACCOUNT', status: 'ACTIVE', createdAt: clock.daysAgo(240) },
      ]),
      'accessanalyzer.findings': ok([
        {
          id: '5f2d1c3a-8b7e-4a61-9c0d-2e4f6a8b0c1d',
          resource: 'arn:aws:iam::210987654321:role/billing-partner-access',
          resourceType: 'AWS::IAM::Role',
          principal: { AWS: '444455556666' },
          isPublic: false,
          analyzerArn,
          condition: {},
        },
        {
          id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
          resource: 'arn:aws:s3:::maple-claims-export',
          resourceType: 'AWS::S3::Bucket',
          principal: { AWS: '*' },
          isPublic: true,
          analyzerArn,
          condition: {},
        },
      ]),
      'secretsmanager.secrets': ok([
        {
          name: 'maple/portal/db-credentials',
          arn: arn('secretsmanager', 'secret:maple/portal/db-credentials-a1B2c3', 'us-east-1'),
          rotationEnabled: true,
          rotationDays: 30,
          lastRotated: clock.daysAgo(12),
          lastAccessed: clock.daysAgo(0),
        },
        {
          name: 'maple/clearinghouse/api-key',
          arn: arn('secretsmanager', 'secret:maple/clearinghouse/api-key-D4e5F6', 'us-east-1'),
          rotationEnabled: false,
          rotationDays: null,
          lastRotated: null,
          lastAccessed: clock.daysAgo(2),
        },
      ]),
    },
    'us-west-2': {
      'accessanalyzer.analyzers': ok([]),
      'accessanalyzer.findings': ok([]),
      'secretsmanager.secrets': err({
        code: 'AccessDeniedException',
        kind: 'access',
        action: 'secretsmanager:ListSecrets',
        message: `access denied: the credentials lack secretsmanager:ListSecrets (arn:aws:sts::${DEMO_ACCOUNT}:assumed-role/hipaa-scan/dana.okafor)`,
      }),
    },
  },
});

export default part;
