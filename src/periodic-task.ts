/** One scheduled run: how long to wait, and what to run then. */
export interface ScheduledRun {
  readonly delayMs: number;
  readonly run: () => Promise<void>;
}

/**
 * A background loop that runs one pass at a time: the next pass is planned
 * (by `next`) only when the previous one has ended, so passes never overlap,
 * and `stop()` waits for a pass in progress. Passes handle their own errors.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly next: () => ScheduledRun) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    const { delayMs, run } = this.next();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = run().finally(() => {
        this.running = null;
        this.schedule();
      });
    }, delayMs);
  }
}
