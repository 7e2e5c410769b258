/**
 * Memory split, part one: what loading the SDK code of every collector costs before any request
 * (run by bench/suites/small.ts with --expose-gc from the bench's bundle, dist/bench/bundle/, built
 * like the executable's: each collector's chunk holds its SDK client and the commands it sends).
 * Prints one JSON line.
 */
import { collectorLoaders } from '../src/generated/collectors.js';

const mb = (n: number) => Math.round(n / 2 ** 20);
const before = process.memoryUsage();
const loaders = Object.values(collectorLoaders);
for (const load of loaders) await load();
(globalThis as { gc?: () => void }).gc?.();
const after = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ collectors: loaders.length, rssBeforeMb: mb(before.rss), rssAfterMb: mb(after.rss), heapAfterMb: mb(after.heapUsed) })}\n`);
