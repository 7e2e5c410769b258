/** A live source as openLiveSource builds it, over given clients: each fresh read is a new collection. */
import type { ClientFactory } from '../../src/aws/clients.js';
import { Collection } from '../../src/aws/collector.js';
import type { AccountIdentity } from '../../src/engine/state.js';
import type { Source } from '../../src/session/source.js';

export function liveSource(clients: ClientFactory, identity: AccountIdentity, regions: readonly string[], homeRegion = 'us-east-1') {
  const readFresh: NonNullable<Source['readFresh']> = async (needs) => {
    const collection = new Collection({ clients, identity, homeRegion, regions });
    await collection.collect(needs as Parameters<Collection['collect']>[0]);
    return collection.state();
  };
  return { mode: 'live' as const, identity, homeRegion, regions, clients, readFresh };
}
