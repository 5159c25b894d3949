import { linearScale, timeTicks, valueTicks } from '../../lib/chart-scale';

/** One trace as the scatter plot draws it. */
export interface ScatterInput {
  readonly traceId: string;
  readonly startTime: string;
  readonly durationMs: number;
  readonly error: boolean;
}

export interface ScatterPoint extends ScatterInput {
  readonly x: number;
  readonly y: number;
}

export interface ScatterFrame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export const SCATTER_FRAME: ScatterFrame = { width: 960, height: 200, left: 64, right: 16, top: 10, bottom: 26 };

export interface ScatterLayout {
  readonly points: readonly ScatterPoint[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly yTicks: readonly { readonly y: number; readonly value: number }[];
}

/**
 * Time (trace start, over the search window) × duration (from 0 to a nice
 * value above the slowest). Errors are drawn last, so they stay visible on
 * top of the many fast successful traces.
 */
export function scatterLayout(
  traces: readonly ScatterInput[],
  window: { readonly fromMs: number; readonly toMs: number },
  frame = SCATTER_FRAME,
): ScatterLayout {
  const x = linearScale([window.fromMs, window.toMs], [frame.left, frame.width - frame.right]);
  const { top, ticks } = valueTicks(Math.max(0, ...traces.map((t) => t.durationMs)), 4);
  const y = linearScale([0, top], [frame.height - frame.bottom, frame.top]);
  const points = traces
    .map((t) => ({ ...t, x: x(Date.parse(t.startTime)), y: y(t.durationMs) }))
    .sort((a, b) => Number(a.error) - Number(b.error));
  return {
    points,
    xTicks: timeTicks(window.fromMs, window.toMs, 8).map((t) => ({ x: x(t.ms), label: t.label })),
    yTicks: ticks.map((value) => ({ y: y(value), value })),
  };
}
