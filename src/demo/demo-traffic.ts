/**
 * Demo traffic: a simulated shop (api-gateway → order-svc → inventory-svc / payment-svc → postgres-orders,
 * kafka → notification-svc, Stripe and SendGrid as uninstrumented peers) in two clusters, emitted through
 * the real OpenTelemetry JS SDK and its OTLP/HTTP protobuf exporter, so the gateway ingests exactly what a
 * production SDK would send.
 *
 * A trace is first planned as plain data (times relative to the trace start, drawn from a seeded PRNG) and
 * then replayed through the SDK with explicit start/end times. Planning first lets the same plan be placed
 * anywhere in time: backdated into the last hour for a burst, or ending "now" for the live trickle.
 */
import { ROOT_CONTEXT, SpanStatusCode, trace, type Context, type HrTime } from '@opentelemetry/api';
import { Fleet } from './fleet.js';
import { Rng } from './rng.js';
import { planTrace, traceDurationUs, type PlannedSpan, type TracePlan } from './trace-plans.js';

export interface DemoOptions {
  /** Gateway base URL; spans go to `<baseUrl>/v1/traces`. */
  baseUrl: string;
  apiKey: string;
  /** Burst size for `emitDemoTraces`; for `startDemoTraffic`, traces backfilled over the last hour before the trickle starts (default 0). */
  traces?: number;
  /** Same seed, same trace shapes, timings and counts. Span and trace ids stay random so that re-seeding never overwrites earlier traces. */
  seed?: number;
  log?: (msg: string) => void;
}

/** A type alias, not an interface, so that it stays assignable to `Record<string, unknown>` (structured log fields). */
export type DemoResult = { traces: number; spans: number };

export interface DemoTraffic {
  stop(): Promise<void>;
}

const BACKFILL_WINDOW_MS = 60 * 60 * 1000;
/** How often `npm run demo` emits a trace (about 40 spans per second). */
export const DEMO_TRACE_INTERVAL_MS = 300;
/** Flushing every few dozen traces keeps each BatchSpanProcessor queue far below its maxQueueSize, so a burst never drops spans. */
const FLUSH_EVERY_TRACES = 50;

function toHrTime(epochUs: number): HrTime {
  return [Math.floor(epochUs / 1_000_000), (epochUs % 1_000_000) * 1000];
}

/** Replays a plan starting at `originUs` (epoch microseconds); returns the number of spans emitted. */
function emitTrace(fleet: Fleet, plan: TracePlan, originUs: number): number {
  const emit = (planned: PlannedSpan, parent: Context): number => {
    const tracer = fleet.tracer(plan.cluster, planned.service, plan.replicas[planned.service]);
    const span = tracer.startSpan(
      planned.name,
      { kind: planned.kind, startTime: toHrTime(originUs + planned.startUs), attributes: planned.attributes },
      parent,
    );
    const context = trace.setSpan(parent, span);
    const emitted = planned.children.reduce((count, child) => count + emit(child, context), 1);
    if (planned.exception !== undefined) {
      span.recordException(
        { name: planned.exception.type, message: planned.exception.message, stack: planned.exception.stacktrace },
        toHrTime(originUs + planned.exception.atUs),
      );
    }
    if (planned.failed) {
      span.setStatus(
        planned.exception === undefined
          ? { code: SpanStatusCode.ERROR }
          : { code: SpanStatusCode.ERROR, message: planned.exception.message },
      );
    }
    span.end(toHrTime(originUs + planned.endUs));
    return emitted;
  };
  // ROOT_CONTEXT, not context.active(): inside the gateway process a request's context may be active, and the demo must not nest under it.
  return emit(plan.root, ROOT_CONTEXT);
}

function tracesUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/v1/traces`;
}

function describeExportError(url: string, error: Error): string {
  const status = 'code' in error && typeof error.code === 'number' ? ` (HTTP ${error.code})` : '';
  return `OTLP export to ${url} failed${status}: ${error.message}`;
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}

/**
 * Emits `count` traces spread over the hour before `nowMs`, flushing as it goes.
 * Stops at the first flush after which `failure()` reports an export error.
 */
async function emitBackfill(fleet: Fleet, rng: Rng, count: number, nowMs: number, failure: () => Error | undefined): Promise<DemoResult> {
  const nowUs = nowMs * 1000;
  const slotUs = (BACKFILL_WINDOW_MS * 1000) / count;
  const windowStartUs = nowUs - BACKFILL_WINDOW_MS * 1000;
  let spans = 0;
  for (let i = 0; i < count; i++) {
    const plan = planTrace(rng);
    const slotStartUs = windowStartUs + Math.floor((i + rng.next()) * slotUs);
    spans += emitTrace(fleet, plan, Math.min(slotStartUs, nowUs - traceDurationUs(plan.root)));
    if ((i + 1) % FLUSH_EVERY_TRACES === 0 || i + 1 === count) {
      await fleet.flush();
      const error = failure();
      if (error !== undefined) throw error;
    }
  }
  return { traces: count, spans };
}

/**
 * One-shot burst of `traces` traces backdated over the hour before `now`. Resolves once every span has been
 * accepted by the gateway and the providers are shut down; rejects on the first failed export.
 */
export async function emitDemoTraces(options: DemoOptions & { traces: number; now?: Date }): Promise<DemoResult> {
  if (!Number.isInteger(options.traces) || options.traces < 1) {
    throw new RangeError(`traces must be a positive integer, got ${options.traces}`);
  }
  const url = tracesUrl(options.baseUrl);
  let firstFailure: Error | undefined;
  const fleet = new Fleet({
    tracesUrl: url,
    apiKey: options.apiKey,
    // Bursts flush explicitly; the timer would only add unscheduled exports.
    scheduledDelayMillis: 60_000,
    onExportResult: (error) => {
      if (error !== undefined) firstFailure ??= new Error(describeExportError(url, error), { cause: error });
    },
  });
  const rng = new Rng(options.seed ?? randomSeed());
  try {
    return await emitBackfill(fleet, rng, options.traces, (options.now ?? new Date()).getTime(), () => firstFailure);
  } finally {
    await fleet.shutdown();
  }
}

/**
 * Optionally backfills the last hour (`traces`), then emits one trace every `intervalMs` (default 300 ms),
 * each ending at the moment it is emitted. Export failures are logged once when they start and once when
 * exports recover; the trickle keeps going either way.
 */
export function startDemoTraffic(options: DemoOptions & { intervalMs?: number }): DemoTraffic {
  const log = options.log ?? ((msg: string) => console.log(msg));
  const url = tracesUrl(options.baseUrl);
  let failure: Error | undefined;
  const fleet = new Fleet({
    tracesUrl: url,
    apiKey: options.apiKey,
    scheduledDelayMillis: 1000,
    onExportResult: (error) => {
      if (error !== undefined && failure === undefined) log(`demo traffic: ${describeExportError(url, error)}`);
      if (error === undefined && failure !== undefined) log('demo traffic: export recovered');
      failure = error;
    },
  });
  const rng = new Rng(options.seed ?? randomSeed());

  const backfillTraces = options.traces ?? 0;
  const backfill =
    backfillTraces > 0
      ? emitBackfill(fleet, rng, backfillTraces, Date.now(), () => failure).then(
          (result) => log(`demo traffic: backfilled ${result.traces} traces (${result.spans} spans) over the last hour`),
          (error: unknown) => log(`demo traffic: backfill failed: ${error instanceof Error ? error.message : String(error)}`),
        )
      : Promise.resolve();

  const timer = setInterval(() => {
    const plan = planTrace(rng);
    emitTrace(fleet, plan, Date.now() * 1000 - traceDurationUs(plan.root));
  }, options.intervalMs ?? DEMO_TRACE_INTERVAL_MS);
  // The demo must never be what keeps the process alive.
  timer.unref();

  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        clearInterval(timer);
        await backfill;
        await fleet.shutdown();
      })()),
  };
}
