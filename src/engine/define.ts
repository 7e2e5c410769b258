/**
 * The `define…({ … })` helpers: identity functions that give each unit's metadata and code one typed
 * object, checked by the compiler here and by the registry at load.
 */
import type { AttestationDef, CheckDef, RemediationDef, StepDef } from './model.js';

export const defineStep = (step: StepDef): StepDef => step;
export const defineCheck = (check: CheckDef): CheckDef => check;
export const defineAttestation = (attestation: AttestationDef): AttestationDef => attestation;
export const defineRemediation = (remediation: RemediationDef): RemediationDef => remediation;
