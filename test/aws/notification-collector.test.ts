import { AccountClient, GetAlternateContactCommand, ResourceNotFoundException } from '@aws-sdk/client-account';
import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { ListSubscriptionsCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { testCollection } from '../helpers/collection.js';

const events = mockClient(EventBridgeClient);
const sns = mockClient(SNSClient);
const account = mockClient(AccountClient);
afterEach(() => {
  events.reset();
  sns.reset();
  account.reset();
});

const collection = () => testCollection(['us-east-1']);

describe('EventBridge, SNS and account contact collectors', () => {
  it('reads rules across pages with their parsed patterns and targets', async () => {
    events
      .on(ListRulesCommand)
      .resolvesOnce({
        NextToken: 'n',
        Rules: [{ Name: 'gd', Arn: 'arn:aws:events:us-east-1:111122223333:rule/gd', State: 'ENABLED', EventPattern: '{"source":["aws.guardduty"]}' }],
      })
      .resolvesOnce({ Rules: [{ Name: 'cron', Arn: 'arn:aws:events:us-east-1:111122223333:rule/cron', State: 'DISABLED', ScheduleExpression: 'rate(1 day)' }] });
    events.on(ListTargetsByRuleCommand, { Rule: 'gd' }).resolves({ Targets: [{ Id: 't', Arn: 'arn:aws:sns:us-east-1:111122223333:alerts' }] });
    events.on(ListTargetsByRuleCommand, { Rule: 'cron' }).resolves({ Targets: [] });
    const r = await collection().regional('events.rules', 'us-east-1');
    expect(r.ok && r.value).toEqual([
      { name: 'gd', arn: 'arn:aws:events:us-east-1:111122223333:rule/gd', enabled: true, pattern: { source: ['aws.guardduty'] }, targets: [{ id: 't', arn: 'arn:aws:sns:us-east-1:111122223333:alerts' }] },
      { name: 'cron', arn: 'arn:aws:events:us-east-1:111122223333:rule/cron', enabled: false, pattern: null, targets: [] },
    ]);
  });

  it('names events:ListTargetsByRule when targets are refused', async () => {
    events.on(ListRulesCommand).resolves({ Rules: [{ Name: 'gd', State: 'ENABLED' }] });
    events.on(ListTargetsByRuleCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));
    const r = await collection().regional('events.rules', 'us-east-1');
    expect(!r.ok && r.error).toMatchObject({ kind: 'access', action: 'events:ListTargetsByRule' });
  });

  it('marks subscriptions still waiting for confirmation', async () => {
    sns.on(ListSubscriptionsCommand).resolves({
      Subscriptions: [
        { SubscriptionArn: 'PendingConfirmation', Owner: '111122223333', Protocol: 'email', Endpoint: 'a@example.com', TopicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' },
        { SubscriptionArn: 'arn:aws:sns:us-east-1:111122223333:alerts:1f2e', Owner: '111122223333', Protocol: 'https', Endpoint: 'https://pager.example.com', TopicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' },
      ],
    });
    const r = await collection().regional('sns.subscriptions', 'us-east-1');
    expect(r.ok && r.value.map((s) => [s.protocol, s.confirmed])).toEqual([
      ['email', false],
      ['https', true],
    ]);
  });

  it('reads "no security contact" (ResourceNotFoundException) as null', async () => {
    account.on(GetAlternateContactCommand).rejects(new ResourceNotFoundException({ message: 'No contact of the inputted alternate contact type found.', $metadata: { httpStatusCode: 404 } }));
    expect(await collection().global('account.securityContact')).toEqual({ ok: true, value: null });
  });

  it('reads the security contact', async () => {
    account.on(GetAlternateContactCommand).resolves({
      AlternateContact: { AlternateContactType: 'SECURITY', Name: 'Dana', Title: 'IT lead', EmailAddress: 'sec@example.com', PhoneNumber: '+1-555-0100' },
    });
    expect(await collection().global('account.securityContact')).toEqual({ ok: true, value: { name: 'Dana', title: 'IT lead', email: 'sec@example.com', phone: '+1-555-0100' } });
    expect(account.commandCalls(GetAlternateContactCommand)[0]?.args[0].input).toEqual({ AlternateContactType: 'SECURITY' });
  });

  it('names account:GetAlternateContact when it is refused', async () => {
    account.on(GetAlternateContactCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }));
    const r = await collection().global('account.securityContact');
    expect(!r.ok && r.error).toMatchObject({ kind: 'access', action: 'account:GetAlternateContact' });
  });
});
