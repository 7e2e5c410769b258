/**
 * How the plain walk ends when it cannot go on: Ctrl-C at a question (Inquirer's ExitPromptError)
 * ends with 130 and one sentence on what was kept; piped answers that run out mid-walk end with the
 * summary; only a stdin with no answer at all prints the whole scan.
 */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { readRecords } from '../../src/records/store.js';
import { type Asker, Interrupted, inquirerAsker, lineAsker, NoMoreAnswers } from '../../src/plain/ask.js';
import { runPlain } from '../../src/plain/walk.js';
import { services } from './helpers.js';

// Inquirer's own errors, by the names it gives them (@inquirer/core's ExitPromptError and AbortPromptError).
const named = (name: string) => Object.assign(new Error(`User force closed the prompt with SIGINT`), { name });
vi.mock('@inquirer/prompts', () => ({
  select: vi.fn(async () => {
    throw named('ExitPromptError');
  }),
  input: vi.fn(async () => {
    throw named('AbortPromptError');
  }),
}));

/** Answers these lines, then behaves as `end` says: the person presses Ctrl-C, or the input ends. */
function scripted(lines: string[], out: PassThrough, end: 'ctrl-c' | 'eof'): Asker {
  const inner = lineAsker(Readable.from(lines.length ? [`${lines.join('\n')}\n`] : []), out);
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      try {
        return await f(...a);
      } catch (e) {
        if (e instanceof NoMoreAnswers && end === 'ctrl-c') throw new Interrupted();
        throw e;
      }
    };
  return { choose: wrap(inner.choose.bind(inner)) as Asker['choose'], text: wrap(inner.text.bind(inner)) as Asker['text'] };
}

async function walk(lines: string[], end: 'ctrl-c' | 'eof') {
  const s = await services();
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (d) => (text += d));
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const code = await runPlain({ services: s.services, registry: s.registry, stdin, stdout, asker: scripted(lines, stdout, end) });
  return { code, text, records: s.records };
}

const DECIDE = ['1', 'preview', 'decide', 'risk-accepted', 'We only use us-east-1; the analyzer in us-west-2 is planned for January.', 'dana.okafor', '2027-03-31'];

describe('the plain walk, interrupted', () => {
  it('Ctrl-C at a question ends with 130 and one sentence; the decision recorded before it is kept; no scan dump', async () => {
    const { code, text, records } = await walk(DECIDE, 'ctrl-c');
    expect(code).toBe(130);
    expect(text).toContain(`Interrupted (Ctrl-C): the 1 answer recorded and 0 fixes applied this session are kept (${records}); the question left open recorded nothing.`);
    expect(text).not.toContain('No answers on standard input');
    expect(text).not.toContain('Summary');
    expect((await readRecords(records)).entries.map((e) => e.body)).toEqual([expect.objectContaining({ subject: 'access-analyzer', status: 'risk-accepted' })]);
  });

  it('Ctrl-C at the very first question says nothing was recorded', async () => {
    const { code, text } = await walk([], 'ctrl-c');
    expect(code).toBe(130);
    expect(text.trim().split('\n').at(-1)).toBe('Interrupted (Ctrl-C): nothing was recorded or applied this session; the question left open recorded nothing.');
  });

  it('piped answers that run out mid-walk end with a sentence and the summary, not the scan', async () => {
    const { code, text } = await walk(['1', 'preview'], 'eof');
    expect(code).toBe(0);
    expect(text).toContain('Standard input ended after 2 answers, so the walk stops here.');
    expect(text).toContain('Summary');
    expect(text).not.toContain('No answers on standard input');
  });

  it("Inquirer's ExitPromptError (Ctrl-C) becomes Interrupted, its AbortPromptError the end of the answers", async () => {
    const asker = await inquirerAsker();
    await expect(asker.choose('Step 1: what now?', [{ value: 'run', name: 'Run the checks' }])).rejects.toBeInstanceOf(Interrupted);
    await expect(asker.text('Why?')).rejects.toBeInstanceOf(NoMoreAnswers);
  });
});
