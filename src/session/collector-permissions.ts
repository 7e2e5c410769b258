/** The IAM read actions every collector module declares (each module is loaded: no AWS call is made), for `permissions`. */
import type { CollectorModule } from '../aws/collector.js';

export async function collectorPermissions(): Promise<string[]> {
  const { collectorLoaders } = await import('../generated/collectors.js');
  const out: string[] = [];
  for (const load of Object.values(collectorLoaders) as (() => Promise<CollectorModule>)[]) {
    const mod = await load();
    for (const def of Object.values(mod.collectors) as { permissions?: readonly string[] }[]) out.push(...(def?.permissions ?? []));
  }
  return out;
}
