/** Secrets Manager, per region: every secret with its rotation settings and last use. */
import { paginateListSecrets, SecretsManagerClient, type SecretListEntry } from '@aws-sdk/client-secrets-manager';
import { type CollectorContext, type CollectorSet, regionalCollector } from '../collector.js';
import type { Secret } from '../../state/secretsmanager.js';

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : null);

const listed = new WeakMap<CollectorContext, Map<string, Promise<SecretListEntry[]>>>();

/** The region's secrets as ListSecrets returns them, listed once per scan (messaging.secrets reads their keys and tags). */
export function listSecrets(ctx: CollectorContext, region: string): Promise<SecretListEntry[]> {
  let scan = listed.get(ctx);
  if (!scan) listed.set(ctx, (scan = new Map()));
  let p = scan.get(region);
  if (!p) {
    p = (async () => {
      const client = ctx.clients.get(SecretsManagerClient, region);
      const out: SecretListEntry[] = [];
      for await (const page of paginateListSecrets({ client }, { MaxResults: 100 })) out.push(...(page.SecretList ?? []));
      return out;
    })();
    scan.set(region, p);
  }
  return p;
}

export const collectors: CollectorSet = {
  'secretsmanager.secrets': regionalCollector(['secretsmanager:ListSecrets'], async (ctx, region) => {
    const out: Secret[] = [];
    for (const s of await listSecrets(ctx, region)) {
      out.push({
        name: s.Name ?? '',
        arn: s.ARN ?? '',
        rotationEnabled: s.RotationEnabled === true,
        rotationDays: s.RotationRules?.AutomaticallyAfterDays ?? null,
        lastRotated: iso(s.LastRotatedDate),
        lastAccessed: iso(s.LastAccessedDate),
      });
    }
    return out;
  }),
};
