import { ValidationError } from '../../errors.js';

/**
 * Rollups exist at two resolutions, both maintained at ingest: per minute and
 * per hour (UTC, epoch-aligned). A window of up to 6 h is read as minute
 * buckets at its ragged edges and hour buckets in between; a longer one as
 * hour buckets only. Either way the cost is bounded by the window length, never
 * by the span count.
 */
export type Resolution = 'm' | 'h';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const RESOLUTION_MS: Readonly<Record<Resolution, number>> = { m: MINUTE_MS, h: HOUR_MS };

export function floorTo(ms: number, unitMs: number): number {
  return Math.floor(ms / unitMs) * unitMs;
}

export function ceilTo(ms: number, unitMs: number): number {
  return Math.ceil(ms / unitMs) * unitMs;
}

/** A query window as the API takes it: [from, to). */
export interface TimeWindow {
  readonly from: Date;
  readonly to: Date;
}

/** Bucket starts t with from ≤ t < to, at one resolution. */
export interface BucketRange {
  readonly res: Resolution;
  readonly from: Date;
  readonly to: Date;
}

/** Up to this length a window is read to the minute; longer ones from hour buckets alone. */
export const MINUTE_PRECISION_MAX_MS = 6 * HOUR_MS;

/**
 * The window a query actually reads: widened to whole minutes (a bucket
 * counts when its minute overlaps the window), or to whole hours for windows
 * longer than 6 h, which then cost one bucket per hour and key.
 */
export function coveredWindow(window: TimeWindow): TimeWindow {
  const unit = window.to.getTime() - window.from.getTime() > MINUTE_PRECISION_MAX_MS ? HOUR_MS : MINUTE_MS;
  return { from: new Date(floorTo(window.from.getTime(), unit)), to: new Date(ceilTo(window.to.getTime(), unit)) };
}

/**
 * The buckets of the covered window: minute buckets up to the first full
 * hour, hour buckets for the full hours, minute buckets after the last one.
 * A 6 h window costs at most 5 hour buckets + 118 minute buckets per key.
 */
export function planWindow(window: TimeWindow): BucketRange[] {
  const covered = coveredWindow(window);
  const start = covered.from.getTime();
  const end = covered.to.getTime();
  const firstHour = ceilTo(start, HOUR_MS);
  const lastHour = floorTo(end, HOUR_MS);
  if (firstHour >= lastHour) return end > start ? [{ res: 'm', from: new Date(start), to: new Date(end) }] : [];
  const ranges: BucketRange[] = [];
  if (start < firstHour) ranges.push({ res: 'm', from: new Date(start), to: new Date(firstHour) });
  ranges.push({ res: 'h', from: new Date(firstHour), to: new Date(lastHour) });
  if (lastHour < end) ranges.push({ res: 'm', from: new Date(lastHour), to: new Date(end) });
  return ranges;
}

/** Series steps a chart may ask for, in seconds; the ones of an hour or more read hour buckets. */
const MAX_STEP_S = 86_400;
export const SERIES_STEPS_S = [60, 300, 900, 1800, 3600, 10_800, 21_600, 43_200, MAX_STEP_S] as const;
export const MAX_SERIES_POINTS = 1440;
/** Minute-resolution series read one bucket per minute: bounded to a day of them. */
const MAX_MINUTE_SERIES_RANGE_MS = 24 * HOUR_MS;
const DEFAULT_POINTS = 180;

export interface SeriesPlan {
  readonly stepMs: number;
  /** Buckets to read, aligned to the step. */
  readonly range: BucketRange;
  /** Start of every point, ascending. */
  readonly points: readonly Date[];
}

/** The smallest standard step giving at most 180 points (at least one hour once the window exceeds a day). */
export function defaultStepSeconds(window: TimeWindow): number {
  const spanMs = window.to.getTime() - window.from.getTime();
  const fits = (step: number) => !(step < 3600 && spanMs > MAX_MINUTE_SERIES_RANGE_MS) && spanMs / (step * 1000) <= DEFAULT_POINTS;
  return SERIES_STEPS_S.find(fits) ?? MAX_STEP_S;
}

export function planSeries(window: TimeWindow, stepSeconds: number | null | undefined, param = 'step'): SeriesPlan {
  const step = stepSeconds ?? defaultStepSeconds(window);
  if (!(SERIES_STEPS_S as readonly number[]).includes(step)) {
    throw new ValidationError(`Parameter '${param}' must be one of ${SERIES_STEPS_S.join(', ')} (seconds)`, param);
  }
  const stepMs = step * 1000;
  const res: Resolution = stepMs >= HOUR_MS ? 'h' : 'm';
  const from = floorTo(window.from.getTime(), stepMs);
  const to = ceilTo(window.to.getTime(), stepMs);
  if (res === 'm' && to - from > MAX_MINUTE_SERIES_RANGE_MS) {
    throw new ValidationError(`Parameter '${param}' must be at least 3600 for a window longer than 24 hours`, param);
  }
  const count = (to - from) / stepMs;
  if (count > MAX_SERIES_POINTS) {
    throw new ValidationError(`Parameter '${param}' gives ${count} points; at most ${MAX_SERIES_POINTS} are allowed`, param);
  }
  const points = Array.from({ length: count }, (_, i) => new Date(from + i * stepMs));
  return { stepMs, range: { res, from: new Date(from), to: new Date(to) }, points };
}

export const DEFAULT_WINDOW_MS = HOUR_MS;
/** The longest window a rollup query reads (unless the retention is longer); longer ones are refused rather than scanned. */
export const MAX_WINDOW_MS = 31 * 24 * HOUR_MS;

/** Any window up to the retention can be read: 31 days, or MESH_RETENTION_HOURS when that is longer. */
export function maxWindowMsFor(retentionHours: number): number {
  return Math.max(MAX_WINDOW_MS, Math.ceil(retentionHours * HOUR_MS));
}

/** from/to as given (either may be absent): default the last hour, validate order and length. */
export function resolveWindow(input: { from?: Date | null; to?: Date | null }, now: Date, maxWindowMs = MAX_WINDOW_MS): TimeWindow {
  const to = input.to ?? now;
  const from = input.from ?? new Date(to.getTime() - DEFAULT_WINDOW_MS);
  if (from.getTime() >= to.getTime()) throw new ValidationError(`Parameter 'from' must be earlier than 'to'`, 'from');
  if (to.getTime() - from.getTime() > maxWindowMs) {
    throw new ValidationError(`Parameter 'from' must be at most ${Math.floor(maxWindowMs / (24 * HOUR_MS))} days before 'to'`, 'from');
  }
  return { from, to };
}
