import { errorMessage, type Logger } from '../../logger.js';
import { PeriodicTask } from '../../periodic-task.js';
import type { SnapshotReport } from './backend.js';

/**
 * Snapshots of the embedded store every `intervalS` seconds (MESH_EMBEDDED_SNAPSHOT_S) and once more at
 * shutdown, after the gateway has drained its requests. A crash loses at most what arrived since the last
 * one (docs/operations.md, "Embedded store").
 */
export class SnapshotSchedule {
  private readonly task = new PeriodicTask(() => ({ delayMs: this.intervalS * 1000, run: () => this.take('periodic') }));

  constructor(
    private readonly snapshot: () => Promise<SnapshotReport>,
    private readonly intervalS: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.task.start();
  }

  /** Stops the periodic snapshots (waiting for one in progress), then takes the last. */
  async stopWithSnapshot(): Promise<void> {
    await this.task.stop();
    await this.take('shutdown');
  }

  private async take(reason: 'periodic' | 'shutdown'): Promise<void> {
    try {
      const report = await this.snapshot();
      this.log.info('store snapshot written', { reason, ...report });
    } catch (error) {
      // A failed periodic snapshot leaves the previous one in place; the next may succeed.
      this.log.error('store snapshot failed', { reason, error: errorMessage(error) });
      if (reason === 'shutdown') throw error;
    }
  }
}
