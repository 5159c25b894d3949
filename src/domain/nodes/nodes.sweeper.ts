import type { Logger } from '../../logger.js';
import type { NodesService } from './nodes.service.js';

/**
 * Runs the offline sweep on a timer, so a node goes offline without any
 * request arriving. One pass at a time (the next is scheduled when the
 * previous ends); a failed pass (store away) is logged and the timer goes on.
 */
export class NodeOfflineSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly nodes: NodesService,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** Stops the timer and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.pass().finally(() => {
        this.running = null;
        this.schedule();
      });
    }, this.intervalMs);
  }

  private async pass(): Promise<void> {
    try {
      const transitions = await this.nodes.sweepOffline();
      if (transitions > 0) this.log.info('nodes went offline', { count: transitions });
    } catch (error) {
      this.log.warn('offline sweep failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
