import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { testCollection } from '../helpers/collection.js';

const sm = mockClient(SecretsManagerClient);
afterEach(() => sm.reset());

const collection = () => testCollection(['us-east-1', 'us-west-2']);

describe('Secrets Manager collector', () => {
  it('lists every secret across pages with rotation and last use', async () => {
    sm.on(ListSecretsCommand)
      .resolvesOnce({
        NextToken: 'n2',
        SecretList: [
          {
            Name: 'portal/db',
            ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:portal/db-AbCdEf',
            RotationEnabled: true,
            RotationRules: { AutomaticallyAfterDays: 30 },
            LastRotatedDate: new Date('2026-11-01T00:00:00Z'),
            LastAccessedDate: new Date('2026-11-23T00:00:00Z'),
          },
        ],
      })
      .resolvesOnce({ SecretList: [{ Name: 'clearinghouse/key', ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:clearinghouse/key-GhIjKl' }] });
    const r = await collection().regional('secretsmanager.secrets', 'us-east-1');
    expect(sm.commandCalls(ListSecretsCommand)).toHaveLength(2);
    expect(r).toEqual({
      ok: true,
      value: [
        {
          name: 'portal/db',
          arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:portal/db-AbCdEf',
          rotationEnabled: true,
          rotationDays: 30,
          lastRotated: '2026-11-01T00:00:00.000Z',
          lastAccessed: '2026-11-23T00:00:00.000Z',
        },
        {
          name: 'clearinghouse/key',
          arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:clearinghouse/key-GhIjKl',
          rotationEnabled: false,
          rotationDays: null,
          lastRotated: null,
          lastAccessed: null,
        },
      ],
    });
  });

  it('keeps a refused region apart, naming secretsmanager:ListSecrets, while another region reads', async () => {
    sm.on(ListSecretsCommand).callsFake(async (_input, getClient) => {
      const region = await getClient().config.region();
      if (region === 'us-west-2') {
        throw Object.assign(new Error('User: arn:aws:iam::111122223333:user/t is not authorized to perform: secretsmanager:ListSecrets'), {
          name: 'AccessDeniedException',
          $metadata: { httpStatusCode: 400 },
        });
      }
      return { SecretList: [] };
    });
    const c = collection();
    const east = await c.regional('secretsmanager.secrets', 'us-east-1');
    const west = await c.regional('secretsmanager.secrets', 'us-west-2');
    expect(east).toEqual({ ok: true, value: [] });
    expect(west.ok).toBe(false);
    if (!west.ok) expect(west.error).toMatchObject({ code: 'AccessDeniedException', kind: 'access', action: 'secretsmanager:ListSecrets' });
  });
});
