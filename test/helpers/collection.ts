/** A collection over mocked SDK clients, as collector tests build it: one test account, chosen regions. */
import { ClientFactory } from '../../src/aws/clients.js';
import { Collection, type CollectionOptions } from '../../src/aws/collector.js';

export const TEST_IDENTITY = { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/t', partition: 'aws' } as const;

export function testCollection(regions: readonly string[] = ['us-east-1'], extra: Partial<CollectionOptions> = {}): Collection {
  return new Collection({ clients: new ClientFactory(), identity: TEST_IDENTITY, homeRegion: 'us-east-1', regions, ...extra });
}

/** An SDK error the way AWS answers it: its code as `name`, the HTTP status in `$metadata`. */
export const awsError = (name: string, message: string, status = 400): Error =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
