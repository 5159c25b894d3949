import type { Logger } from '../../logger.js';
import { PeriodicTask } from '../../periodic-task.js';
import type { NodesService } from './nodes.service.js';

/**
 * Runs the offline sweep on a timer, so a node goes offline without any
 * request arriving. One pass at a time (the next is scheduled when the
 * previous ends); a failed pass (store away) is logged and the timer goes on.
 */
export class NodeOfflineSweeper {
  private readonly task = new PeriodicTask(() => ({ delayMs: this.intervalMs, run: () => this.pass() }));

  constructor(
    private readonly nodes: NodesService,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.task.start();
  }

  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void> {
    return this.task.stop();
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
