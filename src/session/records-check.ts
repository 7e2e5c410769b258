/**
 * The records folder, looked at when the walk starts, so that a folder that cannot be written or a
 * register that does not verify is said before a form is filled in, not when it is saved.
 */
import { constants } from 'node:fs';
import { access, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const reason = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'it is on a read-only file system';
  if (code === 'ENOTDIR') return 'part of its path is a file, not a folder';
  if (code === 'EISDIR') return 'a folder stands where a file should be';
  if (code === 'ENOSPC') return 'the disk is full';
  return (e as Error).message;
};

/**
 * One sentence when decisions and attestations could not be saved in `dir`: it is a file, it (or
 * the folder it would be made in) cannot be written. Undefined when it can be written.
 */
export async function recordsFolderProblem(dir: string): Promise<string | undefined> {
  const full = resolve(dir);
  const cannot = (why: string) => `The records folder ${full} cannot be written (${why}): decisions and attestations made in this walk could not be saved. Fix it, or start again with --records <another folder>.`;
  let info: Awaited<ReturnType<typeof stat>> | undefined;
  try {
    info = await stat(full);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return cannot(reason(e));
  }
  if (info && !info.isDirectory()) return cannot('it is a file, not a folder');
  if (!info) {
    // Not made yet: the nearest folder above it must take a new folder.
    let parent = dirname(full);
    for (;;) {
      try {
        const p = await stat(parent);
        if (!p.isDirectory()) return cannot(`${parent} is a file, not a folder`);
        await access(parent, constants.W_OK);
        return undefined;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return cannot(`${parent} cannot be written: ${reason(e)}`);
      }
      if (dirname(parent) === parent) return undefined;
      parent = dirname(parent);
    }
  }
  // It exists: write and remove a probe (permission bits alone say nothing to root, or on a read-only mount).
  const probe = resolve(full, `.write-probe-${process.pid}.tmp`);
  try {
    await writeFile(probe, '');
    await unlink(probe);
  } catch (e) {
    return cannot(reason(e));
  }
  for (const file of ['register.jsonl']) {
    try {
      const f = await stat(resolve(full, file));
      if (f.isDirectory()) return cannot(`${file} in it is a folder, not the register file`);
      await access(resolve(full, file), constants.R_OK | constants.W_OK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return cannot(`${file} in it: ${reason(e)}`);
    }
  }
  return undefined;
}
