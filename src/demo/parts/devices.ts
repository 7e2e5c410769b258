/**
 * The demo clinic's virtual desktops and data-store tags: two WorkSpaces for the billing team, one
 * created before encryption was switched on; the tagging API's view of the tagged data stores. The
 * scanning role was never granted WorkSpaces access in us-west-2.
 */
import type { TaggedResource } from '../../state/tagging.js';
import { err, ok } from '../../engine/state.js';
import { arn, type DemoPart } from '../types.js';

const part: DemoPart = () => ({
  regional: {
    'us-east-1': {
      'workspaces.workspaces': ok([
        {
          id: 'ws-4k7n2p9q1',
          userName: 'marcus.lee',
          directoryId: 'd-9067a1b2c3',
          state: 'AVAILABLE',
          rootVolumeEncrypted: true,
          userVolumeEncrypted: true,
          kmsKey: arn('kms', 'key/6f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b', 'us-east-1'),
        },
        {
          id: 'ws-8r3t5v7x2',
          userName: 'billing.temp',
          directoryId: 'd-9067a1b2c3',
          state: 'STOPPED',
          rootVolumeEncrypted: false,
          userVolumeEncrypted: false,
          kmsKey: null,
        },
      ]),
      'tagging.dataStores': ok<TaggedResource[]>([
        { arn: 'arn:aws:s3:::maple-patient-documents', tags: { phi: 'true', 'data-classification': 'phi' } },
        { arn: arn('rds', 'db:maple-portal-db', 'us-east-1'), tags: { phi: 'true', env: 'prod' } },
        { arn: arn('elasticache', 'cluster:portal-sessions', 'us-east-1'), tags: { env: 'prod' } },
      ]),
    },
    'us-west-2': {
      'workspaces.workspaces': err({
        code: 'AccessDeniedException',
        kind: 'access',
        action: 'workspaces:DescribeWorkspaces',
        message: 'access denied: the credentials lack workspaces:DescribeWorkspaces',
      }),
      'tagging.dataStores': ok([]),
    },
  },
});

export default part;
