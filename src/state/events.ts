/** What a check sees of events: the slices the events collector fills (src/aws/collectors/events.ts). */
export interface EventRule {
  readonly name: string;
  readonly arn: string;
  readonly enabled: boolean;
  /** The event pattern, parsed; null for scheduled rules or an unreadable pattern. */
  readonly pattern: Readonly<Record<string, unknown>> | null;
  readonly targets: readonly { readonly id: string; readonly arn: string }[];
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'events.rules': readonly EventRule[];
  }
}
