#!/usr/bin/env node
// The executable: checks the Node version, paints the wizard's first frame at once (when the command
// is the wizard in a terminal), then hands the arguments to the CLI, one esbuild bundle
// (dist/src/bundle/main.js, written by npm run build; scripts/bundle.mjs says how it is made).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`hipaa-wizard needs Node.js 22.12 or newer; this is ${process.version}.\n`);
  process.exit(2);
}

// The commands other than the wizard (src/cli/commands/*.ts) and the flags that mean no walk.
const COMMANDS = new Set(['scan', 'snapshot', 'records', 'decide', 'attest', 'vendor', 'plan', 'apply', 'undo', 'permissions', 'report', 'help']);
const NO_WALK = new Set(['--plain', '--help', '-h', '--version', '-V']);

/**
 * The first frame, before Ink, React and the SDK load (they take a few hundred milliseconds on a
 * slow machine): the header and "Reading the account…", on the alternate screen the Ink wizard
 * then draws over (src/ui/run.ts takes the screen over with globalThis.__hipaaWizardEarly.handOver()).
 * Until then, anything written to stdout or stderr (a usage error, a start-up failure, Ctrl-C's
 * sentence) first leaves the alternate screen, so the sentence stays on the normal screen; so does
 * an exit that wrote nothing. Only for the wizard (no command, or `wizard`) in a terminal whose
 * stdin and stdout are TTYs (or HIPAA_WIZARD_FORCE_INK=1, as the bench sets), TERM not dumb.
 */
function earlyFrame(args) {
  if (args.some((a) => NO_WALK.has(a) || COMMANDS.has(a))) return;
  const forced = process.env.HIPAA_WIZARD_FORCE_INK === '1';
  if (!forced && !(process.stdin.isTTY && process.stdout.isTTY && process.env.TERM !== 'dumb')) return;
  const bench = process.env.HIPAA_WIZARD_BENCH === 'first-frame';
  // The same choice as src/ui/run.ts: the alternate screen on a terminal, except when benchmarking.
  const alternate = Boolean(process.stdout.isTTY) && !bench;
  // Ink hides the cursor on a terminal (and shows it again); so does this frame, until Ink arrives.
  const cursor = Boolean(process.stdout.isTTY);
  const plain = Boolean(process.env.NO_COLOR) || process.env.TERM === 'dumb';
  const dim = (s) => (plain ? s : `\u001b[2m${s}\u001b[22m`);
  const bold = (s) => (plain ? s : `\u001b[1m${s}\u001b[22m`);
  const width = Math.max(20, Number(process.stdout.columns || process.env.COLUMNS) || 80);
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const lines = [bold('hipaa-wizard'), dim('Opening the account…'), dim('─'.repeat(width - 1)), 'Reading the account…'];
  let active = true;
  const leave = () => {
    if (!active) return;
    active = false;
    process.stdout.write = out;
    process.stderr.write = err;
    process.removeListener('SIGINT', onSigint);
    out(`${alternate ? '\u001b[?1049l' : ''}${cursor ? '\u001b[?25h' : ''}`);
  };
  // Ctrl-C before the CLI's own handler is in place: back to the normal screen, one sentence, 130.
  const onSigint = () => {
    leave();
    err('\nhipaa-wizard: interrupted (Ctrl-C) while starting; nothing was read or recorded.\n');
    process.exit(130);
  };
  process.on('SIGINT', onSigint);
  process.on('exit', leave);
  process.stdout.write = (...a) => {
    leave();
    return out(...a);
  };
  process.stderr.write = (...a) => {
    leave();
    return err(...a);
  };
  // Painted once every way out is in place.
  out(`${alternate ? '\u001b[?1049h\u001b[H\u001b[2J' : ''}${cursor ? '\u001b[?25l' : ''}${lines.join('\n')}\n`);
  if (bench) err(`first-frame ${performance.now().toFixed(1)}\n`);
  globalThis.__hipaaWizardEarly = {
    /**
     * Called by the CLI once its own Ctrl-C handler is in place (src/cli/main.ts), which must then be
     * the only one; removed only after, so a Ctrl-C pressed while the bundle loaded is not lost.
     */
    dropSigint: () => process.removeListener('SIGINT', onSigint),
    /** Ink takes the screen as it is: stays on the alternate screen, writes go straight through. */
    handOver: () => {
      if (!active) return false;
      active = false;
      process.stdout.write = out;
      process.stderr.write = err;
      process.removeListener('SIGINT', onSigint);
      process.removeListener('exit', leave);
      return true;
    },
    leave,
  };
}
earlyFrame(process.argv.slice(2));

// HIPAA_WIZARD_BENCH=max-rss (bench/suites/small.ts): the process's peak resident memory, in kB, on
// stderr as it exits ("max-rss N"), so the bench measures the executable as a person runs it.
if (process.env.HIPAA_WIZARD_BENCH === 'max-rss') {
  const { writeSync } = await import('node:fs');
  process.on('exit', () => writeSync(2, `max-rss ${process.resourceUsage().maxRSS}\n`));
}

// Node keeps the compiled code of our modules between runs (in the system's temporary folder), which
// shortens every start after the first.
try {
  (await import('node:module')).enableCompileCache?.();
} catch {
  // an unwritable cache folder only costs speed
}
// React and Ink run their production builds unless told otherwise.
process.env.NODE_ENV ??= 'production';
let cli;
try {
  cli = await import('../dist/src/bundle/main.js');
} catch (e) {
  globalThis.__hipaaWizardEarly?.leave();
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('bundle/main.js')) throw e;
  process.stderr.write('hipaa-wizard is not built: run npm run build (it writes dist/src/bundle/main.js).\n');
  process.exit(70);
}
try {
  await cli.main(process.argv);
} catch (e) {
  // An error that escapes the CLI (a bug): back to the normal screen before Node prints it.
  globalThis.__hipaaWizardEarly?.leave();
  throw e;
}
