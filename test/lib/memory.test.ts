/** src/lib/memory.ts: a full GC on demand, without node --expose-gc, only once the heap has grown enough. */
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/lib/memory.js';

const used = () => getHeapStatistics().used_heap_size / 2 ** 20;

describe('collectGarbage', () => {
  it('collects garbage the process let go of, even though node was started without --expose-gc', () => {
    collectGarbage();
    const before = used();
    let junk: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, text: `row ${i} of a finished account` }));
    expect((junk as unknown[]).length).toBe(200_000);
    junk = undefined;
    expect(used()).toBeGreaterThan(before + 10);
    collectGarbage(16);
    expect(used()).toBeLessThan(before + 5);
  });

  it('leaves the heap alone while it has grown less than asked', () => {
    collectGarbage();
    let junk: unknown[] | undefined = Array.from({ length: 20_000 }, (_, i) => ({ i }));
    expect((junk as unknown[]).length).toBe(20_000);
    junk = undefined;
    const grown = used();
    collectGarbage(64);
    // Less than 64 MB since the last collection: nothing was collected, the garbage is still there.
    expect(used()).toBeGreaterThanOrEqual(grown - 0.5);
  });
});
