/**
 * Anchors, evidence that travels with the records folder, and what `records list` calls each entry —
 * through the built command the way an auditor would run it, and the S3 anchor store against the
 * SDK client with S3's real responses.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, GetObjectLockConfigurationCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAnchorsS3, parseS3Url, putAnchorS3 } from '../../src/aws/anchors.js';
import { ClientFactory } from '../../src/aws/clients.js';
import { anchorOf, checkAnchors, parseAnchorsFile } from '../../src/records/anchor.js';
import { appendRecord, headPath, readRecords } from '../../src/records/store.js';
import { ensureBuilt, isolatedEnv, runCli, workDir } from '../helpers/built-cli.js';
import { registerLines, tempRecordsDir, writeLines } from './helpers.js';

const vendor = (id: string) => ({ id, name: `Vendor ${id}`, services: 'hosting', phiKinds: 'lab results' });

async function threeEntries(dir: string) {
  for (const id of ['a', 'b', 'c']) await appendRecord(dir, 'vendor', vendor(id), 'dana');
  return (await readRecords(dir)).entries;
}

describe('anchors (pure)', () => {
  it('catch the last entries deleted together with the head file, which the chain alone cannot', async () => {
    const dir = tempRecordsDir();
    const entries = await threeEntries(dir);
    const anchor = anchorOf(entries, dir, 'auditor', new Date('2026-12-01T00:00:00Z'));
    expect(anchor).toMatchObject({ seq: 3, id: entries[2]!.id, hash: entries[2]!.hash });

    // Cut the last entry and the head file: the chain still verifies on its own.
    writeLines(dir, registerLines(dir).slice(0, 2));
    rmSync(headPath(dir));
    const after = await readRecords(dir);
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);

    const problems = checkAnchors(after.entries, parseAnchorsFile(`${JSON.stringify(anchor)}\n`, 'anchors.jsonl'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(`(${entries[2]!.id}, seq 3, anchors.jsonl line 1) is no longer in the register`);
  });

  it('catch an anchored entry rewritten with a new chain after it', async () => {
    const dir = tempRecordsDir();
    const entries = await threeEntries(dir);
    const anchor = { ...anchorOf(entries, dir, 'auditor', new Date()), hash: 'a'.repeat(64) };
    const problems = checkAnchors(entries, [{ anchor, from: 'x' }]);
    expect(problems[0]!.message).toMatch(/differs from the one anchored .* so the register was rewritten/);
  });

  it('refuse a line that is not an anchor, naming it', () => {
    expect(() => parseAnchorsFile('{"seq":1}\n', 'a.jsonl')).toThrow('a.jsonl line 1 is not an anchor written by hipaa-wizard');
    expect(() => parseAnchorsFile(`\n${JSON.stringify({ format: 'hipaa-wizard-anchor/1', seq: '3', hash: 'abc' })}\n`, 'a.jsonl')).toThrow(
      'a.jsonl line 2 is not a valid anchor: seq must be a positive whole number; hash must be a SHA-256 in hex.',
    );
  });
});

describe('anchors in S3, under Object Lock', () => {
  const s3 = mockClient(S3Client);
  beforeEach(() => s3.reset());
  afterEach(() => s3.reset());
  const loc = parseS3Url('s3://clinic-audit-anchors/hipaa/')!;
  const anchor = { format: 'hipaa-wizard-anchor/1' as const, seq: 7, id: 'D-0007', hash: 'b'.repeat(64), anchoredAt: '2026-12-05T00:00:00.000Z', anchoredBy: 'auditor', register: '/r/register.jsonl' };

  it('writes once, in COMPLIANCE mode until the retention date, to a bucket with Object Lock', async () => {
    s3.on(GetObjectLockConfigurationCommand).resolves({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } });
    s3.on(PutObjectCommand).resolves({ ETag: '"x"' });
    const until = new Date('2032-12-05T00:00:00Z');
    const out = await putAnchorS3(new ClientFactory(), 'us-east-1', loc, anchor, until);
    expect(out).toEqual({ key: `hipaa/register-head-000007-${'b'.repeat(16)}.json`, existed: false });
    const input = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ Bucket: 'clinic-audit-anchors', IfNoneMatch: '*', ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: until, ChecksumAlgorithm: 'SHA256' });
    expect(JSON.parse(String(input.Body))).toEqual(anchor);
  });

  it('refuses a bucket without Object Lock, saying why, and writes nothing', async () => {
    s3.on(GetObjectLockConfigurationCommand).rejects(
      new S3ServiceException({ name: 'ObjectLockConfigurationNotFoundError', $fault: 'client', $metadata: { httpStatusCode: 404 }, message: 'Object Lock configuration does not exist for this bucket' }),
    );
    await expect(putAnchorS3(new ClientFactory(), 'us-east-1', loc, anchor, new Date())).rejects.toThrow(/does not have Object Lock enabled, so whoever controls it could delete the anchor/);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('takes the same head anchored twice as already there (the conditional write is refused)', async () => {
    s3.on(GetObjectLockConfigurationCommand).resolves({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } });
    s3.on(PutObjectCommand).rejects(new S3ServiceException({ name: 'PreconditionFailed', $fault: 'client', $metadata: { httpStatusCode: 412 }, message: 'At least one of the pre-conditions you specified did not hold' }));
    expect((await putAnchorS3(new ClientFactory(), 'us-east-1', loc, anchor, new Date())).existed).toBe(true);
  });

  it('reads every anchor back from the prefix, across pages', async () => {
    // The part of the SDK's streaming body that the reader uses.
    const body = (a: object) => ({ transformToString: async () => `${JSON.stringify(a)}\n` });
    s3.on(ListObjectsV2Command, { ContinuationToken: undefined }).resolves({ IsTruncated: true, NextContinuationToken: 't1', Contents: [{ Key: 'hipaa/register-head-000007-x.json' }] });
    s3.on(ListObjectsV2Command, { ContinuationToken: 't1' }).resolves({ IsTruncated: false, Contents: [{ Key: 'hipaa/register-head-000009-y.json' }] });
    s3.on(GetObjectCommand, { Key: 'hipaa/register-head-000007-x.json' }).resolves({ Body: body(anchor) as never });
    s3.on(GetObjectCommand, { Key: 'hipaa/register-head-000009-y.json' }).resolves({ Body: body({ ...anchor, seq: 9, id: 'D-0009' }) as never });
    const got = await listAnchorsS3(new ClientFactory(), 'us-east-1', loc);
    expect(got.map((g) => [g.anchor.seq, g.from])).toEqual([
      [7, 's3://clinic-audit-anchors/hipaa/register-head-000007-x.json'],
      [9, 's3://clinic-audit-anchors/hipaa/register-head-000009-y.json'],
    ]);
  });
});

describe('the records commands an auditor runs', () => {
  beforeAll(() => ensureBuilt(), 240_000);

  it('records anchor, then records verify --anchors after the tail was cut: exit 1, naming the anchored entry', async () => {
    const cwd = workDir();
    const dir = join(cwd, 'hipaa-records');
    const entries = await threeEntries(dir);
    const anchors = join(cwd, 'auditor-anchors.jsonl');
    const made = await runCli(['records', 'anchor', '--records', dir, '--to', anchors, '--by', 'auditor'], { cwd });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`Anchored ${entries[2]!.id} (seq 3`);

    const fine = await runCli(['records', 'verify', '--records', dir, '--anchors', anchors], { cwd });
    expect(fine.code).toBe(0);
    expect(fine.stdout).toContain('all 1 anchored head is still in the register, unchanged');

    writeLines(dir, registerLines(dir).slice(0, 2));
    rmSync(headPath(dir));
    const chainOnly = await runCli(['records', 'verify', '--records', dir], { cwd });
    expect(chainOnly.code).toBe(0);
    const cut = await runCli(['records', 'verify', '--records', dir, '--anchors', anchors], { cwd });
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain(`The head anchored on 2026-11-24 (${entries[2]!.id}, seq 3, ${anchors} line 1) is no longer in the register`);
  });

  it('evidence recorded from one folder verifies from another; a changed file fails verify, named; a web address is kept as evidence', async () => {
    const cwd = workDir();
    mkdirSync(join(cwd, 'policies'));
    writeFileSync(join(cwd, 'policies', 'mfa.txt'), 'Every console user signs in with MFA.\n');
    const env = isolatedEnv({ HIPAA_WIZARD_USER: 'dana' });
    const decided = await runCli(
      ['decide', 'console-users-mfa', '--status', 'implemented', '--reason', 'Enforced by the identity provider for every console user.', '--evidence', 'policies/mfa.txt', '--evidence', 'https://wiki.example.com/security/mfa', '--records', 'hipaa-records', '--all-accounts'],
      { cwd, env },
    );
    expect(decided.stderr).toBe('');
    expect(decided.code).toBe(0);

    const elsewhere = workDir();
    const fromElsewhere = await runCli(['records', 'verify', '--records', join(cwd, 'hipaa-records')], { cwd: elsewhere, env });
    expect(fromElsewhere.code).toBe(0);
    expect(fromElsewhere.stdout).not.toContain('evidence');
    const shown = await runCli(['records', 'show', 'D-0001', '--records', join(cwd, 'hipaa-records')], { cwd: elsewhere, env });
    expect(shown.stdout).toContain('"url": "https://wiki.example.com/security/mfa"');
    expect(shown.stdout).toContain('"base": "records"');

    writeFileSync(join(cwd, 'policies', 'mfa.txt'), 'Console users may skip MFA.\n');
    const changed = await runCli(['records', 'verify', '--records', join(cwd, 'hipaa-records')], { cwd: elsewhere, env });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/The evidence file "[^"]*policies\/mfa\.txt" of D-0001 has changed since it was recorded/);
  });

  it('records list says what each decision is: current, superseded by which entry', async () => {
    const cwd = workDir();
    const env = isolatedEnv({ HIPAA_WIZARD_USER: 'dana' });
    const decide = (reason: string) => runCli(['decide', 'console-users-mfa', '--status', 'implemented', '--reason', reason, '--records', 'hipaa-records', '--all-accounts'], { cwd, env });
    await decide('Enforced by the identity provider for every console user.');
    await decide('Enforced by IAM Identity Center for every console user now.');
    const listed = await runCli(['records', 'list', '--records', 'hipaa-records'], { cwd, env });
    expect(listed.stdout).toMatch(/D-0001 .*\[superseded by D-0002\]/);
    expect(listed.stdout).toMatch(/D-0002 .*\[current\]/);
  });
});
