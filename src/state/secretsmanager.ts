/** What a check sees of secretsmanager: the slices the secretsmanager collector fills (src/aws/collectors/secretsmanager.ts). */
export interface Secret {
  readonly name: string;
  readonly arn: string;
  readonly rotationEnabled: boolean;
  /** Days between automatic rotations, when rotation is on. */
  readonly rotationDays: number | null;
  readonly lastRotated: string | null;
  readonly lastAccessed: string | null;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'secretsmanager.secrets': readonly Secret[];
  }
}
