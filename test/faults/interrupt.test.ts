/**
 * Ctrl-C during a scan, on the real binary: an endpoint on 127.0.0.1 answers the start-up calls
 * (who am I, which regions) and then never answers, so the scan is busy reading when SIGINT comes.
 * The run must end at once with exit code 130 and one sentence, no stack, no half-written report.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, isolatedEnv, workDir } from '../helpers/built-cli.js';

const RID = '00000000-0000-4000-8000-000000000000';
let server: Server;
let url = '';
const seen: string[] = [];
let onHang: (() => void) | undefined;

beforeAll(async () => {
  ensureBuilt();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const action = new URLSearchParams(body).get('Action') ?? String(req.headers['x-amz-target'] ?? `${req.method} ${req.url}`);
      seen.push(action);
      const xml = (status: number, text: string) => {
        res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': RID });
        res.end(text);
      };
      if (action === 'GetCallerIdentity') {
        return xml(
          200,
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/scanner</Arn><UserId>AIDASCANNER</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${RID}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
      }
      if (action === 'ListAccountAliases') {
        return xml(
          200,
          `<ListAccountAliasesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListAccountAliasesResult><AccountAliases/><IsTruncated>false</IsTruncated></ListAccountAliasesResult><ResponseMetadata><RequestId>${RID}</RequestId></ResponseMetadata></ListAccountAliasesResponse>`,
        );
      }
      if (action === 'DescribeRegions') {
        return xml(
          200,
          `<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${RID}</requestId><regionInfo><item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item></regionInfo></DescribeRegionsResponse>`,
        );
      }
      // Every read of the scan itself: never answered (a very slow AWS).
      onHang?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 240_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('Ctrl-C during a scan', () => {
  it('exits at once with 130 and one sentence, and prints no partial report', async () => {
    const env = isolatedEnv({ AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake-secret-key' });
    const child = spawn(process.execPath, [BIN, 'scan', '--region', 'us-east-1'], { cwd: workDir(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let sentAt = 0;
    onHang = () => {
      if (sentAt) return;
      sentAt = Date.now();
      // Let a few more reads pile up, then press Ctrl-C.
      setTimeout(() => child.kill('SIGINT'), 300);
    };
    const code = await new Promise<number | null>((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? -1 : null))));
    expect(sentAt, `the scan never started reading (stderr: ${stderr})`).toBeGreaterThan(0);
    expect(code).toBe(130);
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    expect(stderr).toContain('hipaa-wizard: interrupted (Ctrl-C); the run stopped before it finished and changed nothing.');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stdout).toBe('');
    // Only reads were made before the interruption.
    expect(seen.length).toBeGreaterThan(3);
    for (const a of seen) expect(a).not.toMatch(/^(Put|Create|Delete|Update|Enable|Disable|Attach|Detach|Set)/);
  }, 60_000);
});

describe('the Ctrl-C handler beside other listeners', () => {
  const run = (script: string) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    });
  const handler = `import { installInterruptHandler } from ${JSON.stringify(new URL('../../dist/src/session/interrupt.js', import.meta.url).href)};`;

  it("still exits at once when only signal-exit's clean-up (loaded by Ink) listens too", async () => {
    const r = await run(`${handler}
      import { onExit } from 'signal-exit';
      installInterruptHandler();
      onExit(() => process.stderr.write('cleaned up\\n'));
      process.kill(process.pid, 'SIGINT');
      setTimeout(() => process.exit(0), 3000);`);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted (Ctrl-C)');
    expect(r.stderr).toContain('cleaned up');
  });

  it('leaves the first Ctrl-C to a command that handles it, and the second quits', async () => {
    const r = await run(`${handler}
      installInterruptHandler();
      process.on('SIGINT', () => process.stderr.write('command stops after the call in flight\\n'));
      process.kill(process.pid, 'SIGINT');
      setTimeout(() => process.kill(process.pid, 'SIGINT'), 200);
      setTimeout(() => process.exit(0), 3000);`);
    expect(r.stderr).toMatch(/^command stops after the call in flight\n[\s\S]*interrupted again; quitting now/);
    expect(r.code).toBe(130);
  });
});
