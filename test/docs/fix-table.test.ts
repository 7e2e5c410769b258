/**
 * The README's fix table is generated from the fixes (test/helpers/fix-table.ts): this fails when the
 * README's copy is stale. `npm run docs:fixes` rewrites it (HW_WRITE_FIX_TABLE=1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';
import { ROOT } from '../helpers/built-cli.js';
import { fixRows, fixTable, withTable } from '../helpers/fix-table.js';

const README = join(ROOT, 'README.md');

describe("the README's fix table", () => {
  it('is what the fixes and their plans say today', async () => {
    const registry = await loadRegistry();
    const readme = readFileSync(README, 'utf8');
    const fresh = withTable(readme, fixTable(registry));
    if (process.env.HW_WRITE_FIX_TABLE === '1' && fresh !== readme) writeFileSync(README, fresh);
    else expect(readme, 'README.md fix table is stale: run npm run docs:fixes').toBe(fresh);
  });

  it('rates every fix from a plan, with the risks its calls earn', async () => {
    const rows = new Map(fixRows(await loadRegistry()).map((r) => [r.id, r]));
    expect([...rows.values()].filter((r) => !r.planned).map((r) => r.id)).toEqual([]);
    // A TLS deny restricts callers; a new detector starts billing; rotation changes nothing a caller sees.
    expect(rows.get('s3-deny-non-tls')).toMatchObject({ risk: 'disruptive', classes: ['tightening'] });
    expect(rows.get('guardduty-enable')).toMatchObject({ risk: 'costly' });
    expect(rows.get('kms-rotation')).toMatchObject({ risk: 'safe', classes: ['reconfiguring'], undo: 'exact' });
    // Turning RDS backups on from off is an outage, and cannot be undone without deleting the backups.
    expect(rows.get('rds-backup-retention')).toMatchObject({ risk: 'disruptive', undo: 'partial' });
    expect(rows.get('s3-deny-non-tls')?.leavesAlone.join(' ')).toContain('website buckets');
  });
});
