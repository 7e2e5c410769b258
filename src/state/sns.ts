/** What a check sees of sns: the slices the sns collector fills (src/aws/collectors/sns.ts). */
export interface SnsSubscription {
  readonly topicArn: string;
  /** email, sms, https, lambda, sqs, … */
  readonly protocol: string;
  readonly endpoint: string;
  /** False while the subscription waits for confirmation ("PendingConfirmation"). */
  readonly confirmed: boolean;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'sns.subscriptions': readonly SnsSubscription[];
  }
}
