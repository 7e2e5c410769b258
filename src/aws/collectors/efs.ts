/** EFS, per region: every file system with its encryption, automatic-backup policy and tags. */
import { DescribeBackupPolicyCommand, EFSClient, paginateDescribeFileSystems } from '@aws-sdk/client-efs';
import { attempt, type CollectorSet, regionalCollector } from '../collector.js';
import { orIfMissing } from '../errors.js';
import { mapLimit } from '../limit.js';
import { tagMap } from './ec2.js';
import type { EfsBackupStatus, EfsFileSystem } from '../../state/efs.js';

export const collectors: CollectorSet = {
  'efs.fileSystems': regionalCollector(['elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:DescribeBackupPolicy'], async (ctx, region) => {
    const client = ctx.clients.get(EFSClient, region);
    const listed: Omit<EfsFileSystem, 'backupPolicy'>[] = [];
    try {
      for await (const page of paginateDescribeFileSystems({ client, pageSize: 100 }, {})) {
        for (const f of page.FileSystems ?? []) {
          listed.push({
            id: f.FileSystemId ?? '',
            arn: f.FileSystemArn ?? `arn:${ctx.identity.partition}:elasticfilesystem:${region}:${ctx.identity.accountId}:file-system/${f.FileSystemId}`,
            name: f.Name ?? null,
            encrypted: f.Encrypted ?? false,
            kmsKeyId: f.KmsKeyId ?? null,
            tags: tagMap(f.Tags),
          });
        }
      }
    } catch (e) {
      if (e && typeof e === 'object') (e as { $action?: string }).$action ??= 'elasticfilesystem:DescribeFileSystems';
      throw e;
    }
    return mapLimit(listed, 8, async (f) => ({
      ...f,
      backupPolicy: await attempt('elasticfilesystem:DescribeBackupPolicy', async () => {
        const out = await orIfMissing(() => client.send(new DescribeBackupPolicyCommand({ FileSystemId: f.id })), ['PolicyNotFound'], null);
        return (out?.BackupPolicy?.Status as EfsBackupStatus | undefined) ?? 'DISABLED';
      }),
    }));
  }),
};
