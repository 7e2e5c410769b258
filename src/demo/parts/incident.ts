/**
 * The demo clinic's incident response: GuardDuty and Security Hub on in us-east-1 only, a rule
 * that sends GuardDuty findings to an SNS topic whose one e-mail subscription was never confirmed,
 * and a security contact that is set.
 */
import { ok } from '../../engine/state.js';
import { arn, type DemoPart } from '../types.js';

const part: DemoPart = (clock) => {
  const topic = arn('sns', 'security-alerts', 'us-east-1');
  return {
    global: {
      'account.securityContact': ok({ name: 'Dana Okafor', title: 'Practice IT lead', email: 'security@maplestreetclinic.example', phone: '+1-555-0142' }),
    },
    regional: {
      'us-east-1': {
        'guardduty.detectors': ok([
          {
            id: '6cb8e4f1a2d34c5e9f0a1b2c3d4e5f60',
            status: 'ENABLED',
            publishingFrequency: 'FIFTEEN_MINUTES',
            features: { CLOUD_TRAIL: 'ENABLED', DNS_LOGS: 'ENABLED', FLOW_LOGS: 'ENABLED', S3_DATA_EVENTS: 'ENABLED', RDS_LOGIN_EVENTS: 'DISABLED' },
          },
        ]),
        'guardduty.highFindings': ok([]),
        'securityhub.hub': ok({
          hubArn: arn('securityhub', 'hub/default', 'us-east-1'),
          subscribedAt: clock.daysAgo(230),
          standards: ok([
            'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
            'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0',
          ]),
        }),
        'events.rules': ok([
          {
            name: 'guardduty-to-oncall',
            arn: arn('events', 'rule/guardduty-to-oncall', 'us-east-1'),
            enabled: true,
            pattern: { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] },
            targets: [{ id: 'security-alerts', arn: topic }],
          },
          {
            name: 'nightly-report',
            arn: arn('events', 'rule/nightly-report', 'us-east-1'),
            enabled: true,
            pattern: null,
            targets: [{ id: 'reports', arn: arn('lambda', 'function:intake-form-handler', 'us-east-1') }],
          },
        ]),
        'sns.subscriptions': ok([{ topicArn: topic, protocol: 'email', endpoint: 'dana.okafor@maplestreetclinic.example', confirmed: false }]),
      },
      'us-west-2': {
        'guardduty.detectors': ok([]),
        'guardduty.highFindings': ok([]),
        'securityhub.hub': ok(null),
        'events.rules': ok([]),
        'sns.subscriptions': ok([]),
      },
    },
  };
};

export default part;
