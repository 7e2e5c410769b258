/** Step 10 checks over built states: pass, fail and unknown for each. */
import { describe, expect, it } from 'vitest';
import type { EventRule } from '../../src/state/events.js';
import type { GuardDutyDetector, GuardDutyFinding } from '../../src/state/guardduty.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, daysAgo, denied, state } from '../helpers/state.js';

const detector = (status = 'ENABLED'): GuardDutyDetector => ({ id: 'd1', status, publishingFrequency: 'SIX_HOURS', features: {} });
const topic = `arn:aws:sns:us-east-1:${ACCOUNT}:security-alerts`;
const gdRule = (o: Partial<EventRule> = {}): EventRule => ({
  name: 'gd-alerts',
  arn: `arn:aws:events:us-east-1:${ACCOUNT}:rule/gd-alerts`,
  enabled: true,
  pattern: { source: ['aws.guardduty'] },
  targets: [{ id: 't', arn: topic }],
  ...o,
});

describe('guardduty-enabled', () => {
  it('passes when a detector is on in every region', async () => {
    const f = await runCheckById('guardduty-enabled', state({ regional: { 'us-east-1': { 'guardduty.detectors': [detector()] }, 'us-west-2': { 'guardduty.detectors': [detector()] } } }));
    expect(f.status).toBe('pass');
  });
  it('fails for a region without a detector and one whose detector is suspended', async () => {
    const f = await runCheckById(
      'guardduty-enabled',
      state({ regional: { 'us-east-1': { 'guardduty.detectors': [detector('DISABLED')] }, 'us-west-2': { 'guardduty.detectors': [] } } }),
    );
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/d1 in us-east-1 is suspended/);
    expect(f.message).toMatch(/not enabled in us-west-2/);
    expect(f.remediation).toBe('guardduty-enable');
  });
  it('is unknown naming guardduty:ListDetectors when refused', async () => {
    const f = await runCheckById('guardduty-enabled', state({ regional: { 'us-east-1': { 'guardduty.detectors': denied('guardduty:ListDetectors') } } }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['guardduty:ListDetectors']);
  });
});

describe('guardduty-high-findings', () => {
  const finding: GuardDutyFinding = {
    id: 'f1',
    type: 'UnauthorizedAccess:EC2/SSHBruteForce',
    title: 'SSH brute force',
    severity: 8,
    resource: 'i-0web',
    createdAt: daysAgo(2),
    updatedAt: daysAgo(1),
    count: 12,
  };
  const s = (findings: unknown, detectors: unknown = [detector()]) =>
    state({ regional: { 'us-east-1': { 'guardduty.detectors': detectors as never, 'guardduty.highFindings': findings as never } } });
  it('passes with no open high finding', async () => {
    expect((await runCheckById('guardduty-high-findings', s([]))).status).toBe('pass');
  });
  it('fails naming the finding type, resource and severity', async () => {
    const f = await runCheckById('guardduty-high-findings', s([finding]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/UnauthorizedAccess:EC2\/SSHBruteForce on i-0web in us-east-1 \(severity 8\.0/);
  });
  it('is unknown where GuardDuty is off, and when findings are refused', async () => {
    expect((await runCheckById('guardduty-high-findings', s([], []))).message).toMatch(/GuardDuty is off in us-east-1/);
    const f = await runCheckById('guardduty-high-findings', s(denied('guardduty:GetFindings')));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['guardduty:GetFindings']);
  });
});

describe('securityhub-enabled', () => {
  const hub = { hubArn: `arn:aws:securityhub:us-east-1:${ACCOUNT}:hub/default`, subscribedAt: daysAgo(100), standards: { ok: true as const, value: ['s'] } };
  it('passes when the hub exists', async () => {
    const f = await runCheckById('securityhub-enabled', state({ regional: { 'us-east-1': { 'securityhub.hub': hub } } }));
    expect(f.status).toBe('pass');
    expect(f.resources[0]?.detail).toMatch(/1 standard enabled/);
  });
  it('fails naming the region where it is off', async () => {
    const f = await runCheckById('securityhub-enabled', state({ regional: { 'us-east-1': { 'securityhub.hub': hub }, 'us-west-2': { 'securityhub.hub': null } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toBe('Security Hub is off in us-west-2.');
  });
  it('is unknown naming securityhub:DescribeHub when refused', async () => {
    expect((await runCheckById('securityhub-enabled', state({ regional: { 'us-east-1': { 'securityhub.hub': denied('securityhub:DescribeHub') } } }))).status).toBe('unknown');
  });
});

describe('findings-routed', () => {
  const s = (o: { rules?: unknown; subs?: unknown; detectors?: unknown; hub?: unknown } = {}) =>
    state({
      regional: {
        'us-east-1': {
          'guardduty.detectors': (o.detectors ?? [detector()]) as never,
          'securityhub.hub': (o.hub ?? null) as never,
          'events.rules': (o.rules ?? [gdRule()]) as never,
          'sns.subscriptions': (o.subs ?? [{ topicArn: topic, protocol: 'email', endpoint: 'sec@example.com', confirmed: true }]) as never,
        },
      },
    });
  it('passes: rule → topic → confirmed subscriber', async () => {
    const f = await runCheckById('findings-routed', s());
    expect(f.status).toBe('pass');
    expect(f.resources[0]?.detail).toMatch(/delivered by email to sec@example.com/);
  });
  it('accepts a prefix pattern ("aws.") as matching the finding sources', async () => {
    expect((await runCheckById('findings-routed', s({ rules: [gdRule({ pattern: { source: [{ prefix: 'aws.' }] } })] }))).status).toBe('pass');
  });
  it('fails when the only subscription is pending, when no rule matches, and when the rule is off', async () => {
    const pending = await runCheckById('findings-routed', s({ subs: [{ topicArn: topic, protocol: 'email', endpoint: 'sec@example.com', confirmed: false }] }));
    expect(pending.status).toBe('fail');
    expect(pending.message).toMatch(/security-alerts, which has no confirmed subscription/);
    expect((await runCheckById('findings-routed', s({ rules: [gdRule({ pattern: { source: ['aws.ec2'] } })] }))).message).toMatch(/No enabled EventBridge rule in us-east-1/);
    expect((await runCheckById('findings-routed', s({ rules: [gdRule({ enabled: false })] }))).status).toBe('fail');
  });
  it('accepts findings routed to a Lambda function, an SQS queue, an API destination or another event bus', async () => {
    for (const [arn, words] of [
      ['arn:aws:lambda:us-east-1:111122223333:function:page-oncall', /Lambda function function:page-oncall/],
      ['arn:aws:sqs:us-east-1:111122223333:findings-queue', /SQS queue findings-queue/],
      ['arn:aws:events:us-east-1:111122223333:api-destination/pagerduty/1a2b3c4d-aaaa-bbbb-cccc-123456789012', /API destination api-destination\/pagerduty/],
      ['arn:aws:events:us-east-1:999988887777:event-bus/security-central', /event bus event-bus\/security-central/],
    ] as const) {
      const f = await runCheckById('findings-routed', s({ rules: [gdRule({ targets: [{ id: 't', arn }] })], subs: [] }));
      expect(f.status).toBe('pass');
      expect(f.resources[0]?.detail).toMatch(words);
    }
  });
  it('still fails a matching rule with no target, or one that only stores findings in a log group', async () => {
    const none = await runCheckById('findings-routed', s({ rules: [gdRule({ targets: [] })] }));
    expect(none.status).toBe('fail');
    expect(none.message).toMatch(/has no target, so they go nowhere/);
    const logs = await runCheckById('findings-routed', s({ rules: [gdRule({ targets: [{ id: 't', arn: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/events/findings' }] })] }));
    expect(logs.status).toBe('fail');
    expect((await runCheckById('findings-routed', s({ rules: [gdRule({ enabled: false, targets: [{ id: 't', arn: 'arn:aws:lambda:us-east-1:111122223333:function:page-oncall' }] })] }))).status).toBe('fail');
  });
  it('has nothing to route where neither GuardDuty nor Security Hub is on', async () => {
    expect((await runCheckById('findings-routed', s({ detectors: [], rules: [] }))).status).toBe('pass');
  });
  it('is unknown for a topic in another account, and when subscriptions are refused', async () => {
    const other = await runCheckById('findings-routed', s({ rules: [gdRule({ targets: [{ id: 't', arn: 'arn:aws:sns:us-east-1:999988887777:central-alerts' }] })] }));
    expect(other.status).toBe('unknown');
    expect(other.message).toMatch(/account 999988887777/);
    const refused = await runCheckById('findings-routed', s({ subs: denied('sns:ListSubscriptions') }));
    expect(refused.status).toBe('unknown');
    expect(refused.missing).toEqual(['sns:ListSubscriptions']);
  });
  it('is unknown naming events:ListRules when refused', async () => {
    const f = await runCheckById('findings-routed', s({ rules: denied('events:ListRules') }));
    expect(f.status).toBe('unknown');
    expect(f.missing).toEqual(['events:ListRules']);
  });
});

describe('security-contact', () => {
  it('passes with a contact that has an e-mail address', async () => {
    const f = await runCheckById('security-contact', state({ global: { 'account.securityContact': { name: 'Dana', title: 'IT', email: 'sec@example.com', phone: '1' } } }));
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/Dana <sec@example.com>/);
  });
  it('fails when none is set', async () => {
    const f = await runCheckById('security-contact', state({ global: { 'account.securityContact': null } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/Account 111122223333 has no security alternate contact/);
    expect(f.remediation).toBe('security-contact');
  });
  it('is unknown naming account:GetAlternateContact when refused', async () => {
    const f = await runCheckById('security-contact', state({ global: { 'account.securityContact': denied('account:GetAlternateContact') } }));
    expect(f.missing).toEqual(['account:GetAlternateContact']);
  });
});
