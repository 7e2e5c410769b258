/**
 * Memory split, part one: what loading every SDK client package the tool names costs before any
 * request (run by bench/suites/small.ts with --expose-gc; prints one JSON line).
 */
import { SERVICES } from '../src/aws/services.js';

const mb = (n: number) => Math.round(n / 2 ** 20);
const before = process.memoryUsage();
const pkgs = [...new Set(Object.values(SERVICES).map((s) => s.pkg))];
for (const p of pkgs) await import(p);
(globalThis as { gc?: () => void }).gc?.();
const after = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ packages: pkgs.length, rssBeforeMb: mb(before.rss), rssAfterMb: mb(after.rss), heapAfterMb: mb(after.heapUsed) })}\n`);
