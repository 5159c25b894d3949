import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { EmbeddedMongoError, type EmbeddedBackend } from './backend.js';

const OUTPUT_TAIL_CHARS = 4_000;
const OUTPUT_DRAIN_MS = 500;

interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly error?: Error;
}

interface SupervisedOptions {
  /** Sent synchronously from process.on('exit'), where nothing asynchronous can run any more. */
  readonly exitSignal: NodeJS.Signals;
  /** Called when the process ends after startup without terminate() having been asked. */
  readonly onUnexpectedExit?: (description: string) => void;
  /** Variables added to this process's environment for the child. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * A child process that cannot outlive this one (exit handler) and whose output tail is kept for
 * error messages. Detached into its own process group so that a Ctrl-C in the terminal reaches
 * only the gateway, which then drains and stops the child itself.
 */
export class SupervisedProcess {
  readonly exited: Promise<ExitStatus>;
  private readonly killOnExit: () => void;
  private tail = '';
  private started = false;
  private stopping = false;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    options: SupervisedOptions,
  ) {
    this.killOnExit = () => {
      this.child.kill(options.exitSignal);
    };
    process.on('exit', this.killOnExit);

    // Pipe errors (EPIPE once the child died) are expected; the exit status tells what happened.
    for (const stream of [child.stdin, child.stdout, child.stderr]) stream.on('error', () => undefined);
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        this.tail = (this.tail + chunk).slice(-OUTPUT_TAIL_CHARS);
      });
    }

    this.exited = new Promise<ExitStatus>((resolve) => {
      // 'close' follows 'exit' once the output is drained, so error messages get the last lines.
      // A grandchild that inherited the pipes could hold them open forever and keep this process
      // alive, so they are cut shortly after the exit.
      child.once('exit', () => {
        setTimeout(() => {
          for (const stream of [child.stdin, child.stdout, child.stderr]) stream.destroy();
        }, OUTPUT_DRAIN_MS).unref();
      });
      child.once('close', (code, signal) => resolve({ code, signal }));
      child.on('error', (error) => {
        // 'error' also reports failed kill() calls on a running child; only a failed spawn ends it.
        if (child.pid === undefined) resolve({ code: null, signal: null, error });
      });
    });
    void this.exited.then((status) => {
      process.off('exit', this.killOnExit);
      if (this.started && !this.stopping) {
        options.onUnexpectedExit?.(`exited unexpectedly (${describeExit(status)}).${formatTail(this.output())}`);
      }
    });
  }

  static spawn(command: string, args: readonly string[], options: SupervisedOptions): SupervisedProcess {
    const env = options.env === undefined ? process.env : { ...process.env, ...options.env };
    return new SupervisedProcess(spawn(command, args, { stdio: 'pipe', detached: true, env }), options);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stdout(): Readable {
    return this.child.stdout;
  }

  output(): string {
    return this.tail.trim();
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Writes one line to the process's stdin (a command, for processes that read them). */
  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  closeStdin(): void {
    this.child.stdin.end();
  }

  /** Resolves with `ready` once the process is up; kills it if it exits or times out first. */
  async awaitStartup<T>(ready: Promise<T>, timeoutMs: number, what: string, backend: EmbeddedBackend): Promise<T> {
    const timeout = new AbortController();
    const died = this.exited.then((status): never => {
      throw new EmbeddedMongoError(backend, `${what} ${startFailure(status)} before accepting connections.${formatTail(this.output())}`, {
        cause: status.error,
      });
    });
    const timedOut = delay(timeoutMs, undefined, { signal: timeout.signal }).then((): never => {
      throw new EmbeddedMongoError(backend, `${what} did not accept connections within ${timeoutMs / 1000} s.${formatTail(this.output())}`);
    });
    try {
      const value = await Promise.race([ready, died, timedOut]);
      this.started = true;
      return value;
    } catch (error) {
      await this.kill();
      throw error;
    } finally {
      timeout.abort();
    }
  }

  /** Waits for the process to end on its own; kills it after `timeoutMs`. */
  async awaitExit(timeoutMs: number, backend: EmbeddedBackend): Promise<ExitStatus> {
    const timeout = new AbortController();
    try {
      const status = await Promise.race([this.exited, delay(timeoutMs, undefined, { signal: timeout.signal }).then(() => undefined)]);
      if (status === undefined) {
        await this.kill();
        throw new EmbeddedMongoError(
          backend,
          `${this.child.spawnargs.join(' ')} did not finish within ${timeoutMs / 1000} s.${formatTail(this.output())}`,
        );
      }
      if (status.error)
        throw new EmbeddedMongoError(backend, `Could not run ${this.child.spawnfile}: ${status.error.message}`, { cause: status.error });
      return status;
    } finally {
      timeout.abort();
    }
  }

  /** Asks the process to end, SIGKILLs it after `deadlineMs`, and resolves once it has exited. */
  async terminate(ask: () => void, deadlineMs: number): Promise<void> {
    this.stopping = true;
    if (this.hasExited()) return;
    ask();
    const deadline = new AbortController();
    const endedInTime = await Promise.race([
      this.exited.then(() => true),
      delay(deadlineMs, false, { signal: deadline.signal }).catch(() => false),
    ]);
    deadline.abort();
    if (!endedInTime) await this.kill();
  }

  async kill(): Promise<void> {
    this.stopping = true;
    if (!this.hasExited()) this.child.kill('SIGKILL');
    await this.exited;
  }

  private hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null || this.child.pid === undefined;
  }
}

function startFailure(status: ExitStatus): string {
  return status.error ? `could not be started (${status.error.message})` : `exited (${describeExit(status)})`;
}

export function describeExit(status: ExitStatus): string {
  if (status.error) return status.error.message;
  return status.signal ? `signal ${status.signal}` : `exit code ${status.code ?? 'unknown'}`;
}

export function formatTail(output: string): string {
  return output ? `\n--- last output ---\n${output}` : '';
}
