/**
 * docs/citations.md publishes, for every check and attestation, the HIPAA section it cites and
 * whether that section is required or addressable. The table must say what the code says: a row per
 * subject, with the registry's section and R/A flag, and no row for a subject that does not exist.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';

const doc = readFileSync(new URL('../../docs/citations.md', import.meta.url), 'utf8');
const table = doc.slice(doc.indexOf('## Table'));

/** Each row of the generated table as "subject | kind | section | R/A". */
const rows = [...table.matchAll(/^\| `([a-z0-9-]+)` \| (check|attestation) \| §([0-9a-zA-Z().]+) \| ([RA]) \|/gm)].map((m) => `${m[1]} | ${m[2]} | ${m[3]} | ${m[4]}`);

describe('docs/citations.md', () => {
  it('has one row per check and attestation, with the section and R/A flag each one cites', async () => {
    const registry = await loadRegistry();
    const flag = (o: string) => (o === 'required' ? 'R' : 'A');
    const expected = [
      ...registry.checks.map((c) => `${c.id} | check | ${c.hipaa.section} | ${flag(c.hipaa.obligation)}`),
      ...registry.attestations.map((a) => `${a.id} | attestation | ${a.hipaa.section} | ${flag(a.hipaa.obligation)}`),
    ];
    expect([...rows].sort()).toEqual([...expected].sort());
  });

  it('lists the corrected citations of issue 13', () => {
    expect(rows).toContain('restore-testing | check | 164.308(a)(7)(ii)(D) | A');
    for (const id of ['s3-tls-only', 'elb-https-only', 'cloudfront-viewer-https', 'cloudfront-origin-https']) expect(rows).toContain(`${id} | check | 164.312(e)(2)(ii) | A`);
  });
});
