/**
 * The demo's sample register (src/demo/records.ts), layered under the records folder when a command
 * runs with --demo. Imported only in demo mode (a plain import the bundler can follow).
 */
import type { BaseRecords } from './view.js';

export async function loadDemoRecords(now: Date): Promise<BaseRecords> {
  const [{ default: sample }, { demoClock }] = await Promise.all([import('../demo/records.js'), import('../demo/account.js')]);
  return sample(demoClock(now));
}
