/** `hipaa-wizard snapshot` and `scan --snapshot`: a saved account reads back to the same findings; bad files get one clear sentence. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, workDir } from '../helpers/built-cli.js';

beforeAll(() => ensureBuilt(), 240_000);

interface JsonScan {
  mode: string;
  stateSha256: string;
  findings: { id: string; kind: string; step: string }[];
}

/** Step 1's check findings: they depend on the account state alone (no records), so they must match exactly. */
const stepOneChecks = (scan: JsonScan) => scan.findings.filter((f) => f.kind === 'check' && f.step === '01-access-controls');

describe('snapshot round trip', () => {
  it('saves the demo account and scanning the file gives the same findings', async () => {
    const dir = workDir();
    const saved = await runCli(['snapshot', '--demo', '-o', 'account.json'], { cwd: dir });
    expect(saved.code).toBe(0);
    expect(saved.stderr).toMatch(/Saved \d+ slices of account 210987654321 \(2 regions\) to account\.json\./);
    const file = JSON.parse(readFileSync(join(dir, 'account.json'), 'utf8')) as { formatVersion: number; identity: { accountId: string } };
    expect(file.formatVersion).toBe(1);
    expect(file.identity.accountId).toBe('210987654321');
    const fromDemo = await runCli(['scan', '--demo', '--format', 'json'], { cwd: dir });
    const fromFile = await runCli(['scan', '--snapshot', 'account.json', '--format', 'json'], { cwd: dir });
    const demoScan = JSON.parse(fromDemo.stdout) as JsonScan;
    const fileScan = JSON.parse(fromFile.stdout) as JsonScan;
    expect(fileScan.mode).toBe('snapshot');
    // The same state (the demo also layers its sample records, which a snapshot does not carry)…
    expect(fileScan.stateSha256).toBe(demoScan.stateSha256);
    // …and so the same findings wherever only the state decides.
    expect(stepOneChecks(fileScan).length).toBeGreaterThanOrEqual(16);
    // The demo's sample register adds one sentence to console-users-mfa (its refused DEMO-D6 decision):
    // compare the findings without their messages, then each message as the state alone writes it.
    const bare = (scan: JsonScan) => stepOneChecks(scan).map((f) => ({ ...f, message: undefined }));
    expect(bare(fileScan)).toEqual(bare(demoScan));
    const demoMessages = new Map(stepOneChecks(demoScan).map((f) => [f.id, (f as { message?: string }).message ?? '']));
    for (const f of stepOneChecks(fileScan)) expect(demoMessages.get(f.id)?.startsWith((f as { message?: string }).message ?? ''), f.id).toBe(true);
    expect(demoMessages.get('console-users-mfa')).toContain('The decision DEMO-D6 (not-reasonable, by Dana Okafor) is refused');
  });
});

describe('bad snapshot files', () => {
  const envelope = {
    formatVersion: 1,
    tool: { name: 'hipaa-wizard', version: '0.1.0' },
    collectedAt: '2026-11-24T12:00:00.000Z',
    identity: { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/t', partition: 'aws' },
    homeRegion: 'us-east-1',
    regions: ['us-east-1'],
    global: {},
    regional: {},
  };
  const scanFile = async (text: string) => {
    const dir = workDir();
    writeFileSync(join(dir, 'bad.json'), text);
    return runCli(['scan', '--snapshot', 'bad.json'], { cwd: dir });
  };

  it('names invalid JSON', async () => {
    const r = await scanFile('{"formatVersion": 1, ');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hipaa-wizard: The snapshot bad\.json cannot be read: it is not valid JSON/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('names a newer format version', async () => {
    const r = await scanFile(JSON.stringify({ formatVersion: 7, identity: { accountId: '1' }, homeRegion: 'us-east-1', regions: [], global: {}, regional: {} }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json was written in snapshot format 7 by a newer hipaa-wizard; this version reads format 1\. Upgrade hipaa-wizard/);
  });

  it('names a malformed slice', async () => {
    const r = await scanFile(
      JSON.stringify({ ...envelope, global: { 'iam.passwordPolicy': { value: null } } }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hipaa-wizard: The snapshot bad\.json is not a hipaa-wizard snapshot: global\["iam\.passwordPolicy"\] must be \{"ok": true/);
  });

  it('names the field with the wrong type and leaves the file as it was', async () => {
    const dir = workDir();
    const text = JSON.stringify({ ...envelope, regions: ['us-east-1', 'us-west-2', 7] });
    writeFileSync(join(dir, 'bad.json'), text);
    const r = await runCli(['scan', '--snapshot', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('hipaa-wizard: The snapshot bad.json is not a hipaa-wizard snapshot: regions[2] must be text.');
    expect(readFileSync(join(dir, 'bad.json'), 'utf8')).toBe(text);
  });

  it('names a missing file', async () => {
    const r = await runCli(['scan', '--snapshot', 'nowhere.json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('hipaa-wizard: Cannot read the snapshot nowhere.json: no such file.');
  });
});
