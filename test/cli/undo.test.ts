/** `hipaa-wizard undo ENTRY`: the built binary over a records folder holding journal entries. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendRecord } from '../../src/records/store.js';
import { ensureBuilt, runCli, workDir } from '../helpers/built-cli.js';

beforeAll(() => ensureBuilt(), 240_000);

const deleteLogin = {
  effect: '-',
  service: 'iam',
  command: 'DeleteLoginProfile',
  input: { UserName: 'old-contractor' },
  region: 'us-east-1',
  resource: 'console password of IAM user old-contractor',
  summary: 'Remove the console password of IAM user old-contractor (last used 163 days ago).',
  reversible: false,
  irreversibleBecause: 'IAM cannot give the old password back',
};

describe('undo', () => {
  it('says plainly when the change cannot be undone, and changes nothing', async () => {
    const cwd = workDir();
    const records = join(cwd, 'hipaa-records');
    await appendRecord(records, 'journal', { operation: 'apply', remediation: 'deactivate-stale-access-keys', title: 'T', actions: [deleteLogin], results: [{ index: 0, status: 'done' }], stateAfter: { global: {}, regional: {} } }, 'dana');
    const r = await runCli(['undo', 'J-0001', '--region', 'us-east-1'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'J-0001 cannot be undone: "Remove the console password of IAM user old-contractor (last used 163 days ago)" cannot be undone: IAM cannot give the old password back.\n',
    );
  });

  it('refuses an undo a later entry stands in the way of, naming that entry to undo first', async () => {
    const cwd = workDir();
    const records = join(cwd, 'hipaa-records');
    const groups = (ingress: unknown[]) => ({ global: {}, regional: { 'us-east-1': { 'ec2.securityGroups': { ok: true, value: [{ id: 'sg-db', name: 'portal-db', ingress, egress: [] }] } } } });
    const open = { protocol: 'tcp', fromPort: 5432, toPort: 5432, ipv4: ['0.0.0.0/0'], ipv6: [], groups: [], prefixLists: [] };
    const revoke = { effect: '-', service: 'ec2', command: 'RevokeSecurityGroupIngress', input: { GroupId: 'sg-db' }, region: 'us-east-1', resource: 'security group sg-db', summary: 'Revoke.', reversible: true, undo: [{ service: 'ec2', command: 'AuthorizeSecurityGroupIngress', input: { GroupId: 'sg-db' }, region: 'us-east-1' }] };
    for (let i = 0; i < 2; i++) {
      await appendRecord(records, 'journal', { operation: 'apply', outcome: 'applied', remediation: 'revoke-open-ingress', title: 'T', actions: [revoke], results: [{ index: 0, status: 'done' }], stateBefore: groups([open]), stateAfter: groups([]) }, 'dana');
    }
    const r = await runCli(['undo', 'J-0001', '--region', 'us-east-1'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('J-0001 cannot be undone yet: J-0002 (revoke-open-ingress) changed sg-db (ec2.securityGroups) in us-east-1 again after it');
    expect(r.stderr).toContain('Undo J-0002 first, then J-0001.');
  });

  it('names the latest entry when the one asked for does not exist', async () => {
    const cwd = workDir();
    await appendRecord(join(cwd, 'hipaa-records'), 'journal', { operation: 'apply', remediation: 'x', actions: [], results: [] }, 'dana');
    const r = await runCli(['undo', 'J-0042'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('hipaa-wizard: There is no journal entry "J-0042". The latest is J-0001.\n');
  });

  it('says so when nothing was ever applied from this records folder', async () => {
    const r = await runCli(['undo', 'J-0001']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no journal entries');
  });

  it('never runs on the demo account', async () => {
    const r = await runCli(['undo', 'J-0001', '--demo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('undo changes a live AWS account, so it never runs on the demo account');
    expect(r.stderr).not.toContain('plan J-0001');
    expect(r.stderr).toContain('the demo changes nothing, so it has no journal entry to take back.');
  });

  it('on a snapshot, points at the live account rather than at a plan that does not exist', async () => {
    const r = await runCli(['undo', 'J-0001', '--snapshot', 'some.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('plan J-0001');
    expect(r.stderr).toContain('run it without --snapshot, against the live account whose journal holds J-0001.');
  });
});
