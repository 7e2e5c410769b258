/**
 * Reports print the register's head (id, seq, SHA-256) so an auditor can compare it with an anchor
 * written by `records anchor`: the built binary writes a decision, anchors it, and reports.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/built-cli.js';

beforeAll(() => ensureBuilt(), 240_000);

describe('the head hash in reports', () => {
  it('is the anchored hash in the Markdown, HTML and JSON reports, with the entry count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hipaa-wizard-head-'));
    const records = join(dir, 'records');
    const anchors = join(dir, 'anchors.jsonl');
    for (const subject of ['anti-malware', 'security-contact']) {
      const r = await runCli(['decide', subject, '--status', 'implemented', '--reason', 'It is in place on every system we operate.', '--records', records, '--by', 'dana', '--account', '210987654321']);
      expect(r.code, r.stderr).toBe(0);
    }
    const a = await runCli(['records', 'anchor', '--records', records, '--to', anchors, '--by', 'auditor']);
    expect(a.code, a.stderr).toBe(0);
    const anchor = JSON.parse(readFileSync(anchors, 'utf8').trim().split('\n').at(-1) ?? '{}') as { seq: number; id: string; hash: string };
    expect(anchor.seq).toBe(2);

    const out = (ext: string) => join(dir, `report.${ext}`);
    for (const format of ['md', 'html', 'json']) {
      const r = await runCli(['report', '--demo', '--records', records, '--format', format, '--output', out(format)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const md = readFileSync(out('md'), 'utf8');
    expect(md).toContain(`2 entries since`);
    expect(md).toContain(`the hash chain verifies; head ${anchor.id} (seq 2), SHA-256 ${anchor.hash}`);
    expect(readFileSync(out('html'), 'utf8')).toContain(`head ${anchor.id} (seq 2), SHA-256 ${anchor.hash}`);
    const json = JSON.parse(readFileSync(out('json'), 'utf8')) as { records: { entries: number; head: unknown } };
    expect(json.records.entries).toBe(2);
    expect(json.records.head).toEqual({ seq: 2, id: anchor.id, hash: anchor.hash });
  }, 120_000);
});
