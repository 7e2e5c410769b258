/**
 * `scan` against an endpoint that accepts connections and never answers: stderr says, in our words,
 * how long it has waited and on what, every second; never the HTTP handler's own warning.
 */
import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, isolatedEnv, workDir } from '../helpers/built-cli.js';

const sockets: Socket[] = [];
const server = createServer((s) => sockets.push(s));
let url = '';
beforeAll(async () => {
  ensureBuilt();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 240_000);
afterAll(() => {
  for (const s of sockets) s.destroy();
  server.close();
});

describe('scan against a hung endpoint', () => {
  it('writes the seconds waited and the calls waited on to stderr, once a second', async () => {
    const env = isolatedEnv({ AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake-secret-key', AWS_REGION: 'us-east-1' });
    const child = spawn(process.execPath, [BIN, 'scan', '--step', '1'], { cwd: workDir(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise((r) => setTimeout(r, 5_500));
    child.kill('SIGTERM');
    await new Promise((r) => child.on('close', r));
    const lines = stderr.split('\n').filter((l) => l.startsWith('Still waiting'));
    expect(lines[0]).toMatch(/^Still waiting after [23] s for AWS to answer sts:GetCallerIdentity \(who you are\)\.$/);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    // Once a second, counting up.
    const seconds = lines.map((l) => Number(/after (\d+) s/.exec(l)?.[1]));
    expect(seconds[1]).toBeGreaterThan(seconds[0] as number);
    expect(stderr).not.toMatch(/smithy|WARN|requestTimeout/);
  }, 60_000);
});
