/**
 * Amazon WorkSpaces, per region: each virtual desktop and whether its root and user volumes are
 * encrypted. WorkSpaces runs in only some regions; where the service has no endpoint, the region
 * simply has no WorkSpaces.
 */
import { WorkSpacesClient, paginateDescribeWorkspaces } from '@aws-sdk/client-workspaces';
import { type CollectorSet, regionalCollector } from '../collector.js';
import { errorName } from '../errors.js';
import type { Workspace } from '../../state/workspaces.js';

/** True when the service has no endpoint in the region (DNS does not know the host name). */
function noEndpoint(e: unknown): boolean {
  const message = (e as { message?: string } | undefined)?.message ?? '';
  return errorName(e) === 'ENOTFOUND' || /getaddrinfo ENOTFOUND/.test(message);
}

export const collectors: CollectorSet = {
  'workspaces.workspaces': regionalCollector(['workspaces:DescribeWorkspaces'], async (ctx, region) => {
    const client = ctx.clients.get(WorkSpacesClient, region);
    const out: Workspace[] = [];
    try {
      for await (const page of paginateDescribeWorkspaces({ client }, {})) {
        for (const w of page.Workspaces ?? []) {
          out.push({
            id: w.WorkspaceId ?? '',
            userName: w.UserName ?? '',
            directoryId: w.DirectoryId ?? '',
            state: w.State ?? 'UNKNOWN',
            rootVolumeEncrypted: w.RootVolumeEncryptionEnabled === true,
            userVolumeEncrypted: w.UserVolumeEncryptionEnabled === true,
            kmsKey: w.VolumeEncryptionKey ?? null,
          });
        }
      }
    } catch (e) {
      if (noEndpoint(e)) return [];
      throw e;
    }
    return out;
  }),
};
