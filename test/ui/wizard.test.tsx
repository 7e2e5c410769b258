import { IAMClient, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { cleanup } from 'ink-testing-library';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountState } from '../../src/engine/state.js';
import { readRecords } from '../../src/records/store.js';
import { themeFromEnv, toneColor } from '../../src/ui/theme.js';
import { POSITION_FILE } from '../../src/wizard/services.js';
import { demoState, KEY, liveSource, press, recordsDir, renderWizard, services, tick, waitFor } from './helpers.js';

const iam = mockClient(IAMClient);

beforeEach(() => {
  iam.reset();
});
afterEach(() => {
  cleanup();
});

type Frame = () => string | undefined;

/** Moves the selection in the checks list to the row with this title. */
async function select(frame: Frame, stdin: { write(s: string): void }, title: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const selected = (frame() ?? '').split('\n').find((l) => l.includes('▸ ') && /PASS|FAIL|UNKNOWN|ATTEST|ACCEPTED/.test(l)) ?? '';
    if (selected.includes(title)) return;
    await press(stdin, KEY.down);
  }
  throw new Error(`No row "${title}" in:\n${frame()}`);
}

/** Opens step 1 and waits for its checks to finish. */
async function walkStepOne(app: { lastFrame: Frame; stdin: { write(s: string): void } }) {
  await waitFor(app.lastFrame, 'Step 1 of 12 · Access Controls');
  await press(app.stdin, KEY.enter);
  return waitFor(app.lastFrame, /\d+ failing · \d+ unknown/);
}

/** The demo state with some slices replaced. */
function withGlobal(state: AccountState, slices: Record<string, unknown>): AccountState {
  return { ...state, global: { ...state.global, ...slices } as AccountState['global'] };
}

describe('the wizard on the demo account', () => {
  it('draws its first frame before the account is opened', async () => {
    let release: (() => void) | undefined;
    let opened = 0;
    const { services: svc, registry } = await services({
      source: async () => {
        opened++;
        await new Promise<void>((r) => (release = r));
        return liveSource(demoState());
      },
    });
    const app = renderWizard(svc, registry);
    const first = app.frames[0] ?? '';
    expect(first).toContain('Connecting to the account');
    expect(first).toContain('Access Controls');
    expect(first).toContain('not started');
    await tick();
    expect(opened).toBe(1);
    release?.();
    const frame = await waitFor(app.lastFrame, 'LIVE');
    expect(frame).toContain('account maple-street-clinic (210987654321)');
    expect(frame).toContain('caller arn:aws:iam::210987654321:user/dana.okafor');
    expect(frame).toContain('us-east-1, us-west-2');
  });

  it('walks a step: the intro, then every check with its result', async () => {
    const { services: svc, registry } = await services();
    const app = renderWizard(svc, registry);
    const intro = await waitFor(app.lastFrame, 'Step 1 of 12 · Access Controls');
    expect(intro).toContain('DEMO');
    expect(intro).toContain('Required: §164.312(a)(1)');
    expect(intro).toContain('Addressable');
    const list = await walkStepOne(app);
    expect(list).toContain('FAIL     Every IAM user with a console password has MFA');
    expect(list).toContain('PASS     The root user signs in with MFA');
    // The side list counts the failures of the step that ran and leaves the others alone.
    expect(list).toMatch(/1 Access Controls\s+\S[\s\S]*\d+ failing/);
    expect(list).toContain('not started');
  });

  it('shows a spinner on each check whose data is still being read', async () => {
    const state = demoState();
    let release: (() => void) | undefined;
    const gate = new Promise<void>((r) => (release = r));
    const source = liveSource(state, async (needs) => {
      if (needs.global?.includes('iam.passwordPolicy')) await gate;
      return state;
    });
    const { services: svc, registry } = await services({ source: async () => source });
    const app = renderWizard(svc, registry);
    await waitFor(app.lastFrame, 'Step 1 of 12');
    await press(app.stdin, KEY.enter);
    const during = await waitFor(app.lastFrame, 'FAIL     Every IAM user with a console password');
    const strengthRow = during.split('\n').find((l) => l.includes('Passwords are long')) ?? '';
    expect(strengthRow).toContain('checking');
    expect(during).toContain('Checking…');
    release?.();
    const after = await waitFor(app.lastFrame, /FAIL\s+Passwords are long/);
    expect(after).not.toContain('checking');
  });

  it('opens a finding with its explanation, citation and resources, and previews its fix', async () => {
    const { services: svc, registry } = await services();
    const app = renderWizard(svc, registry);
    await walkStepOne(app);
    await select(app.lastFrame, app.stdin, 'Active access keys are rotated in time');
    await press(app.stdin, KEY.enter);
    const finding = await waitFor(app.lastFrame, 'Why it matters');
    expect(finding).toContain('FAIL · medium · check access-key-age');
    expect(finding).toContain('HIPAA §164.308(a)(4)(ii)(C)');
    expect(finding).toContain('IAM user old-contractor, key 1');
    expect(finding).toContain('p preview fix');

    await press(app.stdin, 'p');
    const plan = await waitFor(app.lastFrame, 'Preview: nothing has changed yet.');
    expect(plan).toContain('Fix deactivate-stale-access-keys');
    expect(plan).toContain('aws iam update-access-key --user-name old-contractor');
    expect(plan).not.toContain('--user-name ci-deploy');
    // Long plans scroll; the count line is at the end.
    await press(app.stdin, KEY.pageDown, KEY.pageDown, KEY.pageDown, KEY.pageDown);
    expect(app.lastFrame()).toMatch(/Plan: \d+ to add, \d+ to change, \d+ to remove\./);

    // The demo can be planned but never changed.
    await press(app.stdin, 'a');
    expect(app.lastFrame()).toContain('This is the demo account: nothing can be changed.');
  });

  it('records a decision from the form, refusing it without a reason', async () => {
    const { services: svc, registry, records } = await services();
    const app = renderWizard(svc, registry);
    await walkStepOne(app);
    await select(app.lastFrame, app.stdin, 'No customer policy grants every action');
    await press(app.stdin, KEY.enter, 'd');
    const form = await waitFor(app.lastFrame, 'Record a decision: No customer policy grants every action');
    expect(form).toContain('[risk-accepted]');
    expect(form).toContain('dana.okafor');
    // Save straight away: the reason is missing.
    await press(app.stdin, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await waitFor(app.lastFrame, 'Give a reason');
    await press(app.stdin, KEY.up, KEY.up);
    await press(app.stdin, 'The billing vendor needs broad access until its integration is rebuilt in March.');
    await press(app.stdin, KEY.enter, KEY.enter, KEY.enter);
    const saved = await waitFor(app.lastFrame, 'Decision recorded in');
    expect(saved).toContain(records);
    await waitFor(app.lastFrame, /ACCEPTED\s+No customer policy grants every action/);

    const { entries } = await readRecords(records);
    const decision = entries.find((e) => e.kind === 'decision');
    expect(decision?.body).toMatchObject({ subject: 'admin-star-policies', status: 'risk-accepted', owner: 'dana.okafor', reviewBy: '2027-11-24' });
  });

  it('shows the demo not-reasonable decision on a required safeguard as refused, and its form does not offer that choice (issue 13)', async () => {
    const { services: svc, registry } = await services();
    const app = renderWizard(svc, registry, { columns: 120, rows: 40 });
    const list = await walkStepOne(app);
    // DEMO-D6, written as by an older version, does not turn the failure into accepted.
    expect(list).toContain('FAIL     Every IAM user with a console password has MFA');
    await select(app.lastFrame, app.stdin, 'Every IAM user with a console password has MFA');
    await press(app.stdin, KEY.enter);
    // The detail pane sits beside the steps list: read its own column only, as one line.
    const pane = (frame: string, anchor: string) => {
      const at = frame.indexOf(anchor);
      const column = at - frame.lastIndexOf('\n', at) - 1;
      return frame
        .split('\n')
        .map((l) => l.slice(column))
        .join(' ')
        .replace(/\s+/g, ' ');
    };
    const finding = pane(await waitFor(app.lastFrame, 'Why it matters'), 'FAIL · high · check console-users-mfa');
    expect(finding).toContain(
      'The decision DEMO-D6 (not-reasonable, by Dana Okafor) is refused: console-users-mfa cites §164.312(d) (Person or entity authentication), which is a required specification: only an addressable specification may be documented as not reasonable and appropriate (§164.306(d)(3)); a required safeguard must be implemented.',
    );
    await press(app.stdin, 'd');
    const form = await waitFor(app.lastFrame, 'Record a decision: Every IAM user with a console password has MFA');
    const choices = form.split('\n').find((l) => l.includes('[risk-accepted]')) ?? '';
    expect(choices).toContain('implemented');
    expect(choices).toContain('not-applicable');
    expect(choices).not.toContain('alternative');
    expect(choices).not.toContain('not-reasonable');
    expect(pane(form, 'Record a decision')).toContain(
      '§164.312(d) (Person or entity authentication) is a required specification, so "not-reasonable" and "alternative" are not offered: only addressable specifications may be documented as not reasonable, with an equivalent alternative measure, under §164.306(d)(3).',
    );
    // Typing the first letter of a refused choice does not pick it.
    await press(app.stdin, 'a');
    expect((app.lastFrame() ?? '').split('\n').find((l) => l.includes('Decision'))).toContain('[risk-accepted]');
  });

  it('takes an attestation through its form, and a new session does not ask it again', async () => {
    const { services: svc, registry, records } = await services();
    const procedure = join(records, 'leaver-procedure.md');
    writeFileSync(procedure, '# Leaver procedure\nAccess is removed on the last day.\n');
    const app = renderWizard(svc, registry);
    await walkStepOne(app);
    await select(app.lastFrame, app.stdin, 'Access is reviewed regularly');
    await press(app.stdin, KEY.enter);
    await waitFor(app.lastFrame, 'a question for you');
    await press(app.stdin, 't');
    await waitFor(app.lastFrame, 'Attest: Access is reviewed regularly');
    await press(app.stdin, KEY.enter, '2026-10-01', KEY.enter, 'Priya Shah', KEY.enter, 'quarterly', KEY.enter, procedure, KEY.enter, KEY.enter, KEY.enter);
    await waitFor(app.lastFrame, 'Attestation recorded in');
    await waitFor(app.lastFrame, /PASS\s+Access is reviewed regularly/);
    const { entries } = await readRecords(records);
    expect(entries.find((e) => e.kind === 'attestation')?.body).toMatchObject({
      attestation: 'access-reviews',
      answer: 'yes',
      fields: { lastReviewOn: '2026-10-01', reviewer: 'Priya Shah', interval: 'quarterly' },
    });
    app.unmount();

    const again = await services({ records });
    const next = renderWizard(again.services, again.registry);
    const list = await walkStepOne(next);
    expect(list).toMatch(/PASS\s+Access is reviewed regularly/);
  });

  it('quits to the summary and resumes at the same step next time', async () => {
    const { services: svc, registry, records } = await services();
    const app = renderWizard(svc, registry);
    await walkStepOne(app);
    await press(app.stdin, 'n');
    await waitFor(app.lastFrame, 'Step 2 of 12');
    await press(app.stdin, 'q');
    const summary = await waitFor(app.lastFrame, 'Summary');
    // The counts stand in aligned columns under their headings (issue 15).
    expect(summary).toMatch(/fail\s+unknown\s+to attest\s+accepted\s+pass/);
    expect(summary).toMatch(/1 Access Controls\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+/);
    expect(await waitFor(app.lastFrame, 'proposed rule (not in force)')).toContain('2 recorded decisions rely');
    expect(summary).toContain('Records (decisions, attestations, journal):');
    expect(summary).toContain(records);
    await press(app.stdin, KEY.enter);
    await tick(50);
    expect(app.exited()).toBe(true);
    expect(JSON.parse(readFileSync(join(records, POSITION_FILE), 'utf8'))).toMatchObject({ stepId: '02-audit-controls', done: ['01-access-controls'] });
    app.unmount();

    const again = await services({ records });
    const next = renderWizard(again.services, again.registry);
    const resumed = await waitFor(next.lastFrame, 'Welcome back: resuming at step 2');
    expect(resumed).toContain('Step 2 of 12');
    expect(resumed).toContain('checked before');
  });

  it('writes the HTML report from the summary with w: every category of the demo, into the report folder', async () => {
    const { services: svc, registry, reportDir } = await services();
    const app = renderWizard(svc, registry);
    await walkStepOne(app);
    await press(app.stdin, 'q');
    const summary = await waitFor(app.lastFrame, 'Summary');
    expect(summary).toContain('w write the HTML report');
    await press(app.stdin, 'w');
    const file = join(reportDir, 'hipaa-report-210987654321-2026-11-24.html');
    const frame = await waitFor(app.lastFrame, 'Report written to');
    // The whole frame still fits: the header's first line is on screen with the wrapped banner.
    expect(frame.split('\n')[0]).toContain('DEMO');
    expect(frame.replace(/\s*\n\s*/g, ' ')).toContain(`Report written to ${file}`);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const html = readFileSync(file, 'utf8');
    expect(registry.steps).toHaveLength(12);
    for (const step of registry.steps) expect(html).toContain(step.title);
    // Steps not walked this session are in it too: the demo's whole state is evaluated.
    expect(html).toContain('Transmission Security');
    expect(html).toMatch(/Every IAM user with a console password has MFA/);
    // The summary stays open, and enter still exits.
    await press(app.stdin, KEY.enter);
    await tick(50);
    expect(app.exited()).toBe(true);
  });

  it('says in one sentence when the report cannot be written', async () => {
    const { services: svc, registry, reportDir } = await services({ reportDir: join(recordsDir(), 'no-such-folder') });
    const app = renderWizard(svc, registry);
    await waitFor(app.lastFrame, 'Step 1 of 12');
    await press(app.stdin, 'q');
    await waitFor(app.lastFrame, 'Summary');
    await press(app.stdin, 'w');
    const frame = await waitFor(app.lastFrame, /its folder\s+does not exist\./);
    expect(frame.split('\n')[0]).toContain('DEMO');
    expect(frame.split('\n').at(-1)).toContain('w write the HTML report');
    expect(frame.replace(/\s*\n\s*/g, ' ')).toContain(`Cannot write the report to ${reportDir}/`);
    expect(frame).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(reportDir)).toBe(false);
  });

  it('opens help with ? and adapts to a narrow terminal', async () => {
    const { services: svc, registry } = await services();
    const app = renderWizard(svc, registry, { columns: 60, rows: 20 });
    const frame = await waitFor(app.lastFrame, 'step 1 of 12');
    expect(frame).not.toContain('Steps');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    await press(app.stdin, '?');
    expect(await waitFor(app.lastFrame, 'Help')).toContain('record a decision');
    await press(app.stdin, 'x');
    expect(app.lastFrame()).not.toContain('Help');
  });

  it('turns colour off under NO_COLOR', () => {
    expect(themeFromEnv({ NO_COLOR: '1' }).color).toBe(false);
    expect(toneColor(themeFromEnv({ NO_COLOR: '1' }), 'bad')).toBeUndefined();
    expect(toneColor(themeFromEnv({}), 'bad')).toBe('red');
  });
});

describe('the wizard on a live account (mocked SDK clients)', () => {
  const fresh = () => demoState();
  const fixedPolicy = (s: AccountState) =>
    withGlobal(s, {
      'iam.passwordPolicy': {
        ok: true,
        value: { minimumLength: 14, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true, allowUsersToChangePassword: true, maxAgeDays: 90, reusePrevention: 24, hardExpiry: false },
      },
    });

  async function openPasswordFinding() {
    const state = fresh();
    const { services: svc, registry, records } = await services({ source: async () => liveSource(state), reads: [state, fixedPolicy(state)] });
    const app = renderWizard(svc, registry);
    await walkStepOne(app);
    await select(app.lastFrame, app.stdin, 'Passwords are long');
    await press(app.stdin, KEY.enter);
    await waitFor(app.lastFrame, 'Why it matters');
    return { app, records };
  }

  it('writes a report of only the steps checked this session, and says so', async () => {
    const { services: svc, registry, reportDir } = await services({ source: async () => liveSource(fresh()) });
    const app = renderWizard(svc, registry);
    await walkStepOne(app);
    await press(app.stdin, 'q');
    await waitFor(app.lastFrame, 'Summary');
    await press(app.stdin, 'w');
    const frame = (await waitFor(app.lastFrame, 'Report written to')).replace(/\s*\n\s*/g, ' ');
    expect(frame).toContain('only the 1 step checked this session');
    const html = readFileSync(join(reportDir, 'hipaa-report-210987654321-2026-11-24.html'), 'utf8');
    expect(html).toContain('Access Controls');
    expect(html).not.toContain('Transmission Security');
  });

  it('cancels an apply without sending anything', async () => {
    const { app } = await openPasswordFinding();
    await press(app.stdin, 'a');
    // A stronger password policy restricts people, so its risk (from its call) asks for the typed id.
    const confirm = await waitFor(app.lastFrame, 'To apply, type password-policy and press enter');
    expect(confirm).toContain('Plan: 0 to add, 1 to change, 0 to remove. It may disrupt running');
    await press(app.stdin, KEY.esc);
    expect(await waitFor(app.lastFrame, 'Cancelled: nothing was changed.')).toContain('Preview: nothing has changed yet.');
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand)).toHaveLength(0);
  });

  it('applies a confirmed fix, shows each action and the re-check', async () => {
    iam.on(UpdateAccountPasswordPolicyCommand).resolves({ $metadata: { httpStatusCode: 200 } });
    const { app, records } = await openPasswordFinding();
    await press(app.stdin, 'p');
    await waitFor(app.lastFrame, 'aws iam update-account-password-policy');
    await press(app.stdin, 'a');
    await waitFor(app.lastFrame, 'To apply, type password-policy');
    await press(app.stdin, ...'password-policy', KEY.enter);
    const done = await waitFor(app.lastFrame, 'Re-checked: PASS');
    expect(done).toContain('✔');
    const calls = iam.commandCalls(UpdateAccountPasswordPolicyCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toMatchObject({ MinimumPasswordLength: 14 });
    await press(app.stdin, KEY.enter);
    expect(await waitFor(app.lastFrame, 'Why it matters')).toContain('PASS');
    // The change is journaled in the records folder.
    const { entries } = await readRecords(records);
    expect(entries.some((e) => e.kind === 'journal')).toBe(true);
  });

  it('shows a denied API as unknown, naming the IAM action', async () => {
    const state = withGlobal(fresh(), {
      'iam.passwordPolicy': { ok: false, error: { code: 'AccessDenied', kind: 'access', action: 'iam:GetAccountPasswordPolicy', message: 'access denied: the credentials lack iam:GetAccountPasswordPolicy' } },
    });
    const { services: svc, registry } = await services({ source: async () => liveSource(state) });
    const app = renderWizard(svc, registry);
    const list = await walkStepOne(app);
    expect(list).toMatch(/UNKNOWN\s+Passwords are long/);
    await select(app.lastFrame, app.stdin, 'Passwords are long');
    await press(app.stdin, KEY.enter);
    expect(await waitFor(app.lastFrame, 'Why it matters')).toContain('Missing permission: iam:GetAccountPasswordPolicy');
  });

  it('says when AWS cannot be reached mid-walk and retries on r', async () => {
    const lost = withGlobal(fresh(), {
      'iam.credentialReport': { ok: false, error: { code: 'TimeoutError', kind: 'network', message: 'the network call failed or timed out (TimeoutError)' } },
    });
    let opens = 0;
    const { services: svc, registry } = await services({ source: async () => liveSource(opens++ === 0 ? lost : fresh()) });
    const app = renderWizard(svc, registry);
    await walkStepOne(app);
    const banner = await waitFor(app.lastFrame, 'AWS could not be reached');
    expect(banner).toContain('Press r to reconnect and check again.');
    await press(app.stdin, 'r');
    await waitFor(app.lastFrame, /\d+ failing · 0 unknown/);
    expect(opens).toBe(2);
    expect(app.lastFrame()).not.toContain('could not be reached');
  });

  it('keeps the walk when the account cannot be opened, and retries', async () => {
    let opens = 0;
    const { services: svc, registry } = await services({
      source: async () => {
        if (opens++ === 0) throw Object.assign(new Error('Cannot reach AWS: the AWS credentials have expired; refresh them (for SSO: aws sso login) and try again.'), { name: 'StartupError' });
        return liveSource(fresh());
      },
    });
    const app = renderWizard(svc, registry);
    const failed = await waitFor(app.lastFrame, 'The account could not be opened.');
    expect(failed).toContain('the AWS credentials have expired');
    await press(app.stdin, 'r');
    expect(await waitFor(app.lastFrame, 'LIVE')).toContain('Step 1 of 12 · Access Controls');
    expect(opens).toBe(2);
  });
});
