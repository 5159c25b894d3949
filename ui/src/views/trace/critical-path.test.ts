import { describe, expect, it } from 'vitest';
import { placeCriticalPath } from './critical-path';
import { layoutWaterfall } from './waterfall-layout';

const T0 = 1_773_562_961_000_000_000n;
const at = (ms: number) => String(T0 + BigInt(Math.round(ms * 1e6)));
const span = (spanId: string, parentSpanId: string | null, startMs: number, durationMs: number) => ({
  spanId,
  parentSpanId,
  startTimeUnixNano: at(startMs),
  endTimeUnixNano: at(startMs + durationMs),
});

describe('placeCriticalPath', () => {
  it('puts the API’s segments on the waterfall rows, in milliseconds from the earliest span start', () => {
    const layout = layoutWaterfall([span('root', null, 5, 100), span('a', 'root', 15, 20)]);
    const path = placeCriticalPath(
      [
        {
          spanId: 'root',
          segments: [
            { startTimeUnixNano: at(5), endTimeUnixNano: at(15) },
            { startTimeUnixNano: at(35), endTimeUnixNano: at(105) },
          ],
        },
        { spanId: 'a', segments: [{ startTimeUnixNano: at(15), endTimeUnixNano: at(35) }] },
      ],
      layout,
    );
    expect(path.segments).toEqual([
      { row: 0, startMs: 0, endMs: 10 },
      { row: 0, startMs: 30, endMs: 100 },
      { row: 1, startMs: 10, endMs: 30 },
    ]);
    expect([...path.rows].sort()).toEqual([0, 1]);
  });

  it('keeps nanosecond offsets exact and skips spans the waterfall does not show', () => {
    const layout = layoutWaterfall([span('root', null, 0, 1)]);
    const path = placeCriticalPath(
      [
        { spanId: 'root', segments: [{ startTimeUnixNano: String(T0 + 1n), endTimeUnixNano: String(T0 + 999_999n) }] },
        { spanId: 'gone', segments: [{ startTimeUnixNano: at(0), endTimeUnixNano: at(1) }] },
      ],
      layout,
    );
    expect(path.segments).toEqual([{ row: 0, startMs: 0.000001, endMs: 0.999999 }]);
  });
});
