/** The collection: each slice collected once, errors kept as data, dependent slices share their source's failure. */
import { describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { type CollectorModule, Collection, globalCollector, regionalCollector } from '../../src/aws/collector.js';

const denied = (action: string) =>
  Object.assign(new Error(`User: arn:aws:iam::111122223333:user/t is not authorized to perform: ${action}`), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });

function collectionWith(collectors: CollectorModule['collectors'], regions = ['us-east-1', 'us-west-2']) {
  const service = Object.keys(collectors)[0]?.split('.')[0] ?? 'iam';
  return new Collection({
    clients: new ClientFactory(),
    identity: { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/t', partition: 'aws' },
    homeRegion: 'us-east-1',
    regions,
    loaders: { [service]: async () => ({ collectors }) },
  });
}

describe('Collection', () => {
  it('collects a slice once however many checks ask for it, in every region', async () => {
    let calls = 0;
    const c = collectionWith({
      'secretsmanager.secrets': regionalCollector(['secretsmanager:ListSecrets'], async (_ctx, region) => {
        calls++;
        return [{ name: `s-${region}`, arn: 'a', rotationEnabled: true, rotationDays: 30, lastRotated: null, lastAccessed: null }];
      }),
    });
    await c.collect({ regional: ['secretsmanager.secrets'] });
    await c.collect({ regional: ['secretsmanager.secrets'] });
    expect(calls).toBe(2);
    const s = c.state();
    expect(s.regions).toEqual(['us-east-1', 'us-west-2']);
    expect(s.regional['us-west-2']?.['secretsmanager.secrets']).toMatchObject({ ok: true, value: [{ name: 's-us-west-2' }] });
  });

  it('keeps a refusal as an error slice naming the action, and the rest still collects', async () => {
    const c = collectionWith({
      'iam.accountSummary': globalCollector(['iam:GetAccountSummary'], async () => {
        throw denied('iam:GetAccountSummary');
      }),
      'iam.roleSessions': globalCollector(['iam:ListRoles'], async () => []),
    });
    await c.collect({ global: ['iam.accountSummary', 'iam.roleSessions'] });
    const s = c.state();
    expect(s.global['iam.accountSummary']).toMatchObject({ ok: false, error: { kind: 'access', action: 'iam:GetAccountSummary' } });
    expect(s.global['iam.roleSessions']).toEqual({ ok: true, value: [] });
  });

  it('fails a dependent slice with the error of the slice it reads', async () => {
    const c = collectionWith({
      'accessanalyzer.analyzers': regionalCollector(['access-analyzer:ListAnalyzers'], async () => {
        throw denied('access-analyzer:ListAnalyzers');
      }),
      'accessanalyzer.findings': regionalCollector(['access-analyzer:ListAnalyzers', 'access-analyzer:ListFindingsV2'], async (ctx, region) => {
        await ctx.regional('accessanalyzer.analyzers', region);
        return [];
      }),
    }, ['us-east-1']);
    const r = await c.regional('accessanalyzer.findings', 'us-east-1');
    expect(r).toMatchObject({ ok: false, error: { action: 'access-analyzer:ListAnalyzers' } });
  });

  it('reports a slice no collector fills as an error, not a crash', async () => {
    const c = collectionWith({ 'iam.roleSessions': globalCollector(['iam:ListRoles'], async () => []) });
    const r = await c.global('iam.passwordPolicy');
    expect(r).toMatchObject({ ok: false, error: { code: 'NoCollector' } });
  });
});
