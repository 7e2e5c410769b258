/**
 * A cross-process lock for appending to the register, made of one file.
 *
 * Taking it: the owner's details are written to a private temp file, which is then hard-linked to
 * the lock's name. link() fails with EEXIST when the lock is held, so the lock appears atomically
 * and always with its owner inside (never as an empty file a reader could misjudge).
 *
 * A lock is stale when its owner is a process on this host that no longer exists (kill(pid, 0)
 * says ESRCH), or when it is older than STALE_AFTER_MS (an append holds it for milliseconds).
 * Breaking it: rename the lock to a private name, then read what was moved. If it is the stale lock
 * that was judged, it is deleted. If another process had meanwhile broken the stale lock and taken
 * a fresh one, the fresh one is put back with link() (which fails rather than overwrite a third
 * process's lock). The holder re-reads the lock just before it writes and gives up if it is no
 * longer its own, so a lock broken from under it never leads to two writers.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { processGone } from '../lib/files.js';
import { RecordsError } from './errors.js';

export const STALE_AFTER_MS = 30_000;
const WAIT_LIMIT_MS = 20_000;

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  readonly at: string;
}

export class LockTimeout extends RecordsError {
  constructor(
    readonly lockPath: string,
    readonly owner: string,
  ) {
    super(
      `The records folder is locked by ${owner} and the lock was not released within ${WAIT_LIMIT_MS / 1000} seconds. If no hipaa-wizard is running, delete ${lockPath} and try again.`,
    );
    this.name = 'LockTimeout';
  }
}

export interface HeldLock {
  readonly path: string;
  readonly token: string;
  /** True while the lock file still names this holder. */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.token === 'string' && typeof parsed.pid === 'number' && typeof parsed.host === 'string') return parsed as LockOwner;
  } catch {
    // Missing, or not our format: judged by its age alone.
  }
  return undefined;
}

async function isStale(path: string, owner: LockOwner | undefined, now: number): Promise<boolean> {
  if (owner && owner.host === hostname() && owner.pid !== process.pid && processGone(owner.pid)) return true;
  try {
    return now - (await stat(path)).mtimeMs > STALE_AFTER_MS;
  } catch {
    return false;
  }
}

/** Moves a stale lock out of the way; returns without error whatever happened (the caller retries). */
async function breakStale(path: string, judged: LockOwner | undefined): Promise<void> {
  const aside = `${path}.broken-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else moved or released it first
  }
  const moved = await readOwner(aside);
  if (judged && moved && moved.token !== judged.token) {
    // We moved a fresh lock taken after ours was judged: give it back unless a third one exists.
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

/** link() where the file system has hard links; an exclusive create elsewhere (the owner is written at once after). */
async function createLockFile(tmp: string, path: string, owner: LockOwner): Promise<void> {
  try {
    await link(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw e;
    await writeFile(path, `${JSON.stringify(owner)}\n`, { flag: 'wx', mode: 0o600 });
  }
}

export async function acquireLock(path: string): Promise<HeldLock> {
  const token = randomBytes(12).toString('hex');
  const owner: LockOwner = { pid: process.pid, host: hostname(), token, at: new Date().toISOString() };
  const tmp = `${path}.${process.pid}-${token}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
  } catch (e) {
    throw new RecordsError(`Cannot write to the records folder (${path}): ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}.`);
  }
  const started = Date.now();
  let delay = 2;
  try {
    for (;;) {
      try {
        await createLockFile(tmp, path, owner);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new RecordsError(`Cannot lock the records folder (${path}): ${(e as Error).message}.`);
      }
      const current = await readOwner(path);
      if (await isStale(path, current, Date.now())) {
        await breakStale(path, current);
        continue;
      }
      if (Date.now() - started > WAIT_LIMIT_MS) {
        throw new LockTimeout(path, current ? `process ${current.pid} on ${current.host} (since ${current.at})` : 'another process');
      }
      await sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 50);
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  const stillHeld = async () => (await readOwner(path))?.token === token;
  return {
    path,
    token,
    stillHeld,
    release: async () => {
      if (await stillHeld()) await unlink(path).catch(() => undefined);
    },
  };
}
