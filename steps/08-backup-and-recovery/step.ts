import { defineStep } from '../../src/engine/define.js';

export default defineStep({
  id: '08-backup-and-recovery',
  number: 8,
  title: 'Backup and Disaster Recovery',
  shortTitle: 'Backup/Recovery',
  intro: [
    'Ransomware, a mistaken delete or a lost region all end the same way: either you can bring patient records back, whole and recent, or you cannot. A backup nobody has restored is a hope, not a plan, and a backup in the same account as production can be deleted by the same stolen key.',
    'HIPAA requires a data backup plan that keeps exact, retrievable copies of ePHI (§164.308(a)(7)(ii)(A)), a disaster recovery plan (§164.308(a)(7)(ii)(B)) and an emergency-mode plan (§164.308(a)(7)(ii)(C)); testing and revising those plans (§164.308(a)(7)(ii)(D)) and backing up before moving equipment (§164.310(d)(2)(iv)) are addressable. Backups are checked against 35 days by default (--backup-retention-days), long enough to go back past damage found weeks later; the six-year period of §164.316(b)(2)(i) applies to documentation, not to backups, and is asked about in the documentation step.',
    'This step reads AWS Backup (plans, what they cover, copies to another account or region, vaults, recovery points, restore tests) and the backup settings of RDS, DynamoDB, EFS and S3. Your recovery objectives and your last tested restore are things you attest to.',
  ].join('\n\n'),
  hipaa: [
    { section: '164.308(a)(7)', obligation: 'required' },
    { section: '164.308(a)(7)(ii)(A)', obligation: 'required' },
    { section: '164.308(a)(7)(ii)(B)', obligation: 'required' },
    { section: '164.308(a)(7)(ii)(C)', obligation: 'required' },
    { section: '164.308(a)(7)(ii)(D)', obligation: 'addressable' },
    { section: '164.310(d)(2)(iv)', obligation: 'addressable' },
  ],
  hitrust: ['09.l', '12.c', '12.e'],
});
