/**
 * The demo clinic's sample register, layered under the records folder when a command runs with
 * --demo: decisions (one accepted risk in force, one that lapsed, an equivalent alternative,
 * implemented safeguards with their dates, and a not-reasonable decision on a required
 * specification that an older version let through and this one refuses), attestation answers (current, partial, refused and
 * two that expired) and the vendor inventory (one BAA due for renewal, one vendor with none).
 * Everything is relative to the clock, so the demo tells the same story whenever it runs.
 */
import type { AttestationAnswer, Decision, Vendor } from '../engine/model.js';
import { isoDay } from '../lib/time.js';
import type { DemoClock } from './types.js';

const DANA = 'Dana Okafor';
const RUTH = 'Dr. Ruth Alvarez';

export default (clock: DemoClock): { decisions: Decision[]; attestations: AttestationAnswer[]; vendors: Vendor[] } => {
  const ago = (d: number) => isoDay(clock.daysAgo(d));
  const ahead = (d: number) => isoDay(clock.daysAhead(d));

  const decisions: Decision[] = [
    {
      id: 'DEMO-D1',
      subject: 'backup-copy-offsite',
      status: 'risk-accepted',
      reason: 'A second-region backup copy is budgeted for next quarter; until then an encrypted nightly export goes to the clinic\'s offline storage.',
      owner: DANA,
      decidedBy: DANA,
      approvedBy: RUTH,
      decidedAt: clock.daysAgo(40),
      reviewBy: ahead(80),
    },
    {
      id: 'DEMO-D2',
      subject: 'lambda-supported-runtimes',
      status: 'risk-accepted',
      reason: 'The reminder function only sends appointment times and was due to be replaced by the new scheduling vendor.',
      owner: DANA,
      decidedBy: DANA,
      decidedAt: clock.daysAgo(200),
      reviewBy: ago(12),
    },
    {
      id: 'DEMO-D3',
      subject: 'anti-malware',
      status: 'alternative',
      reason: 'An anti-malware agent on the clinic\'s two minimal servers would add more to patch than it protects; scanning from outside the instance covers the same threat.',
      alternative: 'GuardDuty Malware Protection scans the volumes of every instance, images are scanned in ECR, and servers are rebuilt monthly from the Amazon Linux 2023 minimal image with SSH disabled.',
      decidedBy: DANA,
      approvedBy: RUTH,
      decidedAt: clock.daysAgo(90),
      reviewBy: ahead(275),
    },
    {
      id: 'DEMO-D4',
      subject: 'root-mfa',
      status: 'implemented',
      reason: 'A hardware key was registered for the root user and the password moved to the office safe.',
      decidedBy: DANA,
      decidedAt: clock.daysAgo(300),
      reviewBy: ahead(65),
    },
    {
      id: 'DEMO-D5',
      subject: 'security-contact',
      status: 'implemented',
      reason: 'The shared security mailbox was set as the account\'s security contact.',
      decidedBy: DANA,
      decidedAt: clock.daysAgo(150),
      reviewBy: ahead(215),
    },
    // Written by an older version that did not yet refuse it: a required specification (§164.312(d))
    // cannot be declined as not reasonable (§164.306(d)(3)), so the finding stays failing and says why.
    {
      id: 'DEMO-D6',
      subject: 'console-users-mfa',
      status: 'not-reasonable',
      reason: 'Only two front-desk staff have console passwords, and hardware keys for them were judged too costly for a clinic of this size.',
      decidedBy: DANA,
      decidedAt: clock.daysAgo(500),
      reviewBy: ahead(45),
    },
  ];

  const answer = (
    n: number,
    attestation: string,
    value: AttestationAnswer['answer'],
    attestedDaysAgo: number,
    fields: Record<string, string>,
    attestedBy = DANA,
  ): AttestationAnswer => ({ id: `DEMO-A${n}`, attestation, answer: value, fields, attestedBy, attestedAt: clock.daysAgo(attestedDaysAgo) });

  const attestations: AttestationAnswer[] = [
    answer(1, 'aws-baa', 'yes', 60, { acceptedOn: ago(410), acceptedBy: RUTH, scope: 'account 210987654321' }),
    answer(2, 'vendor-inventory-complete', 'yes', 30, { reviewedOn: ago(30), reviewedBy: DANA, sources: 'contracts folder, card statements, SSO app list' }),
    answer(3, 'risk-analysis', 'yes', 330, { completedOn: ago(330), performedBy: 'Harbor Compliance Partners', scope: 'AWS account, clinic office, laptops' }, RUTH),
    answer(4, 'security-policies', 'yes', 150, { version: '2.1', reviewedOn: ago(150), approvedBy: RUTH }),
    answer(5, 'documentation-retention', 'yes', 150, { location: 'SharePoint compliance library', retentionYears: '7', checkedOn: ago(150), owner: DANA }),
    answer(6, 'incident-response-plan', 'yes', 100, { owner: DANA, reviewedOn: ago(100), version: '1.3' }),
    answer(7, 'breach-notification-timeline', 'yes', 100, { section: 'Plan section 6, Notification', owner: RUTH, reviewedOn: ago(100) }),
    answer(8, 'incident-contacts', 'partial', 100, {
      privacyOfficer: RUTH,
      securityOfficer: DANA,
      counsel: 'Priya Raman, Raman & Cole LLP',
      insurer: 'none yet: cyber policy quote pending',
      checkedOn: ago(100),
    }),
    // Held more than a year ago: the runner reports these as lapsed.
    answer(9, 'tabletop-exercise', 'yes', 420, { heldOn: ago(420), scenario: 'ransomware on the billing desktop', participants: 'Dana, Ruth, front desk lead', lessons: 'printed contact list; insurer hotline added' }),
    answer(10, 'penetration-test', 'yes', 380, { testedOn: ago(380), tester: 'Lakeside Security LLC', scope: 'patient portal and AWS account', openCritical: '0' }),
    answer(11, 'recovery-objectives', 'yes', 90, { rpoHours: '24', rtoHours: '8', systems: 'patient portal, records database', approvedBy: RUTH, communicatedTo: 'all staff meeting' }),
    answer(12, 'restore-test', 'no', 20, {}),
    answer(13, 'disk-encryption', 'partial', 45, { coveragePercent: '86', devices: '14', inventoryOn: ago(45), source: 'MDM compliance report' }),
    answer(14, 'mdm-remote-wipe', 'yes', 45, { product: 'Microsoft Intune', coveragePercent: '100', inventoryOn: ago(45), wipeTestedOn: ago(120) }),
  ];

  const vendor = (o: Omit<Vendor, 'recordedBy' | 'recordedAt'> & { recordedDaysAgo: number }): Vendor => {
    const { recordedDaysAgo, ...rest } = o;
    return { ...rest, recordedBy: DANA, recordedAt: clock.daysAgo(recordedDaysAgo) };
  };
  const vendors: Vendor[] = [
    vendor({
      id: 'amazon-web-services',
      name: 'Amazon Web Services',
      services: 'hosting of the patient portal, database and backups',
      phiKinds: 'all portal records',
      baaSignedOn: ago(410),
      baaLocation: 'AWS Artifact, account 210987654321',
      recordedDaysAgo: 400,
    }),
    vendor({
      id: 'clearwater-billing-services',
      name: 'Clearwater Billing Services',
      services: 'claims submission and payment posting',
      phiKinds: 'claims, insurance ids, diagnoses',
      baaSignedOn: ago(700),
      baaExpiresOn: ahead(34),
      baaLocation: 'contracts/clearwater-baa-2024.pdf',
      recordedDaysAgo: 380,
    }),
    vendor({
      id: 'northwind-transcription',
      name: 'Northwind Transcription',
      services: 'dictation transcription',
      phiKinds: 'visit notes',
      baaSignedOn: ago(200),
      baaExpiresOn: ahead(530),
      baaLocation: 'contracts/northwind-baa.pdf',
      recordedDaysAgo: 200,
    }),
    vendor({
      id: 'phonetree-reminders',
      name: 'PhoneTree Reminders',
      services: 'appointment reminder calls and texts',
      phiKinds: 'names, phone numbers, appointment times',
      recordedDaysAgo: 25,
    }),
  ];

  return { decisions, attestations, vendors };
};
