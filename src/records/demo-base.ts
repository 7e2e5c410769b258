/**
 * The demo's sample register (src/demo/records.ts), layered under the records folder when a command
 * runs with --demo. Loaded lazily and by a computed name, so the records code builds and runs
 * whether or not the demo's records file is present.
 */
import type { BaseRecords } from './view.js';

type DemoRecordsModule = { default?: (clock: { now: Date; daysAgo(d: number): string; daysAhead(d: number): string }) => BaseRecords };

export async function loadDemoRecords(now: Date): Promise<BaseRecords | undefined> {
  const specifier = ['..', 'demo', 'records.js'].join('/');
  let mod: DemoRecordsModule;
  try {
    mod = (await import(/* @vite-ignore */ specifier)) as DemoRecordsModule;
  } catch (e) {
    // Absent until the demo's records land; any other failure is a bug worth seeing.
    const err = e as { code?: string; message?: string };
    if (err.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load|does not exist/i.test(err.message ?? '')) return undefined;
    throw e;
  }
  if (typeof mod.default !== 'function') return undefined;
  const shift = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  return mod.default({ now, daysAgo: (d) => shift(-d), daysAhead: (d) => shift(d) });
}
