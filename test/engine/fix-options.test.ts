/**
 * A fix's option values are checked against the schema the fix declares (src/schemas/options.ts)
 * before plan() runs, from the command line and from a saved plan alike: a value outside it is
 * refused with one sentence, never read as something else ("maybe" used to mean "no" for a yes-or-no
 * option that compared with "yes").
 */
import { describe, expect, it } from 'vitest';
import { buildDemoState } from '../../src/demo/account.js';
import { makePlan, resolveOptions } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { ctx, NOW } from '../helpers/state.js';

const registry = await loadRegistry();
const def = (id: string) => {
  const d = registry.remediation(id);
  if (!d) throw new Error(`no fix ${id}`);
  return d;
};

describe('option values', () => {
  it.each([
    ['cancel-key-deletion', 'enable', 'maybe', 'The fix cancel-key-deletion cannot be planned: its enable option must be yes or no, not "maybe".'],
    ['s3-encryption-kms', 'create-key', 'true', 'The fix s3-encryption-kms cannot be planned: its create-key option must be yes or no, not "true".'],
    ['config-hipaa-pack', 'pack', 'everywhere', 'The fix config-hipaa-pack cannot be planned: its pack option must be home, all or none, not "everywhere".'],
    ['cloudtrail-trail', 'object-lock', 'strict', 'The fix cloudtrail-trail cannot be planned: its object-lock option must be governance, compliance or none, not "strict".'],
    ['mfa-enforcement-policy', 'key-users', 'all', 'The fix mfa-enforcement-policy cannot be planned: its key-users option must be skip or add, not "all".'],
    ['security-contact', 'email', 'security-team', 'The fix security-contact cannot be planned: its email option must be an e-mail address, not "security-team".'],
    ['security-alarms', 'email', 'ops at clinic', 'The fix security-alarms cannot be planned: its email option must be an e-mail address, not "ops at clinic".'],
    ['rds-backup-retention', 'days', 'two weeks', 'The fix rds-backup-retention cannot be planned: its days option must be a whole number from 7 to 35, not "two weeks".'],
  ])('%s refuses %s=%s', (fix, name, value, sentence) => {
    expect(() => resolveOptions(def(fix), { [name]: value })).toThrow(sentence);
  });

  it('accepts the values each option names, and fills in the defaults', () => {
    expect(resolveOptions(def('cancel-key-deletion'), { enable: 'no' })).toEqual({ enable: 'no' });
    expect(resolveOptions(def('config-hipaa-pack'), { pack: 'all' })).toMatchObject({ pack: 'all' });
    expect(resolveOptions(def('security-contact'), { email: 'security@maple.example', phone: '+1-555-0100' })).toMatchObject({ email: 'security@maple.example' });
    expect(resolveOptions(def('ssm-patch-baseline'))).toMatchObject({ install: 'yes' });
  });

  it('every default a fix declares passes its own schema', () => {
    for (const d of registry.remediations) expect(() => resolveOptions(d), d.id).not.toThrow();
  });

  it('a plan is refused before plan() runs, so nothing is planned from a bad value', () => {
    expect(() => makePlan(registry, 's3-encryption-kms', buildDemoState(NOW), ctx({}), { options: { 'create-key': 'maybe' } })).toThrow(/its create-key option must be yes or no, not "maybe"/);
  });
});
