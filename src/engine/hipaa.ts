/**
 * The HIPAA Security Rule's standards and implementation specifications (45 CFR 164 Subpart C),
 * with whether each is required or addressable. Every check, attestation and decision cites one of
 * these; the registry refuses a citation that is not in this table or that states the wrong obligation.
 */
export type Obligation = 'required' | 'addressable';

export interface HipaaSpec {
  /** Section without the "§", e.g. "164.312(a)(2)(iv)". */
  readonly section: string;
  readonly title: string;
  readonly obligation: Obligation;
  /** The standard this specification belongs to (itself for a standard). */
  readonly standard: string;
}

const spec = (section: string, title: string, obligation: Obligation, standard = section): HipaaSpec => ({
  section,
  title,
  obligation,
  standard,
});

export const HIPAA_SPECS: readonly HipaaSpec[] = [
  // §164.308 Administrative safeguards
  spec('164.308(a)(1)', 'Security management process', 'required'),
  spec('164.308(a)(1)(ii)(A)', 'Risk analysis', 'required', '164.308(a)(1)'),
  spec('164.308(a)(1)(ii)(B)', 'Risk management', 'required', '164.308(a)(1)'),
  spec('164.308(a)(1)(ii)(C)', 'Sanction policy', 'required', '164.308(a)(1)'),
  spec('164.308(a)(1)(ii)(D)', 'Information system activity review', 'required', '164.308(a)(1)'),
  spec('164.308(a)(2)', 'Assigned security responsibility', 'required'),
  spec('164.308(a)(3)', 'Workforce security', 'required'),
  spec('164.308(a)(3)(ii)(A)', 'Authorization and/or supervision', 'addressable', '164.308(a)(3)'),
  spec('164.308(a)(3)(ii)(B)', 'Workforce clearance procedure', 'addressable', '164.308(a)(3)'),
  spec('164.308(a)(3)(ii)(C)', 'Termination procedures', 'addressable', '164.308(a)(3)'),
  spec('164.308(a)(4)', 'Information access management', 'required'),
  spec('164.308(a)(4)(ii)(A)', 'Isolating health care clearinghouse functions', 'required', '164.308(a)(4)'),
  spec('164.308(a)(4)(ii)(B)', 'Access authorization', 'addressable', '164.308(a)(4)'),
  spec('164.308(a)(4)(ii)(C)', 'Access establishment and modification', 'addressable', '164.308(a)(4)'),
  spec('164.308(a)(5)', 'Security awareness and training', 'required'),
  spec('164.308(a)(5)(ii)(A)', 'Security reminders', 'addressable', '164.308(a)(5)'),
  spec('164.308(a)(5)(ii)(B)', 'Protection from malicious software', 'addressable', '164.308(a)(5)'),
  spec('164.308(a)(5)(ii)(C)', 'Log-in monitoring', 'addressable', '164.308(a)(5)'),
  spec('164.308(a)(5)(ii)(D)', 'Password management', 'addressable', '164.308(a)(5)'),
  spec('164.308(a)(6)', 'Security incident procedures', 'required'),
  spec('164.308(a)(6)(ii)', 'Response and reporting', 'required', '164.308(a)(6)'),
  spec('164.308(a)(7)', 'Contingency plan', 'required'),
  spec('164.308(a)(7)(ii)(A)', 'Data backup plan', 'required', '164.308(a)(7)'),
  spec('164.308(a)(7)(ii)(B)', 'Disaster recovery plan', 'required', '164.308(a)(7)'),
  spec('164.308(a)(7)(ii)(C)', 'Emergency mode operation plan', 'required', '164.308(a)(7)'),
  spec('164.308(a)(7)(ii)(D)', 'Testing and revision procedures', 'addressable', '164.308(a)(7)'),
  spec('164.308(a)(7)(ii)(E)', 'Applications and data criticality analysis', 'addressable', '164.308(a)(7)'),
  spec('164.308(a)(8)', 'Evaluation', 'required'),
  spec('164.308(b)(1)', 'Business associate contracts and other arrangements', 'required'),
  spec('164.308(b)(3)', 'Written contract or other arrangement', 'required', '164.308(b)(1)'),
  // §164.310 Physical safeguards
  spec('164.310(a)(1)', 'Facility access controls', 'required'),
  spec('164.310(a)(2)(i)', 'Contingency operations', 'addressable', '164.310(a)(1)'),
  spec('164.310(a)(2)(ii)', 'Facility security plan', 'addressable', '164.310(a)(1)'),
  spec('164.310(a)(2)(iii)', 'Access control and validation procedures', 'addressable', '164.310(a)(1)'),
  spec('164.310(a)(2)(iv)', 'Maintenance records', 'addressable', '164.310(a)(1)'),
  spec('164.310(b)', 'Workstation use', 'required'),
  spec('164.310(c)', 'Workstation security', 'required'),
  spec('164.310(d)(1)', 'Device and media controls', 'required'),
  spec('164.310(d)(2)(i)', 'Disposal', 'required', '164.310(d)(1)'),
  spec('164.310(d)(2)(ii)', 'Media re-use', 'required', '164.310(d)(1)'),
  spec('164.310(d)(2)(iii)', 'Accountability', 'addressable', '164.310(d)(1)'),
  spec('164.310(d)(2)(iv)', 'Data backup and storage', 'addressable', '164.310(d)(1)'),
  // §164.312 Technical safeguards
  spec('164.312(a)(1)', 'Access control', 'required'),
  spec('164.312(a)(2)(i)', 'Unique user identification', 'required', '164.312(a)(1)'),
  spec('164.312(a)(2)(ii)', 'Emergency access procedure', 'required', '164.312(a)(1)'),
  spec('164.312(a)(2)(iii)', 'Automatic logoff', 'addressable', '164.312(a)(1)'),
  spec('164.312(a)(2)(iv)', 'Encryption and decryption', 'addressable', '164.312(a)(1)'),
  spec('164.312(b)', 'Audit controls', 'required'),
  spec('164.312(c)(1)', 'Integrity', 'required'),
  spec('164.312(c)(2)', 'Mechanism to authenticate electronic protected health information', 'addressable', '164.312(c)(1)'),
  spec('164.312(d)', 'Person or entity authentication', 'required'),
  spec('164.312(e)(1)', 'Transmission security', 'required'),
  spec('164.312(e)(2)(i)', 'Integrity controls', 'addressable', '164.312(e)(1)'),
  spec('164.312(e)(2)(ii)', 'Encryption', 'addressable', '164.312(e)(1)'),
  // §164.314 Organizational requirements
  spec('164.314(a)(1)', 'Business associate contracts or other arrangements', 'required'),
  spec('164.314(b)(1)', 'Requirements for group health plans', 'required'),
  // §164.316 Policies, procedures and documentation
  spec('164.316(a)', 'Policies and procedures', 'required'),
  spec('164.316(b)(1)', 'Documentation', 'required'),
  spec('164.316(b)(2)(i)', 'Time limit (six years)', 'required', '164.316(b)(1)'),
  spec('164.316(b)(2)(ii)', 'Availability', 'required', '164.316(b)(1)'),
  spec('164.316(b)(2)(iii)', 'Updates', 'required', '164.316(b)(1)'),
  // Subpart D, breach notification (cited by the incident-response step)
  spec('164.404', 'Notification to individuals (60 days)', 'required'),
  spec('164.406', 'Notification to the media', 'required'),
  spec('164.408', 'Notification to the Secretary', 'required'),
  spec('164.410', 'Notification by a business associate', 'required'),
];

const BY_SECTION = new Map(HIPAA_SPECS.map((s) => [s.section, s]));

/** The shape of a section reference: "164.3xx" followed by parenthesised parts, no "§". */
export const SECTION_PATTERN = /^164\.(3(0[68]|1[0246])|40[468]|410)(\([a-zA-Z0-9]{1,4}\))*$/;

export function findSpec(section: string): HipaaSpec | undefined {
  return BY_SECTION.get(section);
}

/** "164.312(d)" → "§164.312(d)". */
export function formatSection(section: string): string {
  return `§${section}`;
}

/**
 * Explains what is wrong with a cited section and obligation, or returns undefined when the
 * citation is well formed, exists, and states the obligation HIPAA gives it.
 */
export function citationProblem(section: string, obligation: Obligation): string | undefined {
  if (!SECTION_PATTERN.test(section)) {
    return `"${section}" is not a HIPAA section reference of the form 164.312(a)(2)(iv) (no "§", no spaces)`;
  }
  const found = findSpec(section);
  if (!found) return `"${section}" is not a Security Rule standard or implementation specification`;
  if (found.obligation !== obligation) {
    return `§${section} (${found.title}) is ${found.obligation} in HIPAA, but it is declared ${obligation}`;
  }
  return undefined;
}

/** The decision statuses, in the order forms offer them (the same list as the register's schema). */
export type DecisionStatusName = 'implemented' | 'alternative' | 'not-reasonable' | 'risk-accepted' | 'not-applicable';
const ALL_STATUSES: readonly DecisionStatusName[] = ['implemented', 'alternative', 'not-reasonable', 'risk-accepted', 'not-applicable'];

/**
 * The statuses §164.306(d) leaves open only to an addressable specification: documenting that it is
 * not reasonable and appropriate (d)(3)(ii)(B)(1), and implementing an equivalent alternative measure
 * instead of it (d)(3)(ii)(B)(2). A required specification must be implemented (d)(2); how is open
 * (§164.306(b)(1)), which a decision records as "implemented". See docs/citations.md.
 */
export const ADDRESSABLE_ONLY: ReadonlySet<DecisionStatusName> = new Set(['not-reasonable', 'alternative']);

/** The decision statuses HIPAA allows on a subject citing a specification of this obligation (unknown: all). */
export function statusesFor(obligation: Obligation | undefined): readonly DecisionStatusName[] {
  return obligation === 'required' ? ALL_STATUSES.filter((s) => !ADDRESSABLE_ONLY.has(s)) : ALL_STATUSES;
}

/**
 * Why a decision with this status may not be recorded (or, already recorded, accepted) on a subject
 * citing `section`, or undefined when HIPAA allows it. One or two sentences, naming the subject.
 */
export function decisionRefusal(status: string, section: string, subject = `§${section}`, obligation = findSpec(section)?.obligation): string | undefined {
  if (obligation !== 'required' || !ADDRESSABLE_ONLY.has(status as DecisionStatusName)) return undefined;
  const title = findSpec(section)?.title;
  const cited = `§${section}${title ? ` (${title})` : ''}`;
  const about = subject === `§${section}` || subject === section ? cited : `${subject} cites ${cited}, which`;
  return status === 'not-reasonable'
    ? `${about} is a required specification: only an addressable specification may be documented as not reasonable and appropriate (§164.306(d)(3)); a required safeguard must be implemented.`
    : `${about} is a required specification: an equivalent alternative measure may stand in only for an addressable specification (§164.306(d)(3)); a required safeguard must be implemented. If another mechanism than the one this tool checks meets it, record "implemented" and describe it, or "risk-accepted" with an owner and an expiry while the gap is closed.`;
}

/** The sentence a form shows on a required subject, saying why two choices are missing. */
export function requiredChoicesNote(section: string): string {
  const spec = findSpec(section);
  return `§${section}${spec ? ` (${spec.title})` : ''} is a required specification, so "not-reasonable" and "alternative" are not offered: only addressable specifications may be documented as not reasonable, with an equivalent alternative measure, under §164.306(d)(3).`;
}
