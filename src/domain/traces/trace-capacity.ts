import { errorMessage, type Logger } from '../../logger.js';
import { PeriodicTask } from '../../periodic-task.js';
import type { CapacityRepository, StoredTrace } from './capacity.repository.js';

export interface TraceCapacityOptions {
  /** Spans the store may hold (MESH_EMBEDDED_MAX_SPANS). */
  readonly maxSpans: number;
  /** How often the span count is checked. */
  readonly checkIntervalMs: number;
  /** Told what each pass evicted (metrics). */
  readonly onEvicted?: (evicted: EvictionResult) => void;
  /** The share of the store's heap its data holds, when the store reports it (the embedded mongo-java-server). */
  readonly heapUsed?: () => number | undefined;
}

export interface EvictionResult {
  readonly traces: number;
  readonly spans: number;
}

/** Traces evicted per round of span deletes, then summary deletes: bounds how long a trace may be seen shrinking. */
const TRACES_PER_ROUND = 500;
/** Share of the store's heap beyond which spans are evicted although the store holds fewer than maxSpans. */
const HEAP_LIMIT = 0.8;
/** After evicting for the heap, how long its reports (the least use after a collection over a minute) take to show it. */
const HEAP_SETTLE_MS = 65_000;

/**
 * Keeps the embedded store within its span capacity, like Jaeger's `--memory.max-traces`, and within its
 * heap: once the store
 * holds more than `maxSpans` spans, the oldest traces (by start) are evicted whole — their spans, then their
 * summaries — until it holds at most 90 % of it, so that the sort that finds the oldest traces runs once per
 * tenth of the capacity ingested, not on every batch. Rollups are not touched: services and topology keep
 * their history (MESH_RETENTION_HOURS).
 *
 * A trace is never left half: its spans go first and its summary only if it still lists just those spans;
 * a span that arrived meanwhile keeps the summary, which the next pass evicts whole (it is still the
 * oldest), and a pass interrupted between the two steps leaves a summary that the next pass finishes.
 */
export class TraceCapacity {
  private readonly task = new PeriodicTask(() => ({ delayMs: this.options.checkIntervalMs, run: () => this.pass() }));
  private heapSettlesAt = 0;

  constructor(
    private readonly repo: CapacityRepository,
    private readonly options: TraceCapacityOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /**
   * Evicts the oldest whole traces if the store holds more than `maxSpans` spans, or a tenth of its spans
   * when its data fills more than 80 % of its heap (spans larger than the capacity assumed, rollups of a long
   * retention): the capacity is a count, and only the heap is the store's real bound.
   */
  async enforce(now = Date.now()): Promise<EvictionResult> {
    const { spans, traces } = await this.repo.counts();
    const heap = now >= this.heapSettlesAt ? this.options.heapUsed?.() : undefined;
    const squeezed = heap !== undefined && heap > HEAP_LIMIT && spans > 0;
    const limit = squeezed ? Math.min(this.options.maxSpans, spans - 1) : this.options.maxSpans;
    if (spans <= limit) return { traces: 0, spans: 0 };
    if (squeezed) {
      this.heapSettlesAt = now + HEAP_SETTLE_MS;
      this.log.warn('store heap nearly full: evicting traces below MESH_EMBEDDED_MAX_SPANS', {
        heapUsedPct: Math.round(heap * 100),
        spans,
        maxSpans: this.options.maxSpans,
        advice: 'raise MESH_EMBEDDED_HEAP_MB, or lower MESH_EMBEDDED_MAX_SPANS or MESH_RETENTION_HOURS',
      });
    }
    const target = limit - Math.floor(limit / 10);
    let excess = spans - target;
    const evicted = { traces: 0, spans: 0 };
    // Span counts per trace vary: ask for the traces the excess needs at the average size, plus a margin.
    const perTrace = Math.max(1, spans / Math.max(1, traces));
    let progress = true;
    while (excess > 0 && progress) {
      const oldest = await this.repo.oldest(Math.min(50_000, Math.max(100, Math.ceil((excess / perTrace) * 1.2))));
      progress = false;
      let next = 0;
      while (next < oldest.length && excess > 0) {
        // Just the traces whose spans cover the excess, oldest first.
        const round: StoredTrace[] = [];
        for (let covered = 0; next < oldest.length && round.length < TRACES_PER_ROUND && covered < excess; next++) {
          round.push(oldest[next]!);
          covered += oldest[next]!.spanDocumentIds.length;
        }
        const done = await this.evict(round);
        evicted.traces += done.traces;
        evicted.spans += done.spans;
        excess -= done.spans;
        progress ||= done.traces + done.spans > 0;
      }
    }
    return evicted;
  }

  private async evict(traces: readonly StoredTrace[]): Promise<EvictionResult> {
    const spans = await this.repo.deleteSpans(traces.flatMap((t) => t.spanDocumentIds));
    const listed = new Map(traces.map((t) => [t.id, new Set(t.spanDocumentIds)]));
    const now = await this.repo.current(traces.map((t) => t.id));
    const unchanged = now.filter((t) => t.spanDocumentIds.every((id) => listed.get(t.id)?.has(id)));
    const summaries = await this.repo.deleteSummaries(unchanged.map((t) => t.id));
    return { traces: summaries, spans };
  }

  private async pass(): Promise<void> {
    try {
      const evicted = await this.enforce();
      const { traces, spans } = evicted;
      if (traces + spans > 0) this.options.onEvicted?.(evicted);
      if (traces > 0) this.log.info('store at capacity: oldest traces evicted', { traces, spans, maxSpans: this.options.maxSpans });
    } catch (error) {
      this.log.warn('capacity eviction failed', { error: errorMessage(error) });
    }
  }
}
