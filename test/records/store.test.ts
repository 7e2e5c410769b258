import { appendFileSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/records/canonical.js';
import { appendRecord, assertWritable, entryHash, FRAGMENT_SEAL, GENESIS, HEAD_FILE, LOCK_FILE, type RecordEntry, readRecords, registerPath, scanRegister } from '../../src/records/store.js';
import { loadRecordsView } from '../../src/records/view.js';
import { registerLines, registerText, tempRecordsDir, writeLines } from './helpers.js';

async function registerOf(n: number) {
  const dir = tempRecordsDir();
  for (let i = 1; i <= n; i++) await appendRecord(dir, 'journal', { summary: `change ${i}` }, 'tester', { now: new Date(`2026-01-0${i}T10:00:00Z`) });
  return dir;
}

const parse = (line: string) => JSON.parse(line) as RecordEntry & Record<string, unknown>;
/** Re-signs an entry as a forger with the file in hand would. */
const resign = (e: Record<string, unknown>) => JSON.stringify({ ...e, hash: entryHash(e as unknown as RecordEntry) });

async function errors(dir: string) {
  return (await scanRegister(dir)).problems.filter((p) => p.severity === 'error');
}

describe('the register', () => {
  it('chains each entry to the one before and reads back what was appended', async () => {
    const dir = await registerOf(3);
    const { entries, problems } = await readRecords(dir);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.id)).toEqual(['J-0001', 'J-0002', 'J-0003']);
    expect(entries[0]!.prev).toBe(GENESIS);
    expect(entries[1]!.prev).toBe(entries[0]!.hash);
    expect(entries[2]!.prev).toBe(entries[1]!.hash);
    expect(entries[1]!.body).toEqual({ summary: 'change 2' });
    expect(entries[1]!.by).toBe('tester');
    // hash is the SHA-256 of the canonical entry without the hash
    const { hash, ...rest } = entries[2]!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(rest)).toBe(hash);
    expect(JSON.parse(readFileSync(join(dir, HEAD_FILE), 'utf8'))).toMatchObject({ seq: 3, id: 'J-0003', hash });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('only ever appends: the bytes before an append are a prefix of the file after it', async () => {
    const dir = await registerOf(2);
    const before = registerText(dir);
    await appendRecord(dir, 'journal', { summary: 'later' }, 'tester');
    expect(registerText(dir).startsWith(before)).toBe(true);
  });

  it('hashes a canonical form, so key order in the file does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/cannot be stored/);
  });

  it('an empty or missing folder is an empty register', async () => {
    const dir = tempRecordsDir();
    expect(await readRecords(dir)).toEqual({ entries: [], problems: [] });
    expect((await loadRecordsView(dir)).decisions()).toEqual([]);
  });
});

describe('verify catches tampering and names file, line and the first bad entry', () => {
  it('an edited entry (hash mismatch)', async () => {
    const dir = await registerOf(3);
    const lines = registerLines(dir);
    const e = parse(lines[1]!);
    lines[1] = JSON.stringify({ ...e, body: { summary: 'nothing to see' } });
    writeLines(dir, lines);
    const [first] = await errors(dir);
    expect(first).toMatchObject({ code: 'hash-mismatch', line: 2, entryId: 'J-0002' });
    expect(first!.message).toMatch(/hipaa-records\/register\.jsonl line 2: entry J-0002 does not match its hash/);
  });

  it('an edited entry whose hash was recomputed: the next entry no longer chains to it', async () => {
    const dir = await registerOf(3);
    const lines = registerLines(dir);
    lines[1] = resign({ ...parse(lines[1]!), body: { summary: 'forged' } });
    writeLines(dir, lines);
    const [first] = await errors(dir);
    expect(first).toMatchObject({ code: 'chain-break', line: 3, entryId: 'J-0003' });
  });

  it('a deleted entry in the middle', async () => {
    const dir = await registerOf(4);
    const lines = registerLines(dir);
    lines.splice(1, 1);
    writeLines(dir, lines);
    const [first] = await errors(dir);
    expect(first).toMatchObject({ code: 'chain-break', line: 2, entryId: 'J-0003' });
    expect(first!.message).toMatch(/seq 2 is missing/);
  });

  it('the last entry deleted (the head file remembers it)', async () => {
    const dir = await registerOf(3);
    writeLines(dir, registerLines(dir).slice(0, 2));
    const [first] = await errors(dir);
    expect(first).toMatchObject({ code: 'head-mismatch' });
    expect(first!.message).toMatch(/ends at seq 2, but its head file records seq 3: the last 1 entry was removed/);
  });

  it('an inserted entry, even one correctly signed', async () => {
    const dir = await registerOf(3);
    const lines = registerLines(dir);
    const first = parse(lines[0]!);
    const forged = resign({ ...first, seq: 2, id: 'J-0002', body: { summary: 'backdated' }, prev: first.hash });
    lines.splice(1, 0, forged);
    writeLines(dir, lines);
    const [bad] = await errors(dir);
    expect(bad).toMatchObject({ code: 'chain-break', line: 3, entryId: 'J-0002' });
    expect(bad!.message).toMatch(/repeats seq 2/);
  });

  it('a duplicated entry', async () => {
    const dir = await registerOf(3);
    const lines = registerLines(dir);
    lines.splice(2, 0, lines[1]!);
    writeLines(dir, lines);
    expect((await errors(dir))[0]).toMatchObject({ code: 'chain-break', line: 3 });
  });

  it('reordered entries', async () => {
    const dir = await registerOf(4);
    const lines = registerLines(dir);
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    writeLines(dir, lines);
    const [first] = await errors(dir);
    expect(first).toMatchObject({ code: 'chain-break', line: 2, entryId: 'J-0003' });
  });

  it('a line cut short in the middle', async () => {
    const dir = await registerOf(3);
    const lines = registerLines(dir);
    lines[1] = lines[1]!.slice(0, 60);
    writeLines(dir, lines);
    const [first] = await errors(dir);
    expect(first).toMatchObject({ code: 'malformed', line: 2 });
    expect(first!.message).toMatch(/line 2: is not a complete entry \(not valid JSON/);
  });

  it('the last line cut short', async () => {
    const dir = await registerOf(3);
    writeFileSync(registerPath(dir), registerText(dir).slice(0, -40));
    const problems = await errors(dir);
    expect(problems.map((p) => p.code)).toEqual(['head-mismatch', 'malformed']);
    expect(problems.find((p) => p.code === 'malformed')!.line).toBe(3);
  });

  it('malformed JSON, an unknown field and a newer format each name the line', async () => {
    const dir = await registerOf(3);
    const lines = registerLines(dir);
    writeLines(dir, [lines[0]!, '{"v":1,"seq":', lines[1]!, lines[2]!]);
    expect((await errors(dir))[0]).toMatchObject({ code: 'malformed', line: 2 });

    writeLines(dir, [lines[0]!, resign({ ...parse(lines[1]!), note: 'hi' }), lines[2]!]);
    const unknown = (await errors(dir))[0]!;
    expect(unknown).toMatchObject({ code: 'unknown-field', line: 2, entryId: 'J-0002' });
    expect(unknown.message).toMatch(/unknown field "note"/);

    writeLines(dir, [lines[0]!, resign({ ...parse(lines[1]!), v: 2 }), lines[2]!]);
    const newer = (await errors(dir))[0]!;
    expect(newer).toMatchObject({ code: 'newer-version', line: 2 });
    expect(newer.message).toMatch(/written by a newer hipaa-wizard \(register format v2; this version reads v1\)/);
  });

  it('an unknown field inside a decision body', async () => {
    const dir = tempRecordsDir();
    const body = { subject: 'root-mfa', status: 'implemented', reason: 'Hardware key on the root user.', decidedBy: 'a', decidedAt: '2026-01-01T00:00:00.000Z', reviewBy: '2027-01-01' };
    await appendRecord(dir, 'decision', body, 'a');
    const [line] = registerLines(dir);
    writeLines(dir, [resign({ ...parse(line!), body: { ...body, colour: 'blue' } })]);
    const [p] = await errors(dir);
    expect(p!.message).toMatch(/line 1: entry D-0001 is not a valid entry: unknown field "colour" in the decision/);
  });

  it('a decision body of the wrong shape is named by its field, and the register is not appended to', async () => {
    const dir = tempRecordsDir();
    const body = {
      subject: 'root-mfa',
      status: 'implemented',
      reason: 'Hardware key on the root user.',
      decidedBy: 'a',
      decidedAt: '2026-01-01T00:00:00.000Z',
      reviewBy: '2027-01-01',
      scope: { regions: ['us-east-1', 'eu-west-1'] },
      evidence: [{ path: 'policy.pdf', sha256: 'a'.repeat(64) }],
    };
    await appendRecord(dir, 'decision', body, 'a');
    const [line] = registerLines(dir);
    writeLines(dir, [resign({ ...parse(line!), body: { ...body, scope: { regions: ['us-east-1', 7] }, evidence: [{ path: 'policy.pdf', sha256: 'short' }] } })]);
    const before = registerText(dir);
    const [p, ...rest] = await errors(dir);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'malformed', line: 1, entryId: 'D-0001' });
    expect(p!.message).toMatch(
      /register\.jsonl line 1: entry D-0001 is not a valid entry: scope\.regions\[1\] must be text; evidence\[0\] must be a file \{"path", "sha256" of 64 hexadecimal digits\} or a web address \{"url": "https:\/\/…"\}, and nothing else\.$/,
    );
    await expect(appendRecord(dir, 'journal', { summary: 'more' }, 'tester')).rejects.toThrow(/Nothing was recorded: the register fails verification \(.*line 1: entry D-0001 is not a valid entry: scope\.regions\[1\] must be text/);
    expect(registerText(dir)).toBe(before);
    expect((await loadRecordsView(dir)).decisionFor('root-mfa')).toBeUndefined();
  });

  it('an entry whose envelope has the wrong types names each field', async () => {
    const dir = await registerOf(1);
    const [line] = registerLines(dir);
    writeLines(dir, [resign({ ...parse(line!), seq: 0, kind: 'note', body: [] })]);
    const p = (await errors(dir)).find((x) => x.line === 1);
    expect(p!.message).toMatch(/is not a valid entry: seq must be a positive whole number; kind must be one of decision, attestation, vendor, journal, not "note"; body must be an object\.$/);
  });

  it('refuses to record a body of the wrong shape, naming the field, before writing anything', async () => {
    const dir = tempRecordsDir();
    await expect(appendRecord(dir, 'vendor', { id: 'acme', name: 'Acme', services: 'billing', phiKinds: 'claims', retired: 'yes' }, 'a')).rejects.toThrow(
      'The vendor cannot be recorded: retired must be true or false.',
    );
    expect(existsSync(registerPath(dir))).toBe(false);
  });

  it('refuses to append to a damaged register and leaves the file as it was', async () => {
    const dir = await registerOf(3);
    const lines = registerLines(dir);
    lines[1] = lines[1]!.replace('change 2', 'change X');
    writeLines(dir, lines);
    const before = registerText(dir);
    await expect(appendRecord(dir, 'journal', { summary: 'more' }, 'tester')).rejects.toThrow(/Nothing was recorded: the register fails verification \(.*line 2/);
    await expect(assertWritable(dir)).rejects.toThrow(/fails verification \(.*line 2/);
    expect(registerText(dir)).toBe(before);
  });

  it('a damaged register applies only the entries before the damage, and says so', async () => {
    const dir = tempRecordsDir();
    const decision = (subject: string) => ({ subject, status: 'not-applicable', reason: 'We keep no ePHI on any server in this account.', decidedBy: 'a', decidedAt: '2026-01-01T00:00:00.000Z', reviewBy: '2027-01-01' });
    await appendRecord(dir, 'decision', decision('root-mfa'), 'a');
    await appendRecord(dir, 'decision', decision('console-users-mfa'), 'a');
    const lines = registerLines(dir);
    writeLines(dir, [lines[0]!, lines[1]!.replace('We keep', 'We hold')]);
    const view = await loadRecordsView(dir);
    expect(view.decisionFor('root-mfa')?.id).toBe('D-0001');
    expect(view.decisionFor('console-users-mfa')).toBeUndefined();
    expect(view.untrusted()).toBe(1);
  });
});

describe('an interrupted append', () => {
  it('leaves an incomplete last line that is a notice, not an entry, and the next append starts a fresh line after it', async () => {
    const dir = await registerOf(2);
    const third = JSON.stringify({ v: 1, seq: 3, id: 'J-0003', kind: 'journal', at: '2026-01-03T00:00:00Z', by: 'x', body: {} });
    appendFileSync(registerPath(dir), third.slice(0, 50)); // the crash: part of a line, no newline, head not updated
    let scan = await scanRegister(dir);
    expect(scan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(scan.problems[0]).toMatchObject({ severity: 'notice', code: 'interrupted-append', line: 3 });
    expect(scan.entries).toHaveLength(2);

    const before = registerText(dir);
    const next = await appendRecord(dir, 'journal', { summary: 'after the crash' }, 'tester');
    expect(next.seq).toBe(3);
    expect(registerText(dir).startsWith(before)).toBe(true); // the fragment is kept, not rewritten
    scan = await scanRegister(dir);
    expect(scan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(scan.problems).toEqual([expect.objectContaining({ severity: 'notice', line: 3, message: expect.stringMatching(/line 3: an incomplete entry \(50 bytes\) left by an interrupted append/) })]);
    expect(scan.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(scan.lines).toEqual([1, 2, 4]);
    expect(registerLines(dir)[2]).toBe(`${third.slice(0, 50)}${FRAGMENT_SEAL}`);
  });

  it('a whole line missing only its newline is an entry, and the next one follows it', async () => {
    const dir = await registerOf(1);
    const text = registerText(dir);
    await appendRecord(dir, 'journal', { summary: 'second' }, 'tester');
    const full = registerText(dir);
    writeFileSync(registerPath(dir), full.slice(0, -1)); // the newline never reached the disk
    expect(text.length).toBeLessThan(full.length);
    await appendRecord(dir, 'journal', { summary: 'third' }, 'tester');
    const scan = await scanRegister(dir);
    expect(scan.problems).toEqual([]);
    expect(scan.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it("cleans up the temp files a killed writer left, once they are a minute old, and no one else's", async () => {
    const dir = await registerOf(1);
    const dead = 2 ** 22 + 4242;
    const old = new Date(Date.now() - 120_000);
    const leftovers = [`.register.lock.${dead}-abcd.tmp`, `register.head.json.${dead}.tmp`, `.register.lock.broken-${dead}-beef`];
    const kept = [`.register.lock.${process.ppid}-abcd.tmp`, `register.head.json.${dead + 1}.tmp`];
    for (const name of [...leftovers, ...kept]) {
      writeFileSync(join(dir, name), 'x');
      if (name !== kept[1]) utimesSync(join(dir, name), old, old); // kept[1] is recent
    }
    await appendRecord(dir, 'journal', { summary: 'next' }, 'tester');
    expect(readdirSync(dir).sort()).toEqual([...kept, 'register.head.json', 'register.jsonl'].sort());
  });

  it('a stale lock left by a dead process is broken; a live one is waited for', async () => {
    const dir = await registerOf(1);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), token: 'dead', at: '2026-01-01T00:00:00Z' }));
    const entry = await appendRecord(dir, 'journal', { summary: 'after a crash' }, 'tester');
    expect(entry.seq).toBe(2);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
