/** Secrets Manager, per region: every secret with its rotation settings and last use. */
import { paginateListSecrets, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type CollectorSet, regionalCollector } from '../collector.js';
import type { Secret } from '../../state/secretsmanager.js';

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : null);

export const collectors: CollectorSet = {
  'secretsmanager.secrets': regionalCollector(['secretsmanager:ListSecrets'], async (ctx, region) => {
    const client = ctx.clients.get(SecretsManagerClient, region);
    const out: Secret[] = [];
    for await (const page of paginateListSecrets({ client }, { MaxResults: 100 })) {
      for (const s of page.SecretList ?? []) {
        out.push({
          name: s.Name ?? '',
          arn: s.ARN ?? '',
          rotationEnabled: s.RotationEnabled === true,
          rotationDays: s.RotationRules?.AutomaticallyAfterDays ?? null,
          lastRotated: iso(s.LastRotatedDate),
          lastAccessed: iso(s.LastAccessedDate),
        });
      }
    }
    return out;
  }),
};
