/**
 * `npm run bench`: runs every module in bench/suites/ (each exports `run()` returning rows) and
 * prints one table. Exit code 1 when a row with a target misses it, or a suite fails.
 * Environment knobs are listed by each suite (BENCH_* variables).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
  /** A line of context printed under the table. */
  note?: string;
}

type Suite = { run?: () => Promise<BenchRow[]> };

function table(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [r.name, `${r.value} ${r.unit}`.trim(), r.target ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED']);
  const head = ['measure', 'value', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) => c.map((x, i) => (i === 1 ? x.padStart(widths[i] ?? 0) : x.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = join(here, 'suites');
  const only = process.argv[2];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => !only || f.replace(/\.js$/, '') === only)
    .sort();
  const rows: BenchRow[] = [];
  const started = performance.now();
  for (const file of files) {
    const name = file.replace(/\.js$/, '');
    process.stderr.write(`bench: running ${name}…\n`);
    try {
      const mod = (await import(pathToFileURL(join(dir, file)).href)) as Suite;
      if (typeof mod.run !== 'function') {
        rows.push({ name: `${name}: not a suite`, value: 0, unit: '', ok: false, note: `${file} exports no run()` });
        continue;
      }
      rows.push(...(await mod.run()));
    } catch (e) {
      rows.push({ name: `${name}: failed`, value: 0, unit: '', ok: false, note: e instanceof Error ? e.message : String(e) });
    }
  }
  process.stdout.write(`${table(rows)}\n`);
  const notes = rows.filter((r) => r.note);
  if (notes.length) process.stdout.write(`\n${notes.map((r) => `${r.name}: ${r.note}`).join('\n')}\n`);
  process.stdout.write(`\nbench took ${((performance.now() - started) / 1000).toFixed(1)} s on Node ${process.versions.node}, ${(await import('node:os')).cpus().length} cores.\n`);
  if (rows.some((r) => r.ok === false)) process.exitCode = 1;
}

void main();
