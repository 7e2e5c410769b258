/**
 * The bench's promises at a small size, in the test run: every collector and check over a fake
 * account makes no call twice for the same data, reads every slice, and its call count grows in a
 * straight line with the number of resources (no call per pair of resources, no re-reads).
 */
import { describe, expect, it } from 'vitest';
import type { FakeSize } from '../../bench/fake-aws.js';
import { measureLargeAccount } from '../../bench/large-account.js';

const size = (k: number): FakeSize => ({ users: 12 * k, buckets: 10 * k, securityGroups: 15 * k, instances: 6 * k, regions: 3, latencyMs: 0 });

describe('a scan of the synthetic account', () => {
  it('fetches nothing twice, reads every slice, and costs calls in proportion to the resources', async () => {
    const runs = [];
    for (const k of [1, 2, 3]) runs.push(await measureLargeAccount(size(k)));
    for (const r of runs) {
      expect(r.duplicateExamples).toEqual([]);
      expect(r.duplicates).toBe(0);
      expect(r.slices.failures).toEqual([]);
      expect(r.slices.noCollector).toEqual([]);
    }
    const [a, b, c] = runs.map((r) => r.calls) as [number, number, number];
    // Equal steps in size make equal steps in calls (within a page or two of pagination).
    expect(b - a).toBeGreaterThan(0);
    expect(Math.abs(c - b - (b - a))).toBeLessThanOrEqual(Math.max(3, 0.05 * (b - a)));
    // Each added resource costs a bounded number of calls (S3 buckets are the dearest: one per setting).
    const perResource = (b - a) / (runs[1]!.resources - runs[0]!.resources);
    expect(perResource).toBeLessThan(15);
  }, 120_000);
});
