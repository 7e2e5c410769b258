/**
 * Every bullet of categories 7–12 of the source checklist (seeds/003_…), and the Virtual Machines
 * and Miscellaneous rows of the AWS checklist (seeds/000_…) that fall in these categories, mapped to
 * the checks and attestations that cover it. The test fails when a bullet has no cover, when an id
 * does not exist in the registry, or when a category's bullet count no longer matches the source.
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';

interface Bullet {
  readonly category: number;
  /** A short phrase quoted from the bullet, to find it in the source. */
  readonly phrase: string;
  readonly covered: readonly string[];
}

const SEED_003: readonly Bullet[] = [
  // 7 Vulnerability Management
  {
    category: 7,
    phrase: 'patch management is automated where possible. Critical security patches are applied within a defined SLA',
    covered: [
      'patch-baseline',
      'patch-compliance',
      'ssm-managed-instances',
      'critical-vulnerabilities-patched',
      'high-vulnerabilities-patched',
      'rds-auto-minor-upgrade',
      'lambda-supported-runtimes',
    ],
  },
  { category: 7, phrase: 'AWS Inspector or Azure Defender for Cloud is enabled', covered: ['inspector-enabled'] },
  { category: 7, phrase: 'Container images are scanned before deployment', covered: ['ecr-scan-on-push', 'container-critical-vulnerabilities'] },
  { category: 7, phrase: 'Penetration testing is conducted annually', covered: ['penetration-test'] },
  // 8 Backup and Disaster Recovery
  {
    category: 8,
    phrase: 'Automated daily backups of all databases and storage containing ePHI',
    covered: ['backup-plan', 'backup-ephi-coverage', 'rds-backup-retention', 'dynamodb-pitr', 'efs-backup-policy', 'recovery-points-encrypted', 'elasticache-backups'],
  },
  // Six years is documentation retention (§164.316(b)(2)(i), step 12); backups are checked against --backup-retention-days.
  { category: 8, phrase: 'Backup retention meets minimum 6-year HIPAA requirement', covered: ['backup-retention'] },
  { category: 8, phrase: 'Backups are stored in a separate AWS account', covered: ['backup-copy-offsite', 'backup-vault-lock'] },
  { category: 8, phrase: 'Cross-region backup replication is configured', covered: ['backup-copy-offsite', 's3-replication-ephi'] },
  { category: 8, phrase: 'Restore procedures are documented and tested at least annually', covered: ['restore-test', 'restore-testing', 'disaster-recovery-plan'] },
  { category: 8, phrase: 'Recovery Point Objective (RPO) and Recovery Time Objective (RTO) are documented', covered: ['recovery-objectives'] },
  // 9 Business Associate Management
  { category: 9, phrase: 'A current, executed BAA exists with your cloud provider', covered: ['aws-baa'] },
  { category: 9, phrase: 'BAAs exist with every third-party vendor', covered: ['vendor-baas', 'external-access-candidates'] },
  { category: 9, phrase: 'A vendor inventory is maintained', covered: ['vendor-inventory-complete', 'vendor-baas'] },
  { category: 9, phrase: 'BAA renewal dates are tracked', covered: ['vendor-baa-renewals'] },
  // 10 Security Incident Response
  { category: 10, phrase: 'A documented incident response plan exists', covered: ['incident-response-plan'] },
  { category: 10, phrase: 'breach notification timelines per HIPAA (60 days from discovery)', covered: ['breach-notification-timeline'] },
  { category: 10, phrase: 'privacy officer, legal counsel, and cyber insurance provider', covered: ['incident-contacts', 'security-contact'] },
  {
    category: 10,
    phrase: 'alerts are configured to notify the incident response team',
    covered: ['findings-routed', 'guardduty-enabled', 'guardduty-high-findings', 'securityhub-enabled', 'security-alarms'],
  },
  { category: 10, phrase: 'Tabletop exercises are conducted annually', covered: ['tabletop-exercise'] },
  // 11 Device and Workstation Security
  { category: 11, phrase: 'Encryption is enabled on all workstations and laptops', covered: ['disk-encryption', 'workspaces-encryption'] },
  { category: 11, phrase: 'Mobile Device Management (MDM) is deployed', covered: ['mdm-remote-wipe'] },
  { category: 11, phrase: 'Screen lock policies are enforced', covered: ['screen-lock'] },
  { category: 11, phrase: 'Lost or stolen device procedures are documented and tested', covered: ['lost-device-procedure'] },
  // 12 Documentation
  { category: 12, phrase: 'A written security risk analysis is conducted and documented at least annually', covered: ['risk-analysis'] },
  { category: 12, phrase: 'Security policies cover all 18 categories', covered: ['security-policies'] },
  { category: 12, phrase: 'All implemented safeguards are documented with the date of implementation', covered: ['safeguard-register'] },
  { category: 12, phrase: 'Decisions not to implement an addressable safeguard are documented', covered: ['addressable-decisions'] },
  { category: 12, phrase: 'Documentation is retained for 6 years', covered: ['documentation-retention', 'evidence-object-lock'] },
];

/** How many bullets each category has in seeds/003_8d884c1767434680.txt. */
const BULLETS_PER_CATEGORY: Readonly<Record<number, number>> = { 7: 4, 8: 6, 9: 4, 10: 5, 11: 4, 12: 5 };

const SEED_000: readonly Bullet[] = [
  { category: 7, phrase: 'Install anti-virus on your instances', covered: ['anti-malware'] },
  { category: 7, phrase: 'Regularly patch your Azure VMs', covered: ['patch-baseline', 'ssm-managed-instances', 'patch-compliance'] },
  { category: 7, phrase: 'Use CIS Hardened Images', covered: ['hardened-images'] },
  { category: 7, phrase: 'Enable File Integrity Monitoring (FIM)', covered: ['file-integrity-monitoring'] },
  { category: 8, phrase: 'Establish a data backup plan', covered: ['backup-plan', 'backup-ephi-coverage'] },
  { category: 9, phrase: 'Implement a Business Associate agreement with covered entities', covered: ['aws-baa'] },
];

describe('seed categories 7-12 map to checks and attestations', () => {
  it('lists every bullet of categories 7 to 12', () => {
    for (const [category, count] of Object.entries(BULLETS_PER_CATEGORY)) {
      expect(SEED_003.filter((b) => b.category === Number(category)), `category ${category}`).toHaveLength(count);
    }
  });

  it.each([...SEED_003, ...SEED_000].map((b) => [b.phrase, b] as const))('"%s" is covered by existing checks or attestations', async (_phrase, bullet) => {
    const registry = await loadRegistry();
    expect(bullet.covered.length).toBeGreaterThan(0);
    const unknown = bullet.covered.filter((id) => !registry.check(id) && !registry.attestation(id));
    expect(unknown, `ids not in the registry for "${bullet.phrase}"`).toEqual([]);
  });

  it('points each bullet at steps of its own category (or the integrity and audit steps they share)', async () => {
    const registry = await loadRegistry();
    for (const b of [...SEED_003, ...SEED_000]) {
      const steps = new Set(b.covered.map((id) => registry.stepOf(id)?.number));
      const allowed = new Set([b.category, 2, 3]);
      expect([...steps].filter((n) => n === undefined || !allowed.has(n)), `"${b.phrase}"`).toEqual([]);
      expect(steps.has(b.category), `"${b.phrase}" has nothing in step ${b.category}`).toBe(true);
    }
  });

  it('leaves no check or attestation of steps 7 to 12 outside the mapping', async () => {
    const registry = await loadRegistry();
    const mapped = new Set([...SEED_003, ...SEED_000].flatMap((b) => b.covered));
    // Extras that serve the categories without answering a single bullet.
    const extras = new Set([
      'unattached-volumes',
      'emergency-mode-plan',
      'rds-multi-az',
      'data-classification-tags',
      // Administrative safeguards of §164.308 no seed bullet names (issue 13).
      'security-awareness-training',
      'sanction-policy',
      'security-official',
      'periodic-evaluation',
    ]);
    const ours = registry.steps
      .filter((s) => s.number >= 7)
      .flatMap((s) => [...registry.checksOf(s.id), ...registry.attestationsOf(s.id)].map((x) => x.id));
    expect(ours.filter((id) => !mapped.has(id) && !extras.has(id))).toEqual([]);
  });
});
