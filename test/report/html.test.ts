/** The HTML report as a file: self-contained, escaped, printable, with the chart drawn in the page. */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';
import { esc, h, renderHtml } from '../../src/report/html.js';
import { buildReport } from '../../src/report/model.js';
import { demoInput, EVIL } from './helpers.js';

async function render() {
  const doc = buildReport(await demoInput());
  return { doc, html: renderHtml(doc) };
}

describe('the HTML report on the demo account', () => {
  it('references nothing outside the file: no scripts, style sheets, fonts, images or frames', async () => {
    const { html } = await render();
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio|source)\b/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/url\s*\(/i);
    expect(html).not.toMatch(/@import|@font-face/i);
    // The only links are to places in the page (the SVG namespace is an identifier, not a fetch).
    const hrefs = [...html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^#/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  });

  it('draws a bar per category in inline SVG and lists every category with its findings', async () => {
    const registry = await loadRegistry();
    const { doc, html } = await render();
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toContain('role="img"');
    for (const s of registry.steps) {
      expect(svg).toContain(`data-category="${s.id}"`);
      expect(html).toContain(`<section class="category" id="category-${s.id}"`);
    }
    const access = doc.categories.find((c) => c.id === '01-access-controls')!;
    expect(svg).toContain(`<title>${access.counts.fail} fail</title>`);
    expect(html).toContain('id="finding-console-users-mfa"');
    expect(html).toContain('§164.312(d) Person or entity authentication <span class="obl obl-required">required</span>');
  });

  it('has print rules for paper: page size, no findings split across pages', async () => {
    const { html } = await render();
    expect(html).toMatch(/@page\{size:A4/);
    expect(html).toMatch(/@media print\{[\s\S]*\.finding[\s\S]*break-inside:avoid/);
  });

  it('escapes every value from the account or the records', async () => {
    const { html } = await render();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(esc(EVIL));
    expect(esc(EVIL)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | *Billing* &amp; [co](http://evil.example)');
    expect(h`<p title="${'" onmouseover="x'}">${'<b>'}</p>`.html).toBe('<p title="&quot; onmouseover=&quot;x">&lt;b&gt;</p>');
    expect(h`<ul>${['<a>', h`<li>ok</li>`]}</ul>`.html).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
  });

  it('shows the records problem as a warning when the register fails verification', async () => {
    const input = await demoInput();
    const html = renderHtml(
      buildReport({
        ...input,
        records: {
          ...input.records,
          integrity: { entries: 4, since: null, untrusted: 2, problems: [{ file: 'r/register.jsonl', line: 3, severity: 'error', code: 'hash-mismatch', message: 'r/register.jsonl line 3: the entry was changed after it was written.' }] },
        },
      }),
    );
    expect(html).toMatch(/<p class="banner alarm">The records folder fails verification: r\/register.jsonl line 3: the entry was changed after it was written. 2 entries after the first error are not used/);
  });
});
