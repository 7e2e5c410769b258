/** What a check sees of logs: the slices the logs collector fills (src/aws/collectors/logs.ts). */
export interface LogGroup {
  readonly name: string;
  readonly arn: string;
  /** null when events never expire. */
  readonly retentionDays: number | null;
  readonly kmsKeyId: string | null;
  readonly storedBytes: number;
  readonly createdAt: string | null;
}

export interface MetricFilter {
  readonly name: string;
  readonly logGroupName: string;
  readonly pattern: string;
  readonly metrics: readonly { readonly name: string; readonly namespace: string }[];
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'logs.logGroups': readonly LogGroup[];
    'logs.metricFilters': readonly MetricFilter[];
  }
}
