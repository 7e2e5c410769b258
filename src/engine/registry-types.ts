/** The shapes the generated index hands to the registry: each unit with the file it came from. */
import type { AttestationDef, CheckDef, RemediationDef, StepDef } from './model.js';

export interface StepModule {
  readonly file: string;
  readonly folder: string;
  readonly def: StepDef;
}
export interface CheckModule {
  readonly file: string;
  readonly folder: string;
  readonly def: CheckDef;
}
export interface AttestationModule {
  readonly file: string;
  readonly folder: string;
  readonly def: AttestationDef;
}
export interface RemediationModule {
  readonly file: string;
  readonly def: RemediationDef;
}
