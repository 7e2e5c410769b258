/** The records folder: the register (store), the view the runner reads, and recording with validation. */
export { RecordsError } from './errors.js';
export { LockTimeout } from './lock.js';
export { decisionsAtRiskUnderProposedRule, PROPOSED_RULE_LABEL, type ProposedRuleConflict, proposedRuleCount, sectionResolver } from './proposed-rule.js';
export { recordAttestation, recordDecision, type RecordOptions, recordVendor, retireVendor } from './record.js';
export {
  appendRecord,
  assertWritable,
  currentUser,
  type RecordEntry,
  type RecordKind,
  type RecordProblem,
  readRecords,
} from './store.js';
export { sentenceProblem } from './validate.js';
export { type BaseRecords, DEFAULT_RECORDS_DIR, type FullRecordsView, loadRecordsView } from './view.js';
