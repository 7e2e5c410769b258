/**
 * Starts the Ink wizard on the real terminal: the alternate screen (so exit leaves the terminal as
 * it was), interactive rendering whenever stdout is a terminal (Ink turns it off under CI
 * otherwise), and a short closing summary printed on the normal screen after exit.
 */
import { render } from 'ink';
import { createElement } from 'react';
import type { Registry } from '../engine/registry.js';
import { Wizard } from './components/wizard.js';
import { runOf, type WizardState } from '../wizard/state.js';
import { themeFromEnv } from './theme.js';
import { outline, type WalkServices } from '../wizard/services.js';
import { onAlternateScreen } from '../session/interrupt.js';

export interface RunInkOptions {
  readonly services: WalkServices;
  readonly registry: Registry;
  readonly firstStep?: string;
}

/** Runs the wizard until the person exits; returns the exit code. */
export async function runInk({ services, registry, firstStep }: RunInkOptions): Promise<number> {
  let final: WizardState | undefined;
  const bench = process.env.HIPAA_WIZARD_BENCH === 'first-frame';
  let frames = 0;
  // The executable may have painted a first frame already (bin/hipaa-wizard.js): Ink draws over it.
  // A Ctrl-C pressed while the bundle loaded (synchronously) is delivered first, on the next turn of
  // the event loop, so its sentence lands on the normal screen rather than on Ink's alternate one.
  await new Promise((resolve) => setImmediate(resolve));
  const early = (globalThis as { __hipaaWizardEarly?: { handOver(): boolean } }).__hipaaWizardEarly?.handOver() ?? false;
  // Inquirer may have paused stdin before; Ink needs it flowing.
  process.stdin.resume();
  const alternateScreen = Boolean(process.stdout.isTTY) && !bench;
  // Until Ink puts the terminal in raw mode, Ctrl-C is a SIGINT: its sentence must leave this screen.
  onAlternateScreen(alternateScreen);
  const instance = render(
    createElement(Wizard, { services, steps: outline(registry), theme: themeFromEnv(), startAt: firstStep, onExit: (s: WizardState) => (final = s) }),
    {
      interactive: Boolean(process.stdout.isTTY),
      alternateScreen,
      // Ctrl-C arrives as a key (the terminal is in raw mode): the walk decides (src/wizard/state.ts).
      exitOnCtrlC: false,
      patchConsole: true,
      onRender: bench
        ? () => {
            if (frames++ === 0) {
              // Ink's first frame; `first-frame` when the executable painted none before it.
              const t = performance.now().toFixed(1);
              process.stderr.write(early ? `ink-frame ${t}\n` : `first-frame ${t}\nink-frame ${t}\n`);
              setImmediate(() => instance.unmount());
            }
          }
        : undefined,
    },
  );
  await instance.waitUntilExit();
  onAlternateScreen(false);
  services.close();
  if (!final) return 0;
  process.stdout.write(closingLines(final).join('\n') + '\n');
  return walkExitCode(final);
}

/** 130 after Ctrl-C (the shell's convention); 2 when the account could not be opened; 0 otherwise. */
export function walkExitCode(state: WizardState): number {
  if (state.interrupted) return 130;
  return state.phase === 'ready' ? 0 : 2;
}

/** What stays on the normal screen after the wizard closes. */
export function closingLines(state: WizardState): string[] {
  if (state.phase !== 'ready') {
    const why = state.failure ?? (state.phase === 'connecting' ? 'You quit while the account was being opened; nothing was read or recorded.' : 'The account could not be opened.');
    return [state.interrupted ? 'hipaa-wizard: interrupted while opening the account; nothing was read or recorded.' : `hipaa-wizard: ${why}`];
  }
  const checked = state.steps.filter((s) => runOf(state, s.id).state === 'done');
  const failing = checked.reduce((n, s) => n + Object.values(runOf(state, s.id).findings).filter((f) => f.status === 'fail').length, 0);
  const lines = [
    `hipaa-wizard: ${checked.length} of ${state.steps.length} steps checked this session, ${failing} finding${failing === 1 ? '' : 's'} failing; ${state.fixed.filter((f) => f.ok).length} fixed, ${state.recorded.length} recorded.`,
  ];
  if (state.session) lines.push(`Records: ${state.session.recordsDir} (run hipaa-wizard again to resume where you left off).`);
  if (state.report?.status === 'written') lines.push(`Report: ${state.report.file}`);
  if (state.interrupted) {
    const kept = state.recorded.length + state.fixed.length > 0 ? 'what was recorded and applied before it is kept' : 'nothing was recorded or applied this session';
    const dropped = state.interrupted.dropped;
    lines.push(`Interrupted (Ctrl-C): ${kept}${dropped ? `; the unsaved ${dropped.kind} form for ${dropped.subject} was dropped` : ''}.`);
  }
  return lines;
}
