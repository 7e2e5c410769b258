/** Temporary records folders for the records tests. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { registerPath } from '../../src/records/store.js';

const made: string[] = [];

/** A fresh records folder path (not yet created) inside a temp dir removed after the test. */
export function tempRecordsDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'hipaa-records-test-'));
  made.push(root);
  return join(root, 'hipaa-records');
}

afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

export const registerText = (dir: string) => readFileSync(registerPath(dir), 'utf8');
export function registerLines(dir: string): string[] {
  const t = registerText(dir);
  return (t.endsWith('\n') ? t.slice(0, -1) : t).split('\n');
}
export function writeLines(dir: string, lines: readonly string[]): void {
  writeFileSync(registerPath(dir), `${lines.join('\n')}\n`);
}
