/** Issue 15: the wizard as a person meets it, driven as a component (ink-testing-library). */
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, renderWizard, services, waitFor } from './helpers.js';
import { outline } from '../../src/wizard/services.js';

afterEach(() => {
  cleanup();
});

describe('the first frame', () => {
  it('on the demo says it opens the built-in demo, not that it connects to an account', async () => {
    const { services: svc, registry } = await services();
    const app = renderWizard(svc, registry);
    const first = app.frames[0] ?? '';
    expect(first).not.toContain('Connecting to the account');
    expect(first).toContain('Opening the demo account (built in: no AWS call is made)');
    await waitFor(app.lastFrame, 'Step 1 of 12');
  });

  it('on a live account that does not answer, counts the seconds waited and names the calls', async () => {
    const { services: svc, registry } = await services({ source: () => new Promise(() => {}) });
    const app = renderWizard(svc, registry);
    expect(app.frames[0]).toContain('Connecting to the account');
    const frame = await waitFor(app.lastFrame, /Waiting 2 s for AWS to answer/, 5_000);
    expect(frame).toContain('(sts:GetCallerIdentity)');
  });

  it('names the call that hangs once the opening has passed the first one, counting from when it was sent', async () => {
    const { services: svc, registry } = await services({
      source: (options) => {
        options.onOpeningCall?.('sts:GetCallerIdentity (who you are)');
        options.onOpeningCall?.('ec2:DescribeRegions (which regions are enabled)');
        return new Promise(() => {});
      },
    });
    const app = renderWizard(svc, registry);
    const frame = await waitFor(app.lastFrame, /Waiting 1 s for AWS to answer/, 5_000);
    expect(frame).toContain('Waiting 1 s for AWS to answer ec2:DescribeRegions (which regions');
    expect(frame).not.toContain('GetCallerIdentity');
  });
});

describe('keys typed quickly', () => {
  it('handles each key of a chunk: "nn" moves two steps, Enter then d open a row and its decision form', async () => {
    const { services: svc, registry } = await services();
    const app = renderWizard(svc, registry);
    await waitFor(app.lastFrame, 'Step 1 of 12');
    app.stdin.write('nn');
    await waitFor(app.lastFrame, 'Step 3 of 12 · Integrity', 3_000);
    app.stdin.write(KEY.enter);
    await waitFor(app.lastFrame, /\d+ failing · \d+ unknown/);
    await waitFor(app.lastFrame, /^(?![\s\S]*Checking…)/);
    // Enter and d in one chunk: the first opens the selected row, the second its decision form.
    app.stdin.write(`${KEY.enter}d`);
    await waitFor(app.lastFrame, 'esc cancel', 5_000);
  });
});

describe('the decision form at 80×24', () => {
  it('lays the options out in one column when they do not fit side by side, draws a line on an empty field, and shows one cursor', async () => {
    const { services: svc, registry } = await services();
    const app = renderWizard(svc, registry, { columns: 80, rows: 24 });
    await waitFor(app.lastFrame, 'Step 1 of 12');
    app.stdin.write(KEY.enter);
    await waitFor(app.lastFrame, /\d+ failing · \d+ unknown/);
    await waitFor(app.lastFrame, /^(?![\s\S]*Checking…)/);
    app.stdin.write(`${KEY.enter}d`);
    const form = await waitFor(app.lastFrame, 'Record a decision');
    const lines = form.split('\n');
    // Each option starts in the same column as the others.
    const columnOf = (word: string) => {
      const line = lines.find((l) => l.includes(word)) ?? '';
      return line.indexOf(word);
    };
    const first = columnOf('implemented');
    expect(first).toBeGreaterThan(0);
    expect(columnOf('risk-accepted')).toBe(first);
    expect(columnOf('not-applicable')).toBe(first);
    expect(form).toContain('←/→ or the first letter to choose.');
    // The empty reason is a line to type on.
    expect(lines.find((l) => l.includes('Reason'))).toMatch(/Reason\s+_{10,}/);
    app.stdin.write(KEY.tab);
    const typing = await waitFor(app.lastFrame, /▸ Reason\s+█/);
    expect(typing.split('█').length - 1).toBe(1);
  });
});

describe('the step list on a narrow terminal', () => {
  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 80, rows: 40 },
    { columns: 100, rows: 30 },
  ]) {
    it(`at ${size.columns}×${size.rows} names every step whole or by its short name, never cut with "…"`, async () => {
      const { services: svc, registry } = await services();
      const app = renderWizard(svc, registry, size);
      const frame = await waitFor(app.lastFrame, 'Step 1 of 12');
      const side = frame.split('\n').map((l) => l.slice(0, 30));
      for (const step of outline(registry)) {
        const names = [step.title, step.shortTitle].filter((n): n is string => Boolean(n));
        const shown = side.find((l) => new RegExp(`^[ ▸]\\s*${step.number} `).test(l)) ?? '';
        expect(names.some((n) => shown.includes(`${step.number} ${n}`)), `step ${step.number} shows as "${shown.trim()}"`).toBe(true);
      }
      expect(side.filter((l) => /^[ ▸]\s*\d+ /.test(l)).join('\n')).not.toContain('…');
    });
  }

  it('gives every step whose title is longer than 15 characters a short name of at most 15', async () => {
    const { registry } = await services();
    for (const step of outline(registry)) {
      if (step.title.length > 15) expect(step.shortTitle, step.title).toBeTruthy();
      if (step.shortTitle) expect(step.shortTitle.length, step.shortTitle).toBeLessThanOrEqual(15);
    }
  });
});
