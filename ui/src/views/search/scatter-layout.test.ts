import { describe, expect, it } from 'vitest';
import { SCATTER_FRAME, scatterLayout } from './scatter-layout';

const from = Date.UTC(2026, 2, 15, 9, 0, 0);
const window = { fromMs: from, toMs: from + 3_600_000 };
const at = (minutes: number) => new Date(from + minutes * 60_000).toISOString();

describe('scatterLayout', () => {
  it('places traces by start time and duration inside the frame', () => {
    const { points, yTicks } = scatterLayout(
      [
        { traceId: 'a', startTime: at(0), durationMs: 0, error: false },
        { traceId: 'b', startTime: at(60), durationMs: 87, error: false },
        { traceId: 'c', startTime: at(30), durationMs: 40, error: false },
      ],
      window,
    );
    const byId = Object.fromEntries(points.map((p) => [p.traceId, p]));
    expect(byId.a).toMatchObject({ x: SCATTER_FRAME.left, y: SCATTER_FRAME.height - SCATTER_FRAME.bottom });
    expect(byId.b!.x).toBe(SCATTER_FRAME.width - SCATTER_FRAME.right);
    expect(byId.c!.x).toBe((SCATTER_FRAME.left + SCATTER_FRAME.width - SCATTER_FRAME.right) / 2);
    // The axis tops out at 100 ms: 87 ms sits 87 % of the way up.
    expect(yTicks.at(-1)).toEqual({ y: SCATTER_FRAME.top, value: 100 });
    const plotHeight = SCATTER_FRAME.height - SCATTER_FRAME.bottom - SCATTER_FRAME.top;
    expect(byId.b!.y).toBeCloseTo(SCATTER_FRAME.height - SCATTER_FRAME.bottom - 0.87 * plotHeight, 9);
  });

  it('draws errors last, on top', () => {
    const { points } = scatterLayout(
      [
        { traceId: 'e', startTime: at(1), durationMs: 5, error: true },
        { traceId: 'o', startTime: at(2), durationMs: 5, error: false },
      ],
      window,
    );
    expect(points.map((p) => p.traceId)).toEqual(['o', 'e']);
  });

  it('lays out an empty search with axes only', () => {
    const layout = scatterLayout([], window);
    expect(layout.points).toEqual([]);
    expect(layout.xTicks.length).toBeGreaterThan(0);
  });
});
