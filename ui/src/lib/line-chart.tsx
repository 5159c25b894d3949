import '../analysis.css';
import { linePath, linearScale, timeTicks, valueTicks } from './chart-scale';
import { sparklineSummary } from './sparkline';

export interface ChartSeries {
  readonly name: string;
  /** CSS class of the line (its colour and dash): chart-line-1 … chart-line-3. */
  readonly tone: 'chart-line-1' | 'chart-line-2' | 'chart-line-3';
  /** One value per bucket; null where the bucket has none (no latency without requests). */
  readonly values: readonly (number | null)[];
}

interface LineChartProps {
  readonly title: string;
  /** Start of each bucket (ms since the epoch), ascending. */
  readonly starts: readonly number[];
  readonly stepMs: number;
  readonly series: readonly ChartSeries[];
  readonly format: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 180;
const FRAME = { left: 64, right: 12, top: 10, bottom: 24 };

/**
 * A time-series chart in plain SVG: a value axis from 0, local-time ticks,
 * one line per series with gaps where a bucket has no value, a dot per value
 * with its figure as a tooltip. Screen readers get the latest and peak value
 * of each series; the legend names the series (dash patterns differ, so
 * colour is not the only cue).
 */
export function LineChart({ title, starts, stepMs, series, format }: LineChartProps) {
  const fromMs = starts[0] ?? 0;
  const toMs = (starts[starts.length - 1] ?? 0) + stepMs;
  const known = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const { top, ticks } = valueTicks(Math.max(0, ...known), 4);
  const x = linearScale([fromMs, toMs], [FRAME.left, WIDTH - FRAME.right]);
  const y = linearScale([0, top], [HEIGHT - FRAME.bottom, FRAME.top]);
  // A bucket's value is drawn at its middle.
  const xOf = (i: number) => x((starts[i] ?? 0) + stepMs / 2);
  const summary = series.map((s) => `${s.name}: ${sparklineSummary(s.values, format)}`).join('; ');
  return (
    <figure class="line-chart" data-chart={title}>
      <figcaption>
        <span class="chart-title">{title}</span>
        <span class="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <span key={s.name} class="chart-legend-item">
              <svg width="22" height="8" class={s.tone}>
                <line x1="0" x2="22" y1="4" y2="4" />
              </svg>
              {s.name}
            </span>
          ))}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${summary}`}>
        {ticks.map((v) => (
          <g key={v} class="chart-grid">
            <line x1={FRAME.left} x2={WIDTH - FRAME.right} y1={y(v)} y2={y(v)} />
            <text x={FRAME.left - 6} y={y(v) + 4} text-anchor="end">
              {format(v)}
            </text>
          </g>
        ))}
        {timeTicks(fromMs, toMs, 6).map((t) => (
          <text key={t.ms} class="chart-axis" x={x(t.ms)} y={HEIGHT - FRAME.bottom + 16} text-anchor="middle">
            {t.label}
          </text>
        ))}
        {series.map((s) => (
          <g key={s.name} class={s.tone}>
            <path class="chart-path" d={linePath(s.values.map((v, i) => ({ x: xOf(i), y: v === null ? null : y(v) })))} />
            {s.values.map((v, i) =>
              v === null ? null : (
                <circle key={i} class="chart-dot" cx={xOf(i)} cy={y(v)} r="2.5">
                  <title>{`${s.name} ${format(v)} at ${new Date(starts[i] ?? 0).toLocaleString()}`}</title>
                </circle>
              ),
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
