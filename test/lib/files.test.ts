import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const failRename = vi.hoisted(() => ({ next: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (failRename.next) {
        failRename.next = false;
        throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${from}' -> '${to}'`), { code: 'EXDEV' });
      }
      return real.rename(from, to);
    },
  };
});

const { processGone, writeFileAtomic } = await import('../../src/lib/files.js');

const folder = () => mkdtempSync(join(tmpdir(), 'lib-files-'));
afterEach(() => {
  failRename.next = false;
});

describe('writeFileAtomic', () => {
  it('replaces an existing file with the new content and leaves no temporary file', async () => {
    const dir = folder();
    const file = join(dir, 'position.json');
    writeFileSync(file, 'old\n');
    await writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['position.json']);
  });

  it('leaves the old file whole when the write fails, removes its temporary file and throws the cause', async () => {
    const dir = folder();
    const file = join(dir, 'report.html');
    writeFileSync(file, 'old report');
    failRename.next = true;
    await expect(writeFileAtomic(file, 'new report')).rejects.toMatchObject({ code: 'EXDEV' });
    expect(readFileSync(file, 'utf8')).toBe('old report');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('never shows a reader half a file while it is replaced', async () => {
    const dir = folder();
    const file = join(dir, 'snapshot.json');
    const a = 'a'.repeat(1 << 20);
    const b = 'b'.repeat(1 << 20);
    writeFileSync(file, a);
    const seen = new Set<string>();
    let done = false;
    const reader = (async () => {
      while (!done) {
        const text = readFileSync(file, 'utf8');
        seen.add(text === a ? 'old' : text === b ? 'new' : `torn (${text.length} bytes)`);
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 0; i < 20; i++) await writeFileAtomic(file, i % 2 ? a : b);
    done = true;
    await reader;
    expect([...seen].filter((s) => s !== 'old' && s !== 'new')).toEqual([]);
  });

  it('lets writes to the same file from one process overlap: one of them wins whole, none fails', async () => {
    const dir = folder();
    const file = join(dir, 'position.json');
    const texts = Array.from({ length: 12 }, (_, i) => `{"step":${i}}\n`);
    await Promise.all(texts.map((t) => writeFileAtomic(file, t)));
    expect(texts).toContain(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['position.json']);
  });

  it('creates the file with the mode asked for (a report only its owner may read)', async () => {
    const dir = folder();
    const file = join(dir, 'report.md');
    await writeFileAtomic(file, '# report\n', { mode: 0o600 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('throws when the folder is missing and creates nothing', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'sub'));
    await expect(writeFileAtomic(join(dir, 'missing', 'f.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual(['sub']);
  });
});

describe('processGone', () => {
  it('is false for this process and for its parent, which are alive', () => {
    expect(processGone(process.pid)).toBe(false);
    expect(processGone(process.ppid)).toBe(false);
  });

  it('is true for a process that has exited and for a pid above the kernel limit', () => {
    const child = spawnSync(process.execPath, ['-e', '']);
    expect(child.pid).toBeGreaterThan(0);
    expect(processGone(child.pid!)).toBe(true); // exited and reaped by spawnSync
    expect(processGone(2 ** 22 + 4242)).toBe(true); // above Linux's pid_max, so never alive
  });
});
