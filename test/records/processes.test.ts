/**
 * Real processes against one records folder: a writer killed with SIGKILL at random points, many
 * times, and several writers appending at once. The register must verify afterwards and hold every
 * entry a writer acknowledged, each exactly once, each line whole.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsOf, LOCK_FILE, scanRegister } from '../../src/records/store.js';
import { tempRecordsDir } from './helpers.js';

let bundleDir: string;
let writerJs: string;

beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'records-writer-'));
  writerJs = join(bundleDir, 'writer.mjs');
  await build({ entryPoints: [join(import.meta.dirname, 'fixtures/writer.ts')], bundle: true, platform: 'node', format: 'esm', outfile: writerJs, logLevel: 'error' });
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

interface Ack {
  writer: string;
  n: number;
  id: string;
}

function startWriter(dir: string, writer: string, count: number, largeEvery = 0): { child: ChildProcess; acks: Ack[]; done: Promise<number | null> } {
  const child = spawn(process.execPath, [writerJs, dir, writer, String(count), String(largeEvery)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: Ack[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const l of lines) {
      const [, w, n, id] = l.split(' ');
      acks.push({ writer: w!, n: Number(n), id: id! });
    }
  });
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const done = new Promise<number | null>((resolve) =>
    child.on('close', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') throw new Error(`writer ${writer} failed (${code}): ${stderr}`);
      resolve(code);
    }),
  );
  return { child, acks, done };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the register under real processes', () => {
  it('survives a writer killed mid-append many times: it verifies and holds every acknowledged entry', async () => {
    const dir = tempRecordsDir();
    const acked: Ack[] = [];
    let staleLocks = 0;
    const rounds = 16;
    for (let round = 0; round < rounds; round++) {
      const w = startWriter(dir, `r${round}`, 10_000, 3);
      // Once the writer is appending, kill it at a random moment within the next few dozen appends.
      for (let waited = 0; w.acks.length === 0 && waited < 3000; waited += 5) await sleep(5);
      await sleep(Math.random() * 60);
      w.child.kill('SIGKILL');
      await w.done;
      acked.push(...w.acks);
      if (existsSync(join(dir, LOCK_FILE))) staleLocks++;
    }
    const scan = await scanRegister(dir);
    const errors = scan.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
    // Every problem left is an interrupted append the chain runs across.
    for (const p of scan.problems) expect(p.code).toBe('interrupted-append');
    const byId = new Map(scan.entries.map((e) => [e.id, e]));
    for (const a of acked) {
      const e = byId.get(a.id);
      expect(e, `acknowledged ${a.id} is missing`).toBeDefined();
      expect(e!.body).toMatchObject({ writer: a.writer, n: a.n });
    }
    const keys = scan.entries.map((e) => `${fieldsOf(e).writer}/${fieldsOf(e).n}`);
    expect(new Set(keys).size).toBe(keys.length); // nothing twice
    expect(scan.entries.map((e) => e.seq)).toEqual(scan.entries.map((_, i) => i + 1));
    expect(acked.length).toBeGreaterThan(rounds); // the writers did get work done between kills
    console.info(
      `crash test: ${rounds} kills, ${acked.length} acknowledged entries, ${scan.entries.length} in the register, ${scan.problems.length} interrupted appends left as fragments, ${staleLocks} stale locks broken`,
    );
  }, 60_000);

  it('loses and interleaves nothing when several processes append at once', async () => {
    const dir = tempRecordsDir();
    const writers = ['a', 'b', 'c', 'd'];
    const perWriter = 60; // enough appends that four processes overlap even on a fresh, idle machine
    const started = writers.map((w) => startWriter(dir, w, perWriter, 7));
    const codes = await Promise.all(started.map((s) => s.done));
    expect(codes).toEqual([0, 0, 0, 0]);
    const scan = await scanRegister(dir);
    expect(scan.problems).toEqual([]); // every line parses, the chain is whole
    expect(scan.entries).toHaveLength(writers.length * perWriter);
    expect(scan.entries.map((e) => e.seq)).toEqual(scan.entries.map((_, i) => i + 1));
    for (const w of writers) {
      const mine = scan.entries.filter((e) => fieldsOf(e).writer === w).map((e) => fieldsOf(e).n);
      expect(mine).toEqual(Array.from({ length: perWriter }, (_, i) => i + 1)); // each once, in order
    }
    // The writers really did overlap (their entries are interleaved in the file).
    const switches = scan.entries.filter((e, i) => i > 0 && fieldsOf(e).writer !== fieldsOf(scan.entries[i - 1]!).writer).length;
    expect(switches).toBeGreaterThan(writers.length);
    const acks = started.flatMap((s) => s.acks);
    expect(new Set(acks.map((a) => a.id)).size).toBe(writers.length * perWriter);
  }, 60_000);
});
