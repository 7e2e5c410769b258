/**
 * Questions in plain mode, two ways. In a terminal: @inquirer/prompts (arrow keys, a screen
 * reader reads each prompt). With answers piped on stdin: one line per question, the number or
 * the name of a choice, or the text itself; an empty line takes the default. When the answers run
 * out (or there were none, as under CI), NoMoreAnswers ends the walk instead of waiting.
 */
import { createInterface } from 'node:readline';

export interface Choice<T extends string> {
  readonly value: T;
  readonly name: string;
  readonly description?: string;
}

export interface Asker {
  choose<T extends string>(message: string, choices: readonly Choice<T>[], fallback?: T): Promise<T>;
  text(message: string, fallback?: string): Promise<string>;
}

export class NoMoreAnswers extends Error {
  /** `answered`: how many answers came before the input ended (0: none at all). */
  constructor(readonly answered = 0) {
    super('No more answers on standard input.');
    this.name = 'NoMoreAnswers';
  }
}

/** The person pressed Ctrl-C at a question. */
export class Interrupted extends Error {
  constructor() {
    super('Interrupted at a question.');
    this.name = 'Interrupted';
  }
}

/** Inquirer, for a person at a terminal. Ctrl-C becomes Interrupted; a prompt aborted otherwise, NoMoreAnswers. */
export async function inquirerAsker(): Promise<Asker> {
  const { select, input } = await import('@inquirer/prompts');
  const guard = async <T>(ask: () => Promise<T>): Promise<T> => {
    process.stdin.ref();
    try {
      return await ask();
    } catch (e) {
      // Inquirer's ExitPromptError is Ctrl-C (or the terminal closing under the prompt).
      if ((e as Error)?.name === 'ExitPromptError') throw new Interrupted();
      if ((e as Error)?.name === 'AbortPromptError') throw new NoMoreAnswers();
      throw e;
    }
  };
  return {
    choose: (message, choices, fallback) =>
      guard(() => select({ message, choices: choices.map((c) => ({ value: c.value, name: c.name, description: c.description })), default: fallback })),
    text: (message, fallback) => guard(() => input({ message, default: fallback })),
  };
}

/** Answers read line by line from a stream (a pipe or a file); questions echoed to `out`. */
export function lineAsker(input: NodeJS.ReadableStream, out: NodeJS.WritableStream): Asker {
  const rl = createInterface({ input, terminal: false });
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  let answered = 0;
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const w of waiting.splice(0)) w(undefined);
  });
  const nextLine = (): Promise<string | undefined> => {
    if (lines.length > 0) return Promise.resolve(lines.shift());
    if (ended) return Promise.resolve(undefined);
    return new Promise((resolve) => waiting.push(resolve));
  };
  const read = async (): Promise<string> => {
    const line = await nextLine();
    if (line === undefined) {
      out.write('\n');
      rl.close();
      throw new NoMoreAnswers(answered);
    }
    answered++;
    out.write(`${line}\n`);
    return line.trim();
  };
  return {
    async choose(message, choices, fallback) {
      out.write(`? ${message}\n`);
      for (const [i, c] of choices.entries()) out.write(`  ${i + 1}) ${c.name}${c.value === fallback ? ' (default)' : ''}\n`);
      for (;;) {
        out.write('> ');
        const answer = (await read()).toLowerCase();
        if (!answer && fallback !== undefined) return fallback;
        const n = Number(answer);
        if (Number.isInteger(n) && n >= 1 && n <= choices.length) return (choices[n - 1] as Choice<(typeof choices)[number]['value']>).value;
        const named = choices.find((c) => c.value.toLowerCase() === answer) ?? choices.find((c) => c.name.toLowerCase().startsWith(answer));
        if (answer && named) return named.value;
        out.write(`"${answer}" is not one of the choices; answer with a number from 1 to ${choices.length}.\n`);
      }
    },
    async text(message, fallback) {
      out.write(`? ${message}${fallback ? ` (${fallback})` : ''}\n> `);
      const answer = await read();
      return answer || fallback || '';
    },
  };
}
