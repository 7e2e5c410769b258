/**
 * Issue 15, as a person meets the built wizard in a real terminal (tmux, private socket): keys
 * typed quickly arriving as one chunk, a hung endpoint while connecting, an 80×24 terminal.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { BIN, ensureBuilt, isolatedEnv, workDir } from '../helpers/built-cli.js';
import { hasTmux, tmuxOn } from '../helpers/tmux.js';

const tmux = tmuxOn('person');
const waitForScreen = tmux.waitFor;
const start = tmux.start;

/** A TCP server that accepts connections and never answers: an endpoint that hangs. */
async function hungEndpoint(): Promise<{ url: string; close(): void }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((s) => sockets.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

describe.skipIf(!hasTmux)('the built wizard as a person meets it (tmux)', () => {
  let hung: { url: string; close(): void } | undefined;
  beforeAll(async () => {
    ensureBuilt();
    hung = await hungEndpoint();
  }, 240_000);
  afterAll(() => {
    hung?.close();
    tmux.killAll();
  });

  it('handles each of two keys typed quickly that arrive as one chunk (n n)', async () => {
    const records = mkdtempSync(join(tmpdir(), 'hipaa-wizard-person-'));
    start('chunk', ['--demo', '--records', records], { columns: 120, rows: 40 });
    await waitForScreen('chunk', 'Step 1 of 12 · Access Controls');
    tmux('send-keys', '-t', 'chunk', '-l', 'nn');
    const frame = await waitForScreen('chunk', /Step 3 of 12/, 10_000);
    expect(frame).toContain('Step 3 of 12 · Integrity');
  });

  it('shows the seconds waited and what is waited on while a hung endpoint does not answer, never the SDK warning', async () => {
    const records = mkdtempSync(join(tmpdir(), 'hipaa-wizard-person-'));
    start('hung', ['--records', records], { columns: 80, rows: 24 }, {
      AWS_ENDPOINT_URL: hung?.url ?? '',
      AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
      AWS_SECRET_ACCESS_KEY: 'fake-secret-key',
      AWS_REGION: 'us-east-1',
    });
    const first = await waitForScreen('hung', /Waiting \d+ s for AWS to answer/, 30_000);
    // The call waited on by name (the line wraps in the main pane).
    expect(first).toMatch(/for AWS to answer sts:GetCallerIdentity\s*(\S.*)?\s*\(who you are\)\./s);
    const n = Number(/Waiting (\d+) s/.exec(first)?.[1]);
    // Counted again every second.
    // (A busy machine may skip a second on screen: any later count will do.)
    const later = await waitForScreen('hung', new RegExp(`Waiting (${Array.from({ length: 30 }, (_, i) => n + 2 + i).join('|')}) s for AWS to answer`), 20_000);
    expect(later).not.toMatch(/smithy|WARN|requestTimeout/);
    // q stops waiting at once: the calls are aborted, the terminal gets its sentence back.
    const asked = Date.now();
    tmux('send-keys', '-t', 'hung', 'q');
    const after = await waitForScreen('hung', /exited with \d+/, 10_000);
    expect(Date.now() - asked).toBeLessThan(5_000);
    expect(after.replace(/\n/g, '')).toContain('You quit while the account was being opened; nothing was read or recorded.');
  }, 60_000);

  it('at 80×24 keeps step names, the whole account id and q, ? and enter on screen, and marks a cut list', async () => {
    const records = mkdtempSync(join(tmpdir(), 'hipaa-wizard-person-'));
    start('small', ['--demo', '--records', records], { columns: 80, rows: 24 });
    const intro = await waitForScreen('small', 'Step 1 of 12 · Access Controls');
    const lines = intro.split('\n');
    expect(lines[0]).toContain('210987654321');
    for (const name of ['Access Controls', 'Audit Controls', 'Integrity', 'Encryption at Rest', 'Network Isolation', 'Documentation']) expect(intro).toContain(name);
    const keys = lines.filter((l) => l.trim() !== '').at(-1) ?? '';
    expect(keys).toContain('enter run the checks');
    expect(keys).toContain('? help');
    expect(keys).toContain('q finish');
    tmux('send-keys', '-t', 'small', 'Enter');
    const list = await waitForScreen('small', /\d+ failing · \d+ unknown/);
    expect(list).toMatch(/↓ \d+ more \(↑\/↓ to move\)/);
    expect(list.split('\n').filter((l) => l.trim() !== '').at(-1)).toContain('q finish');
    tmux('send-keys', '-t', 'small', 'Enter');
    const finding = await waitForScreen('small', /d (record a decision|decide)/);
    expect(finding).toMatch(/p preview/);
    const findingKeys = finding.split('\n').filter((l) => l.trim() !== '').at(-1) ?? '';
    expect(findingKeys).toContain('esc back');
    expect(findingKeys).toContain('? help');
    expect(findingKeys).toContain('q finish');
  });

  it('at 40 columns shows the whole account id', async () => {
    const records = mkdtempSync(join(tmpdir(), 'hipaa-wizard-person-'));
    start('narrow', ['--demo', '--records', records], { columns: 40, rows: 24 });
    const intro = await waitForScreen('narrow', 'Step 1 of 12 · Access');
    expect(intro).toContain('account 210987654321');
    expect(intro.split('\n').filter((l) => l.trim() !== '').at(-1)).toContain('q finish');
    // The summary's key line keeps w (the text above says "Press w"), shortened, with enter and esc.
    tmux('send-keys', '-t', 'narrow', 'q');
    const summary = await waitForScreen('narrow', /more \(↑\/↓ to scroll\)/);
    expect(summary.split('\n').filter((l) => l.trim() !== '').at(-1)).toBe('w report · enter exit · esc back');
  });

  it('at 120 columns the summary keeps every count, in aligned columns', async () => {
    const records = mkdtempSync(join(tmpdir(), 'hipaa-wizard-person-'));
    start('wide', ['--demo', '--records', records], { columns: 120, rows: 40 });
    await waitForScreen('wide', 'Step 1 of 12 · Access Controls');
    tmux('send-keys', '-t', 'wide', 'Enter');
    await waitForScreen('wide', /\d+ failing · \d+ unknown/);
    tmux('send-keys', '-t', 'wide', 'q');
    const summary = await waitForScreen('wide', 'Fixed this session');
    const lines = summary.split('\n');
    const head = lines.find((l) => /fail\s+unknown\s+to attest\s+accepted\s+pass/.test(l)) ?? '';
    const row = lines.find((l) => / 1 Access Controls\s+\d+\s+\d+/.test(l)) ?? '';
    expect(head).not.toBe('');
    expect(row).toMatch(/Access Controls\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+$/);
    // The pass count ends where the "pass" heading ends.
    expect(row.trimEnd().length).toBe(head.trimEnd().length);
    const audit = lines.find((l) => / 2 Audit Controls\s+not started/.test(l));
    expect(audit).toBeDefined();
  });

  it('names a records folder that cannot be written as the wizard starts, before any form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hipaa-wizard-person-'));
    const records = join(dir, 'records');
    writeFileSync(records, 'a file where the folder should be\n');
    start('unwritable', ['--demo', '--records', records], { columns: 120, rows: 40 });
    const frame = await waitForScreen('unwritable', 'Step 1 of 12 · Access Controls');
    const text = frame.replace(/\n/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain(`The records folder ${records} cannot be written (it is a file, not a folder)`);
  });

  it('names a damaged register as the wizard starts', async () => {
    const records = mkdtempSync(join(tmpdir(), 'hipaa-wizard-person-'));
    const env = isolatedEnv();
    execFileSync(process.execPath, [BIN, 'decide', 'anti-malware', '--status', 'implemented', '--reason', 'It runs on every system we operate.', '--records', records, '--by', 'dana', '--account', '210987654321'], { env, cwd: workDir() });
    const register = join(records, 'register.jsonl');
    writeFileSync(register, readFileSync(register, 'utf8').replace('every system', 'some systems'));
    start('damaged', ['--demo', '--records', records], { columns: 120, rows: 40 });
    const frame = await waitForScreen('damaged', 'fails verification');
    const text = frame.replace(/\n/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain(`The records folder ${records} fails verification`);
    expect(text).toContain('records verify');
  });
});
