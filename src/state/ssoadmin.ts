/** What a check sees of ssoadmin: the slices the ssoadmin collector fills (src/aws/collectors/ssoadmin.ts). */
export interface PermissionSet {
  readonly name: string;
  readonly arn: string;
  /** ISO-8601 duration, e.g. "PT1H", "PT12H"; null when not set (Identity Center then uses one hour). */
  readonly sessionDuration: string | null;
  readonly instanceArn: string;
  readonly region: string;
}

declare module '../engine/state.js' {
  interface GlobalSlices {
    'ssoadmin.permissionSets': readonly PermissionSet[];
  }
}
