/** What a check sees of workspaces: the slices the workspaces collector fills (src/aws/collectors/workspaces.ts). */
export interface Workspace {
  readonly id: string;
  readonly userName: string;
  readonly directoryId: string;
  readonly state: string;
  readonly rootVolumeEncrypted: boolean;
  readonly userVolumeEncrypted: boolean;
  readonly kmsKey: string | null;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'workspaces.workspaces': readonly Workspace[];
  }
}
