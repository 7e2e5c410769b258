/** What a check sees of ecr: the slices the ecr collector fills (src/aws/collectors/ecr.ts). */
export interface RegistryScanRule {
  /** SCAN_ON_PUSH, CONTINUOUS_SCAN or MANUAL. */
  readonly frequency: string;
  /** Wildcard filters ("*", "prod-*"); a rule applies to a repository whose name matches one. */
  readonly filters: readonly string[];
}

export interface RegistryScanning {
  readonly scanType: 'BASIC' | 'ENHANCED';
  readonly rules: readonly RegistryScanRule[];
}

export interface EcrRepository {
  readonly name: string;
  readonly arn: string;
  readonly scanOnPush: boolean;
  readonly tagMutability: string;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'ecr.registryScanning': RegistryScanning;
    'ecr.repositories': readonly EcrRepository[];
  }
}
