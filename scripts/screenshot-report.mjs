#!/usr/bin/env node
// Renders the demo account's HTML report in headless Chromium and saves the top of the page (the
// scan's metadata, the totals and the per-category chart) to docs/report.png, the picture the README shows.
// Run after `npm run build`:  node scripts/screenshot-report.mjs [--out docs/report.png] [--full]
// The clock is pinned (HIPAA_WIZARD_NOW, default 2026-11-24T12:00:00Z) so the picture is reproducible.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : join(root, 'docs', 'report.png');
const full = args.includes('--full');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) {
  console.error('screenshot-report: build first (npm run build); dist/src/cli/main.js is missing.');
  process.exit(2);
}
if (!existsSync(executablePath)) {
  console.error(`screenshot-report: no Chromium at ${executablePath}; install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(2);
}

const records = mkdtempSync(join(tmpdir(), 'hipaa-report-shot-'));
let html;
try {
  html = execFileSync(process.execPath, [join(root, 'bin', 'hipaa-wizard.js'), 'report', '--demo', '--format', 'html', '--records', 'hipaa-records'], {
    cwd: records,
    env: { ...process.env, HIPAA_WIZARD_NOW: process.env.HIPAA_WIZARD_NOW ?? '2026-11-24T12:00:00Z', NO_COLOR: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
} finally {
  rmSync(records, { recursive: true, force: true });
}

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  await page.setContent(html, { waitUntil: 'load' });
  if (full) {
    await page.screenshot({ path: out, fullPage: true });
  } else {
    const box = await page.locator('#summary figure').boundingBox();
    const height = Math.ceil((box?.y ?? 0) + (box?.height ?? 900) + 8);
    await page.setViewportSize({ width: 1100, height });
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1100, height } });
  }
  console.error(`screenshot-report: saved ${out}`);
} finally {
  await browser.close();
}
