/** The real built executable in plain mode: answers piped on stdin, and no stdin at all. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, isolatedEnv, workDir } from '../helpers/built-cli.js';

function run(args: string[], input: string | null, cwd = workDir()): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: isolatedEnv({ HIPAA_WIZARD_USER: 'dana.okafor' }),
      stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== null) child.stdin?.end(input);
  });
}

describe('plain mode of the built executable', () => {
  it('takes piped answers: runs step 1, records a decision, finishes', { timeout: 240_000 }, async () => {
    ensureBuilt();
    // access-analyzer cites §164.308(a)(4), required: "alternative" is not offered, so the first answer is refused and asked again.
    const answers = ['run', 'decide', 'alternative', 'risk-accepted', 'Analyzers run in the regions that hold patient data; us-west-2 holds none yet.', 'dana.okafor', '2027-06-30', 'finish', ''].join('\n');
    const { code, stdout, stderr } = await run(['--plain', '--demo', '--records', 'records'], answers);
    expect(stderr).toBe('');
    expect(stdout).toContain('? Step 1: what now?');
    expect(stdout).toMatch(/FAIL\s+IAM Access Analyzer watches every region/);
    expect(stdout).toContain('"alternative" is not one of the choices');
    expect(stdout).toContain('is a required specification, so "not-reasonable" and "alternative" are not offered');
    expect(stdout).toMatch(/Decision recorded in \S+records\./);
    expect(stdout).toContain('Now: ACCEPTED.');
    expect(stdout).toContain('Summary');
    expect(code).toBe(0);
  });

  it('on the demo, without --records, records in hipaa-records-demo (never a real register), scoped to the demo account', { timeout: 240_000 }, async () => {
    ensureBuilt();
    const cwd = workDir();
    const answers = ['run', 'decide', 'risk-accepted', 'Analyzers run in the regions that hold patient data; us-west-2 holds none yet.', 'dana.okafor', '2027-06-30', 'finish', ''].join('\n');
    const { code, stdout } = await run(['--plain', '--demo'], answers, cwd);
    expect(code).toBe(0);
    expect(stdout).toContain(`Decision recorded in ${join(cwd, 'hipaa-records-demo')}.`);
    expect(existsSync(join(cwd, 'hipaa-records'))).toBe(false);
    const lines = readFileSync(join(cwd, 'hipaa-records-demo', 'register.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).body)).toEqual([expect.objectContaining({ subject: 'access-analyzer', status: 'risk-accepted', scope: { accounts: ['210987654321'] } })]);
  });

  it('with no stdin prints the scan and the commands that answer, and exits', { timeout: 240_000 }, async () => {
    ensureBuilt();
    const { code, stdout } = await run(['--demo'], null);
    expect(stdout).toContain('No answers on standard input, so here is the scan.');
    expect(stdout).toMatch(/\d+ findings: \d+ fail/);
    expect(stdout).toMatch(/hipaa-wizard decide \S+ --status/);
    expect(code).toBe(1);
  });
});
