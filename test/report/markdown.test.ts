/** The Markdown report: every part an auditor looks for, and no markup smuggled in from account data. */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';
import { code, md, renderMarkdown } from '../../src/report/markdown.js';
import { buildReport } from '../../src/report/model.js';
import { demoInput, EVIL } from './helpers.js';

async function render() {
  const doc = buildReport(await demoInput());
  return { doc, text: renderMarkdown(doc) };
}

/** The cells of a table row, split on pipes that are not escaped. */
const cells = (row: string) => row.replace(/^\| | \|$/g, '').split(/(?<!\\)\|/);

describe('the Markdown report on the demo account', () => {
  it('has the scan metadata, a summary row and a section per category', async () => {
    const registry = await loadRegistry();
    const { doc, text } = await render();
    expect(text).toMatch(/^# HIPAA safeguards report: account 210987654321 \(maple-street-clinic\)$/m);
    expect(text).toContain('This report is about the built-in fictional demo account');
    expect(text).toContain(`| State SHA-256 | \`${doc.scan.stateSha256}\` |`);
    expect(text).toContain('| Caller | `arn:aws:iam::210987654321:user/dana.okafor` |');
    expect(text).toContain('`us-east-1`, `us-west-2`');
    for (const s of registry.steps) {
      expect(text).toContain(`### ${s.number}. ${s.title}`);
      const c = doc.categories.find((x) => x.id === s.id)!;
      const row = text.split('\n').find((l) => l.startsWith(`| ${s.number} | ${s.title} |`));
      expect(row, s.title).toBeDefined();
      expect(cells(row!).slice(3).map((x) => Number(x.trim()))).toEqual([c.counts.fail, c.counts.unknown, c.counts.manual, c.counts.accepted, c.counts.pass]);
    }
  });

  it('gives each finding its sentence, citation, HITRUST, severity, resources and fix', async () => {
    const { text } = await render();
    const block = text.slice(text.indexOf('(`password-policy-rotation`)'));
    const own = block.slice(0, block.indexOf('\n####'));
    expect(own).toContain('The IAM password policy of account 210987654321');
    expect(own).toContain('- **Severity:** medium');
    expect(own).toContain('- **HIPAA:** §164.308(a)(5)(ii)(D) Password management (addressable)');
    expect(own).toContain('- **HITRUST:** 01.d');
    expect(own).toMatch(/- \*\*Fix:\*\* .+ \(`password-policy`, disruptive\); preview it with `hipaa-wizard plan password-policy-rotation --demo`/);
    expect(own).toMatch(/ {2}- fail: `account 210987654321 password policy`: /);
    expect(own).toContain('- **Why it matters:**');
  });

  it('lists decisions with reasons, people and dates; attestations; vendors; the journal; what is due', async () => {
    const { text } = await render();
    const row = text.split('\n').find((l) => l.startsWith('| `D-0001` |'))!;
    const [, subject, status, reason, decided, approved, review] = cells(row).map((c) => c.trim());
    expect(subject).toContain('`password-policy-strength`');
    expect(status).toBe('alternative');
    expect(reason).toContain('16-character passphrases');
    expect(reason).toContain('Alternative: IAM Identity Center');
    expect(decided).toBe('Dana Okafor, 2026-01-10');
    expect(approved).toBe('Dr. Ruth Alvarez');
    expect(review).toBe('2026-12-20');
    expect(text).toMatch(/\| `D-0002` \|.*\| 2026-11-01 \(lapsed\) \|/);
    expect(text).toContain('## Due for review within 60 days (until 2027-01-23)');
    expect(text).toMatch(/\| 2026-11-01 \(\*\*23 days overdue\*\*\) \| Review the risk-accepted decision D-0002 on access-key-age \(Active access keys are rotated in time\): it has lapsed\. \|/);
    expect(text).toMatch(/\| 2027-01-05 \(in 42 days\) \| The business associate agreement with Northwind Labs expires; renew it\. \|/);
    expect(text).toMatch(/\| Northwind Labs \| lab results interface \| lab results \| 2024-01-05 \| 2027-01-05 \|/);
    expect(text).toContain('**no BAA recorded**');
    const journal = text.slice(text.indexOf('## Journal of applied fixes'));
    expect(journal).toContain('| 2026-11-20T15:04:00.000Z | dana.okafor | Set a strong IAM password policy (`password-policy`) |');
    expect(journal).toContain('Create the MFA group [failed]');
    expect(journal).toMatch(/\| marcus\.lee \| Undo: Set a strong IAM password policy .*\| Restore the previous password policy \[done\] \| applied \| `password-policy-strength` fail \|/);
  });

  it('escapes account and records data so it cannot add markup, links, HTML or table cells', async () => {
    const { text } = await render();
    // Inside code spans everything is literal text; outside them nothing may stay unescaped.
    const prose = text.replace(/(`+)(.+?)\1/g, '');
    expect(prose).not.toContain('<script>');
    expect(prose).not.toMatch(/(?<!\\)\]\(http:\/\/evil\.example\)/);
    const row = text.split('\n').find((l) => l.startsWith('| \\<script'))!;
    expect(cells(row)).toHaveLength(6);
    expect(md(EVIL)).toBe('\\<script\\>alert("x")\\</script\\> \\| \\*Billing\\* \\& \\[co\\](http://evil.example)');
    expect(code('a`b|c')).toBe('``a`b\\|c``');
    expect(md('line one\nline two')).toBe('line one line two');
  });
});
