/**
 * The real built executable in a real terminal: tmux on a private socket, 100×30, keys sent with
 * send-keys and the screen read with capture-pane. Needs tmux (.ci/run installs it).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/built-cli.js';
import { hasTmux, tmuxOn } from '../helpers/tmux.js';

const tmux = tmuxOn('e2e');
const keys = (...k: string[]) => tmux('send-keys', '-t', 'wizard', ...k);
const waitForScreen = (text: string | RegExp, ms = 30_000, session = 'wizard') => tmux.waitFor(session, text, ms);
/** Starts `hipaa-wizard --demo` in a new 100×30 session as a person's shell would. */
const start = (session: string, records: string) => tmux.start(session, ['--demo', '--records', records]);

describe.skipIf(!hasTmux)('the wizard in a real terminal (tmux)', () => {
  const records = mkdtempSync(join(tmpdir(), 'hipaa-wizard-e2e-records-'));
  beforeAll(() => {
    ensureBuilt();
    start('wizard', records);
  }, 240_000);
  afterAll(() => {
    tmux.killAll();
  });

  it('walks step 1, opens a finding, previews its fix, and exits to a clean terminal with a summary', async () => {
    const intro = await waitForScreen('Step 1 of 12 · Access Controls');
    expect(intro).toContain('DEMO');
    expect(intro).toContain('account maple-street-clinic (210987654321)');
    expect(intro).toContain('enter run the checks');

    keys('Enter');
    const list = await waitForScreen(/\d+ failing · \d+ unknown/);
    expect(list).toMatch(/FAIL\s+IAM Access Analyzer watches every region/);

    keys('Enter');
    const finding = await waitForScreen('Why it matters');
    expect(finding).toContain('HIPAA §164.308(a)(4)');
    expect(finding).toContain('us-west-2');

    keys('p');
    const plan = await waitForScreen('Preview: nothing has changed yet.');
    expect(plan).toContain('aws accessanalyzer create-analyzer');

    keys('a');
    expect(await waitForScreen('This is the demo account: nothing can be changed.')).toContain('Preview');

    keys('q');
    // The key hints at the foot of the summary, whatever its length.
    const summary = await waitForScreen('enter exit · esc back to the walk');
    expect(summary).toMatch(/1 Access Controls\s+\d+ fail/);

    keys('Enter');
    const after = await waitForScreen('exited with 0');
    // The alternate screen is gone: only the closing lines remain.
    expect(after).not.toContain('Steps');
    expect(after).toMatch(/hipaa-wizard: 1 of 12 steps checked this session/);
    expect(after).toContain(`Records: ${records}`);
    expect(JSON.parse(readFileSync(join(records, 'wizard-position.json'), 'utf8'))).toMatchObject({ stepId: '01-access-controls' });
  }, 120_000);
});

describe.skipIf(!hasTmux)('Ctrl-C in the wizard, in a real terminal (tmux)', () => {
  const records = mkdtempSync(join(tmpdir(), 'hipaa-wizard-e2e-records-'));
  beforeAll(() => {
    ensureBuilt();
    start('interrupt', records);
  }, 240_000);
  afterAll(() => {
    if (hasTmux) tmux('kill-session', '-t', 'interrupt');
  });

  it('asks before dropping a half-typed decision, then ends with 130 and says what was kept and dropped', async () => {
    const send = (...k: string[]) => tmux('send-keys', '-t', 'interrupt', ...k);
    await waitForScreen('Step 1 of 12 · Access Controls', 30_000, 'interrupt');
    send('Enter');
    await waitForScreen(/\d+ failing · \d+ unknown/, 30_000, 'interrupt');
    send('Enter');
    await waitForScreen('Why it matters', 30_000, 'interrupt');
    send('d');
    await waitForScreen('Reason', 30_000, 'interrupt');
    send('Down');
    send('-l', 'Paper forms only');
    await waitForScreen('Paper forms only', 30_000, 'interrupt');
    send('C-c');
    const warned = await waitForScreen('This form is not saved. Ctrl-C again quits and drops it', 30_000, 'interrupt');
    expect(warned).toContain('Paper forms only');
    send('C-c');
    const after = await waitForScreen('exited with 130', 30_000, 'interrupt');
    // (The 100-column terminal wraps the line; its pieces are joined back.)
    expect(after.replace(/\n/g, '')).toMatch(/Interrupted \(Ctrl-C\): nothing was recorded or applied this session; the unsaved decision form for \S+ was dropped\./);
    expect(after).not.toContain('Steps');
  }, 120_000);
});
