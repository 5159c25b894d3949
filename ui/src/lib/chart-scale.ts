/**
 * Scales and axis ticks for the console's SVG charts (scatter plot, service
 * charts). Pure, so the tests pin them; the components only draw.
 */

export interface Scale {
  (value: number): number;
  readonly domain: readonly [number, number];
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps everything to the middle of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = (value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
  return Object.assign(scale, { domain: [d0, d1] as const });
}

/** 1, 2 or 5 times a power of ten, whichever is nearest `rough` on a log scale (d3's tick increment rule). */
function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.sqrt(2) ? 2 : 1) * power;
}

/** A value axis from 0: the top rounded up to a nice step, with about `count` + 1 ticks. */
export function valueTicks(max: number, count = 4): { readonly top: number; readonly ticks: readonly number[] } {
  const step = niceStep((max > 0 ? max : 1) / count);
  const top = Math.max(step, Math.ceil((max > 0 ? max : 1) / step) * step);
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { top, ticks };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  SECOND,
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  7 * DAY,
];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Time-axis ticks at round multiples of a step (in local time for steps of
 * an hour or more, so midnight is a tick), at most `count` of them, labelled
 * to the precision the step needs.
 */
export function timeTicks(fromMs: number, toMs: number, count = 6): { readonly ms: number; readonly label: string }[] {
  const span = Math.max(toMs - fromMs, 1);
  const step = TIME_STEPS.find((s) => span / s <= count) ?? TIME_STEPS[TIME_STEPS.length - 1]!;
  const offset = step >= HOUR ? new Date(fromMs).getTimezoneOffset() * MINUTE : 0;
  const first = Math.ceil((fromMs - offset) / step) * step + offset;
  const ticks: { ms: number; label: string }[] = [];
  for (let ms = first; ms <= toMs; ms += step) {
    const d = new Date(ms);
    const clock = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    const label = step >= DAY ? `${pad(d.getMonth() + 1)}-${pad(d.getDate())}` : step < MINUTE ? `${clock}:${pad(d.getSeconds())}` : clock;
    ticks.push({ ms, label });
  }
  return ticks;
}

/**
 * SVG path of a series with gaps: one run per stretch of known values, so a
 * bucket without data (no latency without requests) breaks the line instead
 * of dropping it to zero; a lone point is drawn as a dot (zero-length stroke
 * with round caps).
 */
export function linePath(points: readonly { readonly x: number; readonly y: number | null }[]): string {
  const parts: string[] = [];
  let pen = false;
  points.forEach((p, i) => {
    if (p.y === null || !Number.isFinite(p.y)) {
      pen = false;
      return;
    }
    parts.push(`${pen ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`);
    const next = points[i + 1];
    if (!pen && (next === undefined || next.y === null || !Number.isFinite(next.y))) parts.push('h0');
    pen = true;
  });
  return parts.join('');
}
