/**
 * Stopping a command cleanly on SIGINT (Ctrl-C), SIGTERM and SIGHUP: the command's AbortSignal
 * fires, the library closes the browser (which removes its profile) and writes nothing more, a
 * one-line message says so, and the exit code is 128 + the signal's number (130, 143, 129).
 * The outputs are written all at once at the very end of a build, so a build stopped at any
 * moment leaves the previous ones as they were. A second signal, or a command that does not
 * stop within a few seconds, ends the process at once (the browser module's exit hook still
 * kills the browser and removes its profile).
 */
import { exitCodes, type Io } from './common.ts';

const handled = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Handled = (typeof handled)[number];

/** The reason an interrupted command's signal carries. */
export class Interrupted extends Error {
  constructor(readonly signalName: Handled) {
    super(`stopped by ${signalName}`);
  }
}

/**
 * Runs a command that can be interrupted.
 * @param run the command, given the signal to pass to the library
 * @param graceMs how long to wait for it to stop after the signal
 */
export async function interruptible(io: Io, run: (signal: AbortSignal) => Promise<number>, graceMs = 8_000): Promise<number> {
  const controller = new AbortController();
  let received: Handled | undefined;
  let stopped!: () => void;
  const gaveUp = new Promise<void>((resolve) => (stopped = resolve));
  const listeners = handled.map((name) => {
    const listener = (): void => {
      if (received) {
        // A second signal: no more waiting.
        process.exit(exitCodes[received]);
      }
      received = name;
      controller.abort(new Interrupted(name));
      setTimeout(stopped, graceMs).unref();
    };
    process.on(name, listener);
    return [name, listener] as const;
  });
  try {
    const running = run(controller.signal);
    running.catch(() => undefined);
    const outcome = await Promise.race([running.then((code) => ({ code }), (error: unknown) => ({ error })), gaveUp.then(() => ({ gaveUp: true as const }))]);
    if (received) {
      const by = `${received}${received === 'SIGINT' ? ' (Ctrl-C)' : ''}`;
      io.err('code' in outcome ? `folio: ${by} received as the command ended: it had finished.\n` : `folio: stopped by ${by}: the browser was closed and nothing was written; the previous outputs are as they were.\n`);
      if ('gaveUp' in outcome) {
        // Still running after the grace period: end the process once this message is out.
        setTimeout(() => process.exit(exitCodes[received!]), 100).unref();
      }
      return exitCodes[received];
    }
    if ('error' in outcome) throw outcome.error;
    return (outcome as { code: number }).code;
  } finally {
    for (const [name, listener] of listeners) process.off(name, listener);
  }
}
