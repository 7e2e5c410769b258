/** What a check sees of cloudwatch: the slices the cloudwatch collector fills (src/aws/collectors/cloudwatch.ts). */
export interface MetricAlarm {
  readonly name: string;
  readonly arn: string;
  /** Every metric the alarm watches (a metric-math alarm watches several). */
  readonly metrics: readonly { readonly name: string; readonly namespace: string }[];
  readonly actionsEnabled: boolean;
  readonly alarmActions: readonly string[];
  readonly state: string;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'cloudwatch.alarms': readonly MetricAlarm[];
  }
}
