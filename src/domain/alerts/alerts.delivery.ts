import type { Logger } from '../../logger.js';
import type { AlertChannelsRepository } from './alert-channels.repository.js';
import type { AlertDeliveriesRepository, AttemptOutcome, ClaimedDelivery } from './alert-deliveries.repository.js';
import type { AlertEventsRepository } from './alert-events.repository.js';
import { DeliveryError, sendVia, type ChannelSenders } from './channels/channel-sender.js';

/** Deliveries claimed per scan; a full batch is followed by another scan at once. */
const BATCH = 32;
/** Attempts in flight at once on one instance. */
const CONCURRENCY = 8;
/** The longest wait between two attempts of one notification, whatever the attempt number. */
const MAX_BACKOFF_MS = 15 * 60_000;

export interface DeliveryOptions {
  readonly instanceId: string;
  /** MESH_ALERT_DELIVERY_ATTEMPTS: attempts per notification, the first included. */
  readonly maxAttempts: number;
  /** MESH_ALERT_RETRY_BASE_MS: the wait after the first failed attempt, doubled after each further one. */
  readonly retryBaseMs: number;
  /** MESH_ALERT_SEND_TIMEOUT_MS: one attempt's time limit. */
  readonly sendTimeoutMs: number;
  /** How often the queue is scanned for retries that came due and for deliveries queued by other instances. */
  readonly pollMs: number;
  readonly log: Logger;
  readonly now?: () => Date;
  readonly random?: () => number;
}

/**
 * The wait before attempt `failed + 1`: exponential (base × 2^(failed−1),
 * capped) with "equal jitter" — a random point in the upper half — so that
 * receivers recovering from an outage are not hit by every instance's
 * retries at the same moment, and no retry comes sooner than half the step.
 */
export function retryDelayMs(failed: number, baseMs: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (failed - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * Hands queued notifications to their channels, off the request path: a
 * timer-driven loop on every instance, woken at once when this instance
 * queues an event. Each attempt is claimed in MongoDB first (so one instance
 * makes it) and recorded afterwards (AlertEvent.deliveries); a failed attempt
 * is retried with backoff up to MESH_ALERT_DELIVERY_ATTEMPTS unless the
 * failure is permanent. A claim outlasts the attempt's time limit, so a
 * claim left by a dead instance simply comes due again.
 */
export class DeliveryWorker {
  private readonly now: () => Date;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly deliveries: AlertDeliveriesRepository,
    private readonly events: AlertEventsRepository,
    private readonly channels: AlertChannelsRepository,
    private readonly senders: ChannelSenders,
    private readonly options: DeliveryOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.wake(0);
  }

  /** Stops scanning and waits for the attempts in flight (each bounded by its time limit). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** New deliveries were queued: scan now rather than at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running !== null) this.again = true;
    else this.wake(0);
  }

  private wake(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => {
        this.running = null;
        const again = this.again;
        this.again = false;
        this.wake(again ? 0 : this.options.pollMs);
      });
    }, delayMs);
  }

  /** Attempts every due delivery, batch after batch, until none is due. */
  async drain(): Promise<void> {
    try {
      for (;;) {
        const ids = await this.deliveries.dueIds(this.now(), BATCH);
        let next = 0;
        const worker = async () => {
          while (next < ids.length && !this.stopped) await this.attempt(ids[next++]!);
        };
        await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
        if (ids.length < BATCH || this.stopped) return;
      }
    } catch (error) {
      this.options.log.warn('alert delivery scan failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private async attempt(id: string): Promise<void> {
    const { instanceId, sendTimeoutMs } = this.options;
    const now = this.now();
    // Twice the time limit plus a margin: SMTP's limits apply per phase (connect, greeting, each command).
    const claim = await this.deliveries.claim(id, instanceId, now, new Date(now.getTime() + 2 * sendTimeoutMs + 5_000));
    if (claim === null) return;
    const error = await this.send(claim);
    const outcome = this.outcome(claim, error);
    if (!(await this.deliveries.record(claim, instanceId, outcome))) {
      this.options.log.warn('alert delivery attempt outlived its claim', { deliveryId: id, attempt: outcome.attempt.attempt });
    } else if (outcome.status === 'failed') {
      this.options.log.warn('alert notification failed', {
        deliveryId: id,
        attempts: outcome.attempt.attempt,
        error: outcome.attempt.error,
      });
    }
  }

  /** Sends one notification; null on success, else the failure. */
  private async send(claim: ClaimedDelivery): Promise<DeliveryError | null> {
    try {
      const event = await this.events.find(claim.tenant, claim.eventId);
      if (event === null) return new DeliveryError('the alert event is no longer stored', false);
      const settings = await this.channels.find(claim.tenant, claim.channel);
      if (settings === null) return new DeliveryError(`no ${claim.channel} channel is configured for this organization`, false);
      await sendVia(this.senders, settings.config, { tenant: claim.tenant, event });
      return null;
    } catch (error) {
      if (error instanceof DeliveryError) return error;
      // Anything else (the store away while reading the event, a library fault) may pass: retry.
      return new DeliveryError(error instanceof Error ? error.message : String(error), true);
    }
  }

  private outcome(claim: ClaimedDelivery, error: DeliveryError | null): AttemptOutcome {
    const at = this.now();
    const number = claim.attemptsMade + 1;
    const attempt = { channel: claim.channel, attempt: number, ok: error === null, error: error?.message ?? null, at };
    if (error === null) return { attempt, status: 'delivered', nextAttemptAt: null };
    if (!error.retriable || number >= this.options.maxAttempts) return { attempt, status: 'failed', nextAttemptAt: null };
    return {
      attempt,
      status: 'pending',
      nextAttemptAt: new Date(at.getTime() + retryDelayMs(number, this.options.retryBaseMs, this.random)),
    };
  }
}
