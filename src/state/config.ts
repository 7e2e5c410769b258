/** What a check sees of config: the slices the config collector fills (src/aws/collectors/config.ts). */

export interface ConfigRecorder {
  readonly name: string;
  /** Records every supported resource type (or every type but a list of exclusions). */
  readonly allSupported: boolean;
  readonly includeGlobalResourceTypes: boolean;
  readonly recording: boolean;
  /** "Success", "Failure", "Pending" (as AWS spells them) or null. */
  readonly lastStatus: string | null;
  readonly lastErrorCode: string | null;
  /** A service-linked recorder (recordingScope INTERNAL, a servicePrincipal, named "AWSConfigurationRecorderFor…"): an AWS service records for itself; it is not the customer's recorder. */
  readonly serviceLinked?: boolean;
}

export interface ConfigState {
  readonly recorders: readonly ConfigRecorder[];
  readonly deliveryChannels: readonly { readonly name: string; readonly s3BucketName: string | null }[];
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'config.recorders': ConfigState;
  }
}
