import { DeleteLoginProfileCommand, IAMClient, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { readRecords } from '../../src/records/store.js';
import { lineAsker } from '../../src/plain/ask.js';
import { answerFlags, runPlain } from '../../src/plain/walk.js';
import { demoState, liveSource, services, type ServiceOptions } from './helpers.js';

/**
 * Runs the plain walk with these answer lines on stdin; returns what it printed and its exit code.
 * `terminal`: stdin says it is a terminal, and the answers come through the same line asker.
 */
async function plain(answers: string[], records?: string, terminal = false, more: ServiceOptions = {}) {
  const s = await services({ ...more, records });
  const lines = Readable.from(answers.length ? [`${answers.join('\n')}\n`] : []);
  const stdin = terminal ? Object.assign(new PassThrough(), { isTTY: true }) : lines;
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (d) => (text += d));
  const asker = terminal ? lineAsker(lines, stdout) : undefined;
  const code = await runPlain({ services: s.services, registry: s.registry, stdin, stdout, asker });
  return { code, text, records: s.records, reportDir: s.reportDir, registry: s.registry };
}

describe('the plain walk', () => {
  it('with no answers at all prints the scan and names the commands that answer, without waiting', async () => {
    const { code, text } = await plain([]);
    expect(text).toContain('? Step 1: what now?');
    expect(text).toContain('No answers on standard input, so here is the scan.');
    expect(text).toMatch(/FAIL\s+Every IAM user with a console password has MFA/);
    expect(text).toContain('hipaa-wizard decide ');
    expect(text).toContain('hipaa-wizard attest ');
    expect(text).toMatch(/hipaa-wizard apply \S+ --yes/);
    expect(code).toBe(1);
  });

  it('walks a step with piped answers, records a decision and finishes with the summary', async () => {
    const answers = [
      '1', // run the checks of step 1
      // first open finding: access-analyzer (it has a fix): preview it, then record a decision
      'preview',
      'decide',
      'risk-accepted',
      'We only use us-east-1; the analyzer in us-west-2 is planned for the January change window.',
      'dana.okafor',
      '2027-03-31',
      'finish',
    ];
    const { code, text, records } = await plain(answers);
    expect(code).toBe(0);
    expect(text).toContain('Checking step 1, Access Controls…');
    expect(text).toMatch(/FAIL\s+IAM Access Analyzer watches every region/);
    expect(text).toContain('Preview: nothing has changed yet.');
    expect(text).toContain('Plan: 1 to add, 0 to change, 0 to remove.');
    expect(text).toContain(`Decision recorded in ${records}.`);
    expect(text).toMatch(/Now: ACCEPTED\./);
    expect(text).toContain('Summary');
    // The demo's sample register holds one decision that leans on an addressable specification.
    expect(text).toContain("2 recorded decisions rely on a specification being addressable; HHS's January 2025 proposed rule");
    expect(text).toMatch(/decision: IAM Access Analyzer watches every region .*: risk-accepted/);
    const { entries } = await readRecords(records);
    expect(entries.map((e) => e.body)).toEqual([expect.objectContaining({ subject: 'access-analyzer', status: 'risk-accepted', reviewBy: '2027-03-31' })]);
  });

  it('at a terminal, the closing summary offers the HTML report and writes it when asked', async () => {
    const { code, text, reportDir, registry } = await plain(['finish', 'yes'], undefined, true);
    expect(code).toBe(0);
    const file = join(reportDir, 'hipaa-report-210987654321-2026-11-24.html');
    expect(text).toContain(`? Write the HTML report to ${file} (every category)?`);
    expect(text.replace(/\s*\n\s*/g, ' ')).toContain(`Report written to ${file} (all 12 categories).`);
    const html = readFileSync(file, 'utf8');
    expect(registry.steps).toHaveLength(12);
    for (const step of registry.steps) expect(html).toContain(step.title);
  });

  it('at a terminal, writes nothing when the person says no', async () => {
    const { text, reportDir } = await plain(['finish', 'no'], undefined, true);
    expect(text).toContain('Not written. Later: hipaa-wizard report --format html --demo');
    expect(readdirSync(reportDir)).toEqual([]);
  });

  it('with piped answers, prints the report command instead of writing the report', async () => {
    const { code, text, records, reportDir } = await plain(['finish']);
    expect(code).toBe(0);
    const file = join(reportDir, 'hipaa-report-210987654321-2026-11-24.html');
    expect(text).toContain(`To write the HTML report for an auditor: hipaa-wizard report --format html --demo --records ${records} -o ${file}`);
    expect(text).not.toContain('? Write the HTML report');
    expect(existsSync(file)).toBe(false);
  });

  it('asks for a decision over a numbered list without any arrow-key instructions (issue 15)', async () => {
    const answers = ['1', 'decide', 'risk-accepted', 'We only use us-east-1 until the January change window.', 'dana.okafor', '2027-03-31', 'finish'];
    const { text } = await plain(answers);
    expect(text).toMatch(/\d\) risk-accepted/);
    expect(text).not.toContain('←/→');
    expect(text).not.toContain('to choose');
  });

  it('says why a decision was refused and lets the walk go on', async () => {
    const { text, records } = await plain(['1', 'decide', 'risk-accepted', '', 'dana.okafor', '2027-03-31', 'finish']);
    expect(text).toContain('Not recorded: Give a reason');
    expect((await readRecords(records)).entries).toHaveLength(0);
  });

  it('on a required safeguard offers no not-reasonable or alternative, says why, and re-asks when one is typed (issue 13)', async () => {
    // Step 1's open findings in order: access-analyzer (§164.308(a)(4), required) comes first.
    const { text, records } = await plain(['1', 'decide', 'not-reasonable', 'alternative', 'risk-accepted', 'The analyzer for us-west-2 is planned for the January change window.', 'dana.okafor', '2027-03-31', 'finish']);
    expect(text).toContain('§164.308(a)(4) (Information access management) is a required specification, so "not-reasonable" and "alternative" are not offered: only addressable specifications may be documented as not reasonable, with an equivalent alternative measure, under §164.306(d)(3).');
    const menu = text.slice(text.indexOf('? Decision'), text.indexOf('> ', text.indexOf('? Decision')));
    expect(menu).toContain('1) implemented');
    expect(menu).toContain('2) risk-accepted (default)');
    expect(menu).toContain('3) not-applicable');
    expect(menu).not.toMatch(/\d\) (alternative|not-reasonable)/);
    expect(text).toContain('"not-reasonable" is not one of the choices; answer with a number from 1 to 3.');
    expect(text).toContain('"alternative" is not one of the choices; answer with a number from 1 to 3.');
    expect((await readRecords(records)).entries.map((e) => e.body)).toEqual([expect.objectContaining({ subject: 'access-analyzer', status: 'risk-accepted' })]);
  });

  it('shows the demo not-reasonable decision on console-users-mfa refused, with the reason why (issue 13)', async () => {
    const { text } = await plain([]);
    expect(text.replace(/\s+/g, ' ')).toContain('The decision DEMO-D6 (not-reasonable, by Dana Okafor) is refused: console-users-mfa cites §164.312(d) (Person or entity authentication), which is a required specification');
  });

  it('resumes at the step where the last walk stopped', async () => {
    const first = await plain(['2', '2', 'finish']);
    expect(first.text).toContain('Step 2 of 12');
    const again = await plain(['finish'], first.records);
    expect(again.text).toContain('Welcome back: resuming at step 3');
  });

  it('accepts a choice by number, by name or by the start of its label, and re-asks otherwise', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d) => (text += d));
    const ask = lineAsker(Readable.from(['7\nsk\n']), out);
    const choices = [
      { value: 'run', name: 'Run the checks' },
      { value: 'skip', name: 'Skip to the next step' },
    ] as const;
    expect(await ask.choose('What now?', choices)).toBe('skip');
    expect(text).toContain('"7" is not one of the choices');
    await expect(ask.choose('Again?', choices)).rejects.toThrow('No more answers');
  });

  it('names real ids in the commands it suggests', () => {
    const lines = answerFlags([]);
    expect(lines.join('\n')).toContain('hipaa-wizard decide <check-id>');
  });

  it('on the demo, suggests commands that act on the demo and its own records folder, and no apply', () => {
    const text = answerFlags([], { accountId: '210987654321', live: false, sourceArgs: ['--demo'], recordsDir: 'hipaa-records-demo' }).join('\n');
    expect(text).toContain('--account 210987654321 --records hipaa-records-demo');
    expect(text).toContain('hipaa-wizard attest <attestation-id> --answer yes --field name=value --records hipaa-records-demo');
    expect(text).toContain('hipaa-wizard plan <check-id> --demo');
    expect(text).not.toMatch(/hipaa-wizard apply \S+ --demo/);
    expect(text).toContain('on a live account (--profile, --region): the demo and a snapshot change nothing');
  });
});

describe('the plain walk on a live account (mocked SDK clients)', () => {
  const iam = mockClient(IAMClient);
  beforeEach(() => {
    iam.reset();
    iam.on(UpdateAccessKeyCommand).resolves({ $metadata: { httpStatusCode: 200 } });
    iam.on(DeleteLoginProfileCommand).resolves({ $metadata: { httpStatusCode: 200 } });
  });
  // Step 1's second open finding (stale access keys) has a disruptive fix: it asks for the fix's id.
  const live = (answer: string) =>
    plain(['1', 'skip', 'apply', answer, 'finish'], undefined, false, { source: async () => liveSource(demoState()), reads: [demoState(), demoState()] });

  it('asks for the fix id before a disruptive fix, and typing "apply" changes nothing', async () => {
    const { text, records } = await live('apply');
    expect(text).toContain('? To apply, type deactivate-stale-access-keys (anything else cancels)');
    expect(text).toContain('Cancelled: nothing was changed.');
    expect(iam.commandCalls(UpdateAccessKeyCommand)).toHaveLength(0);
    expect((await readRecords(records)).entries).toHaveLength(0);
  });

  it('applies the disruptive fix once its id is typed, shows each action and journals the change', async () => {
    const { text, records } = await live('deactivate-stale-access-keys');
    const calls = iam.commandCalls(UpdateAccessKeyCommand);
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) expect(c.args[0].input).toMatchObject({ Status: 'Inactive' });
    expect(text).toMatch(/ {2}done: /);
    expect(text).toContain('re-checked access-key-age:');
    expect(text).toContain('✔ Turn off unused access keys and passwords (deactivate-stale-access-keys)');
    expect((await readRecords(records)).entries.some((e) => e.kind === 'journal')).toBe(true);
  });

  it('Ctrl-C while a fix is applied stops after the call in flight, journals exactly that, and ends the walk with 130', async () => {
    let sent = 0;
    const answer = () => {
      sent++;
      // The person presses Ctrl-C while the first call is in flight (plain mode: a SIGINT).
      if (sent === 1) process.emit('SIGINT' as never);
      return { $metadata: { httpStatusCode: 200 } };
    };
    iam.on(UpdateAccessKeyCommand).callsFake(answer);
    iam.on(DeleteLoginProfileCommand).callsFake(answer);
    const { code, text, records } = await live('deactivate-stale-access-keys');
    expect(code).toBe(130);
    expect(sent).toBe(1);
    expect(text).toContain('Turn off unused access keys and passwords stopped after the call in flight; its journal entry says what changed (hipaa-wizard undo takes it back).');
    expect(text).not.toContain('Summary');
    const journal = (await readRecords(records)).entries.filter((e) => e.kind === 'journal');
    expect(journal).toHaveLength(1);
    expect(journal[0]?.body).toMatchObject({ outcome: 'interrupted', results: [{ index: 0, status: 'done' }, { index: 1, status: 'not-run' }] });
  });
});
