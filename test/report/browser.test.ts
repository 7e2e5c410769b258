/**
 * The HTML report in a real browser (Debian's chromium, driven by playwright-core): it loads with
 * no network request and no console error, shows every category in the chart and in the findings,
 * and prints to a multi-page A4 PDF. CI installs chromium (.ci/run); when it is missing the tests
 * fail saying so, unless HIPAA_WIZARD_SKIP_BROWSER=1 skips them on purpose.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';
import { renderHtml } from '../../src/report/html.js';
import { buildReport, type ReportDocument } from '../../src/report/model.js';
import { demoInput } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SKIP = process.env.HIPAA_WIZARD_SKIP_BROWSER === '1';
const SKIP_NOTE = 'HIPAA_WIZARD_SKIP_BROWSER=1: the headless-Chromium tests of the HTML report were skipped on purpose';

let browser: Browser | undefined;
let doc: ReportDocument;
let html: string;
/** One page for every test (opening the report takes seconds on a busy machine); the print test runs last. */
let opened: { page: Page; requests: string[]; errors: string[] } | undefined;

beforeAll(async () => {
  doc = buildReport(await demoInput());
  html = renderHtml(doc);
  if (SKIP) {
    process.stderr.write(`note: ${SKIP_NOTE}.\n`);
    return;
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}, so the HTML report cannot be checked in a browser. Install Debian's chromium package (apt-get install -y chromium; .ci/run does it), point CHROMIUM_PATH at a Chromium binary, or set HIPAA_WIZARD_SKIP_BROWSER=1 to skip these tests.`,
    );
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens the report once; every request the page tries to make is recorded and refused. */
async function open(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  opened ??= await load(html);
  return opened;
}

async function load(content: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent(content, { waitUntil: 'load' });
  return { page, requests, errors };
}

describe('the HTML report in headless Chromium', () => {
  it('loads with no network request and no console error, and shows every category in the chart', async (ctx) => {
    if (SKIP) ctx.skip(SKIP_NOTE);
    const registry = await loadRegistry();
    const { page, requests, errors } = await open();
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    const labels = page.locator('svg.chart text.cat-label');
    expect(await labels.allTextContents()).toEqual(registry.steps.map((s) => `${String(s.number).padStart(2, ' ')}. ${s.title}`));
    for (let i = 0; i < registry.steps.length; i++) expect(await labels.nth(i).isVisible()).toBe(true);
    // The bars are drawn to scale: the fail segment of Access Controls is fail/total of the bar.
    const access = doc.categories.find((c) => c.id === '01-access-controls')!;
    const fail = await page.locator('g[data-category="01-access-controls"] rect.s-fail').boundingBox();
    const segments = page.locator('g[data-category="01-access-controls"] rect');
    let bar = 0;
    for (let i = 0; i < (await segments.count()); i++) bar += (await segments.nth(i).boundingBox())!.width;
    expect(fail!.width / bar).toBeCloseTo(access.counts.fail / access.total, 2);
  });

  it('shows a findings section per category, with its title and status', async (ctx) => {
    if (SKIP) ctx.skip(SKIP_NOTE);
    const registry = await loadRegistry();
    const { page } = await open();
    const headings = page.locator('section.category > h3');
    expect(await headings.count()).toBe(registry.steps.length);
    for (const [i, s] of registry.steps.entries()) {
      const heading = headings.nth(i);
      expect(await heading.isVisible()).toBe(true);
      const text = (await heading.innerText()).replace(/\s+/g, ' ');
      const c = doc.categories.find((x) => x.id === s.id)!;
      expect(text).toContain(s.title);
      expect(text).toContain(c.status === 'none' ? 'NO CHECKS' : c.status.toUpperCase());
    }
    const mfa = page.locator('#finding-console-users-mfa');
    expect(await mfa.isVisible()).toBe(true);
    expect(await mfa.innerText()).toMatch(/frontdesk/);
  });

  it('shows all twelve HIPAA technical-safeguard categories', async (ctx) => {
    if (SKIP) ctx.skip(SKIP_NOTE);
    const { page } = await open();
    const numbers = await page.locator('section.category > h3 > .num').allTextContents();
    expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(await page.locator('svg.chart g.cat-row').count()).toBe(12);
  });

  it('blocks anything external that slipped into the page: its own policy forbids the fetch', async (ctx) => {
    if (SKIP) ctx.skip(SKIP_NOTE);
    const tampered = await load(html.replace('</main>', '<img alt="" src="https://example.invalid/pixel.png"></main>'));
    await tampered.page.waitForTimeout(200);
    expect(tampered.requests).toEqual([]);
    expect(tampered.errors.join(' ')).toMatch(/Content Security Policy/);
    await tampered.page.close();
  });

  it('prints to a multi-page A4 PDF with the findings visible in print', async (ctx) => {
    if (SKIP) ctx.skip(SKIP_NOTE);
    const { page } = await open();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.finding').first().isVisible()).toBe(true);
    // The print rules apply: the page uses the paper's full width.
    expect(await page.evaluate('getComputedStyle(document.body).maxWidth')).toBe('none');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
  });
});
