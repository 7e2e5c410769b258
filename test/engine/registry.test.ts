/** The registry refuses, with a message naming the file and the problem, every inconsistency it guards against. */
import { describe, expect, it } from 'vitest';
import { defineCheck, defineRemediation, defineStep } from '../../src/engine/define.js';
import type { CheckDef } from '../../src/engine/model.js';
import { passed } from '../../src/engine/outcome.js';
import { buildRegistry, loadRegistry, RegistryError, type RegistryInput } from '../../src/engine/registry.js';
import type { GlobalKey } from '../../src/engine/state.js';

const step = defineStep({ id: '01-access-controls', number: 1, title: 'Access Controls', intro: 'x', hipaa: [], hitrust: [] });

const check = (o: Partial<CheckDef> = {}): CheckDef =>
  defineCheck({
    id: 'root-mfa',
    title: 'Root MFA',
    severity: 'critical',
    hipaa: { section: '164.312(d)', obligation: 'required' },
    hitrust: ['01.j'],
    permissions: ['iam:GetAccountSummary'],
    needs: { global: ['iam.accountSummary'] },
    why: 'why',
    evaluate: () => passed('fine'),
    ...o,
  });

const input = (o: Partial<RegistryInput> = {}): RegistryInput => ({
  steps: [{ file: 'steps/01-access-controls/step.ts', folder: '01-access-controls', def: step }],
  checks: [{ file: 'steps/01-access-controls/checks/root-mfa.ts', folder: '01-access-controls', def: check() }],
  attestations: [],
  remediations: [],
  collectorServices: ['iam'],
  ...o,
});

function problemsOf(i: RegistryInput): string[] {
  try {
    buildRegistry(i);
  } catch (e) {
    if (e instanceof RegistryError) return [...e.problems];
    throw e;
  }
  return [];
}

describe('buildRegistry', () => {
  it('accepts a consistent set', () => {
    const r = buildRegistry(input());
    expect(r.check('root-mfa')?.title).toBe('Root MFA');
    expect(r.findStep('1')?.id).toBe('01-access-controls');
    expect(r.findStep('access-controls')?.id).toBe('01-access-controls');
  });

  it('refuses a duplicate id', () => {
    const problems = problemsOf(
      input({
        checks: [
          { file: 'steps/01-access-controls/checks/root-mfa.ts', folder: '01-access-controls', def: check() },
          { file: 'steps/02-audit/checks/root-mfa.ts', folder: '01-access-controls', def: check() },
        ],
      }),
    );
    expect(problems).toEqual(['steps/02-audit/checks/root-mfa.ts: duplicate finding id "root-mfa" (also in steps/01-access-controls/checks/root-mfa.ts)']);
  });

  it('refuses an id that differs from its file name', () => {
    const problems = problemsOf(input({ checks: [{ file: 'steps/01-access-controls/checks/root-mfa-v2.ts', folder: '01-access-controls', def: check() }] }));
    expect(problems).toEqual(['steps/01-access-controls/checks/root-mfa-v2.ts: id "root-mfa" differs from its file name "root-mfa-v2"']);
  });

  it('refuses a malformed HIPAA citation', () => {
    const problems = problemsOf(input({ checks: [{ file: 'steps/01-access-controls/checks/root-mfa.ts', folder: '01-access-controls', def: check({ hipaa: { section: '§164.312 (d)', obligation: 'required' } }) }] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/root-mfa\.ts: malformed HIPAA citation: "§164\.312 \(d\)" is not a HIPAA section reference/);
  });

  it('refuses a citation that states the wrong obligation', () => {
    const problems = problemsOf(
      input({ checks: [{ file: 'steps/01-access-controls/checks/root-mfa.ts', folder: '01-access-controls', def: check({ hipaa: { section: '164.312(a)(2)(iv)', obligation: 'required' } }) }] }),
    );
    expect(problems[0]).toMatch(/§164\.312\(a\)\(2\)\(iv\) \(Encryption and decryption\) is addressable in HIPAA, but it is declared required/);
  });

  it('takes a check that declares no IAM permissions of its own (they come from the slices it reads), but refuses a malformed one', () => {
    expect(problemsOf(input({ checks: [{ file: 'steps/01-access-controls/checks/root-mfa.ts', folder: '01-access-controls', def: check({ permissions: [] }) }] }))).toEqual([]);
    const problems = problemsOf(input({ checks: [{ file: 'steps/01-access-controls/checks/root-mfa.ts', folder: '01-access-controls', def: check({ permissions: ['GetAccountSummary'] }) }] }));
    expect(problems).toEqual(['steps/01-access-controls/checks/root-mfa.ts: "GetAccountSummary" is not an IAM action like "iam:GetAccountSummary"']);
  });

  it('lets a check that reads only the records folder declare no IAM permissions, and no other', () => {
    const recordsOnly = check({ id: 'vendor-baas', permissions: [], needs: {} });
    expect(problemsOf(input({ checks: [{ file: 'steps/01-access-controls/checks/vendor-baas.ts', folder: '01-access-controls', def: recordsOnly }] }))).toEqual([]);
    const claims = check({ id: 'vendor-baas', permissions: ['iam:ListUsers'], needs: {} });
    expect(problemsOf(input({ checks: [{ file: 'steps/01-access-controls/checks/vendor-baas.ts', folder: '01-access-controls', def: claims }] }))).toEqual([
      'steps/01-access-controls/checks/vendor-baas.ts: declares IAM permissions but reads no account data',
    ]);
  });

  it('refuses a slice no collector file fills', () => {
    const problems = problemsOf(
      input({
        checks: [
          {
            file: 'steps/01-access-controls/checks/root-mfa.ts',
            folder: '01-access-controls',
            def: check({ needs: { global: ['quantum.entanglement' as GlobalKey] } }),
          },
        ],
      }),
    );
    expect(problems).toEqual(['steps/01-access-controls/checks/root-mfa.ts: needs "quantum.entanglement" but there is no collector src/aws/collectors/quantum.ts']);
  });

  it('refuses a remediation that fixes a check that does not exist', () => {
    const fix = defineRemediation({ id: 'root-keys', title: 'x', fixes: ['root-access-keys'], permissions: ['iam:DeleteAccessKey'], plan: () => [] });
    const problems = problemsOf(input({ remediations: [{ file: 'remediations/root-keys.ts', def: fix }] }));
    expect(problems).toEqual(['remediations/root-keys.ts: fixes "root-access-keys", which is not a check']);
  });
});

describe('the built-in registry', () => {
  it('loads, and step 1 holds every access-control check and attestation', async () => {
    const r = await loadRegistry();
    const ids = r.checksOf('01-access-controls').map((c) => c.id);
    for (const id of [
      'root-mfa',
      'root-access-keys',
      'root-recent-use',
      'password-policy-strength',
      'password-policy-rotation',
      'console-users-mfa',
      'access-key-age',
      'unused-credentials',
      'admin-star-policies',
      'users-via-groups',
      'access-analyzer',
      'session-duration',
      'secrets-rotation',
      'imdsv2-required',
      'external-identities',
      'shared-user-names',
    ]) {
      expect(ids).toContain(id);
    }
    expect(r.attestationsOf('01-access-controls').map((a) => a.id).sort()).toEqual(['access-reviews', 'automatic-logoff', 'emergency-access', 'unique-logins']);
  });
});

describe('citations of the shipped checks (issue 13)', () => {
  it('cites restore testing as §164.308(a)(7)(ii)(D), addressable, not integrity §164.312(c)(1)', async () => {
    const registry = await loadRegistry();
    expect(registry.check('restore-testing')?.hipaa).toEqual({ section: '164.308(a)(7)(ii)(D)', obligation: 'addressable' });
  });

  it('cites the TLS and HTTPS checks as transmission encryption §164.312(e)(2)(ii), addressable', async () => {
    const registry = await loadRegistry();
    for (const id of ['s3-tls-only', 'elb-https-only', 'cloudfront-viewer-https', 'cloudfront-origin-https']) {
      expect(registry.check(id)?.hipaa, id).toEqual({ section: '164.312(e)(2)(ii)', obligation: 'addressable' });
    }
  });
});

describe('administrative attestations (issue 13)', () => {
  it('asks about training, sanctions, the security official, disaster recovery, emergency mode and evaluation, each cited with its flag and a yearly validity', async () => {
    const registry = await loadRegistry();
    const expected: [string, string, string][] = [
      ['security-awareness-training', '164.308(a)(5)', '12-documentation'],
      ['sanction-policy', '164.308(a)(1)(ii)(C)', '12-documentation'],
      ['security-official', '164.308(a)(2)', '12-documentation'],
      ['disaster-recovery-plan', '164.308(a)(7)(ii)(B)', '08-backup-and-recovery'],
      ['emergency-mode-plan', '164.308(a)(7)(ii)(C)', '08-backup-and-recovery'],
      ['periodic-evaluation', '164.308(a)(8)', '12-documentation'],
    ];
    for (const [id, section, step] of expected) {
      const att = registry.attestation(id);
      expect(att?.hipaa, id).toEqual({ section, obligation: 'required' });
      expect(att?.validForDays, id).toBe(365);
      expect(registry.stepOf(id)?.id, id).toBe(step);
      expect(att?.why, id).toContain(`§${section}`);
    }
    // The training standard is required; its four specifications are addressable, and the text says so.
    expect(registry.attestation('security-awareness-training')?.why).toContain('are addressable, so a topic you leave out needs a documented reason');
  });
});

describe('breach notification text (issue 13)', () => {
  it('states the individual, media and HHS deadlines of §164.404, §164.406 and §164.408', async () => {
    const registry = await loadRegistry();
    const why = registry.attestation('breach-notification-timeline')?.why ?? '';
    expect(why).toContain('More than 500 affected residents of one state or jurisdiction also means notifying prominent media there within 60 days (§164.406).');
    expect(why).toContain('HHS is told within 60 days when 500 or more people are affected in total; a smaller breach goes into a yearly log sent to HHS within 60 days after the end of the calendar year (§164.408).');
    expect(why).not.toMatch(/HHS at once/);
  });
});
