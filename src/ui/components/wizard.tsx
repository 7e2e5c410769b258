import { Box, Text, useApp, useInput, useStdin, useWindowSize } from 'ink';
import { useCallback, useEffect, useState } from 'react';
import { useWalk } from '../hooks/use-walk.js';
import { currentStep, findingOf, type KeyInfo, type StepOutline, type WizardState } from '../../wizard/state.js';
import { type Theme, ThemeContext, toneColor } from '../theme.js';
import type { WalkServices } from '../../wizard/services.js';
import { ApplyProgress } from './apply-progress.js';
import { Banner, bannerLines } from './banner.js';
import { CheckList } from './check-list.js';
import { ConfirmApply } from './confirm-apply.js';
import { FindingView } from './finding-view.js';
import { FormView } from './form-view.js';
import { Header } from './header.js';
import { Help } from './help.js';
import { KeyHints } from './key-hints.js';
import { PlanView } from './plan-view.js';
import { Spinner } from './spinner.js';
import { StepIntro } from './step-intro.js';
import { StepList } from './step-list.js';
import { Summary } from './summary.js';

export interface WizardProps {
  readonly services: WalkServices;
  readonly steps: readonly StepOutline[];
  readonly theme: Theme;
  /** Called with the final state when the person exits; the caller prints the closing summary. */
  readonly onExit?: (state: WizardState) => void;
  /** The step to open first (--step); otherwise the saved position, or step 1. */
  readonly startAt?: string;
  /** A fixed terminal size (tests); otherwise the terminal's own, following resizes. */
  readonly size?: { readonly columns: number; readonly rows: number };
}

const SIDE_MIN_COLUMNS = 72;

/**
 * Keys typed quickly (`n n`, two Enters) can reach the terminal as one chunk, which Ink hands over
 * as one input ("nn", "\r\r"): split it back into the keys it is, so each one is handled.
 */
export function splitChunk(input: string, key: KeyInfo & { readonly meta?: boolean }): { input: string; key: KeyInfo }[] {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta) return [{ input, key }];
  return chars.map((c) => {
    if (c === '\r' || c === '\n') return { input: '', key: { return: true } };
    if (c === '\t') return { input: '', key: { tab: true } };
    return { input: c, key: { shift: c !== c.toLowerCase() } };
  });
}

/** The whole wizard: header, steps down the side, the current step in the main pane, key hints. */
export function Wizard({ services, steps, theme, onExit, startAt, size }: WizardProps): React.JSX.Element {
  const app = useApp();
  const done = useCallback(
    (state: WizardState) => {
      onExit?.(state);
      app.exit();
    },
    [app, onExit],
  );
  const [state, dispatch] = useWalk(services, steps, done, startAt);
  // Without a raw-mode terminal on stdin (a benchmark, a pipe) the wizard draws but takes no keys.
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      for (const one of splitChunk(input, key)) dispatch({ type: 'key', input: one.input, key: one.key });
    },
    { isActive: isRawModeSupported },
  );
  const terminal = useWindowSize();
  const { columns, rows } = size ?? terminal;
  const width = Math.max(40, columns || 80);
  const height = Math.max(12, rows || 24);
  const side = width >= SIDE_MIN_COLUMNS ? Math.min(32, Math.max(26, Math.floor(width * 0.3))) : 0;
  const mainWidth = width - side - (side ? 2 : 0) - 1;
  const bannerRows = state.banner ? bannerLines(state.banner, width).length : 0;
  const bodyHeight = height - 4 - bannerRows;
  const step = currentStep(state);
  const where = side === 0 && step ? `step ${step.number} of ${steps.length}` : undefined;

  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={width} height={height}>
        <Header session={state.session} width={width} where={where} />
        <Text dimColor>{'─'.repeat(width - 1)}</Text>
        <Box flexDirection="row" height={bodyHeight}>
          {side > 0 ? (
            <>
              <StepList state={state} width={side} height={bodyHeight} />
              <Box width={2} />
            </>
          ) : null}
          <Box flexDirection="column" width={mainWidth} height={bodyHeight} overflow="hidden">
            {state.help ? <Help recordsDir={state.session?.recordsDir} width={mainWidth} height={bodyHeight} /> : <Main state={state} width={mainWidth} height={bodyHeight} theme={theme} opening={services.opening} />}
          </Box>
        </Box>
        {state.banner ? <Banner banner={state.banner} width={width} /> : null}
        <KeyHints state={state} width={width} />
      </Box>
    </ThemeContext.Provider>
  );
}

function Main({
  state,
  width,
  height,
  theme,
  opening,
}: {
  readonly state: WizardState;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
  readonly opening: WalkServices['opening'];
}): React.JSX.Element | null {
  if (state.phase === 'connecting') {
    if (opening !== 'live') {
      return (
        <Text>
          <Spinner /> {opening === 'demo' ? 'Opening the demo account (built in: no AWS call is made)…' : 'Reading the snapshot (no AWS call is made)…'}
        </Text>
      );
    }
    return <Connecting waitingOn={state.openingCall} />;
  }
  if (state.phase === 'failed') {
    return (
      <Box flexDirection="column">
        <Text bold color={toneColor(theme, 'bad')}>
          The account could not be opened.
        </Text>
        <Text wrap="wrap">{state.failure}</Text>
        <Text> </Text>
        <Text>Press r to try again or q to quit.</Text>
      </Box>
    );
  }
  const step = currentStep(state);
  const s = state.screen;
  switch (s.name) {
    case 'intro':
      return step ? <StepIntro step={step} width={width} height={height} scroll={state.scroll} /> : null;
    case 'checks':
      return <CheckList state={state} width={width} height={height} />;
    case 'finding': {
      const finding = findingOf(state, s.id);
      return finding ? <FindingView finding={finding} width={width} height={height} scroll={state.scroll} /> : null;
    }
    case 'plan':
      return <PlanView preview={s.preview} error={s.error} width={width} height={height} scroll={state.scroll} />;
    case 'confirm':
      return <ConfirmApply preview={s.preview} typed={s.typed} error={s.error} />;
    case 'applying':
      return <ApplyProgress title={s.preview.plan.title} actions={s.actions} result={s.result} error={s.error} width={width} />;
    case 'form':
      return <FormView title={findingOf(state, s.id)?.title ?? s.id} form={s.form} width={width} />;
    case 'summary':
      return <Summary state={state} width={width} height={height} />;
  }
}

/** Opening a live account: the call waited on and the seconds it has taken, every second (a hung endpoint shows here). */
function Connecting({ waitingOn }: { readonly waitingOn?: WizardState['openingCall'] }): React.JSX.Element {
  const [now, setNow] = useState(() => Date.now());
  const [started] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - (waitingOn?.since ?? started)) / 1000));
  return (
    <Box flexDirection="column">
      <Text>
        <Spinner /> Connecting to the account (the first AWS call asks who you are)…
      </Text>
      {seconds > 0 ? <Text wrap="wrap">{connectingLine(seconds, waitingOn?.call)}</Text> : null}
    </Box>
  );
}

/** The line under the connecting spinner once a second has passed: the call waited on, when known. */
export function connectingLine(seconds: number, call?: string): string {
  const waited = call
    ? `Waiting ${seconds} s for AWS to answer ${call}.`
    : `Waiting ${seconds} s for AWS to answer: it is asked who you are (sts:GetCallerIdentity), then which regions are enabled.`;
  return seconds >= 10 ? `${waited} It has not answered yet: check the network, a proxy or AWS_ENDPOINT_URL; q stops waiting.` : waited;
}
