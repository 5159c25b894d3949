import { describe, expect, it } from 'vitest';
import { formatAge, formatCount, formatDuration, formatLatency, formatPercent, formatRate } from './format';
import { sparklinePath, sparklineSummary } from './sparkline';
import { windowRange } from './time-window';

describe('figures as the console shows them', () => {
  it('writes durations in the unit that keeps three significant digits', () => {
    expect([0, 0.000417, 0.4193, 12.34567, 999.4, 1234, 59_999, 61_000, 3_725_000].map(formatDuration)).toEqual([
      '0 ms',
      '0.417 µs',
      '419 µs',
      '12.3 ms',
      '999 ms',
      '1.23 s',
      '60 s',
      '1 min 1 s',
      '62 min 5 s',
    ]);
    expect(formatLatency(null)).toBe('—');
  });

  it('writes rates per second, minute or hour, whichever is at least one', () => {
    expect(formatRate(7200, 3600)).toBe('2/s');
    expect(formatRate('90', 3600)).toBe('1.5/min');
    expect(formatRate(14, 6 * 3600)).toBe('2.33/h');
    expect(formatRate(0, 3600)).toBe('0/s');
  });

  it('writes error rates as percentages, never rounding a small one to zero', () => {
    expect([0, 0.00001, 0.0052, 0.05, 1].map(formatPercent)).toEqual(['0 %', '<0.01 %', '0.52 %', '5 %', '100 %']);
  });

  it('shortens large counts, Int64 strings included', () => {
    expect([999, 9999, 284_910, '1482039', 3_000_000_000].map(formatCount)).toEqual(['999', '9,999', '285k', '1.48M', '3G']);
  });

  it('says how long ago something happened', () => {
    const now = Date.parse('2026-03-15T10:00:00Z');
    expect(
      ['2026-03-15T09:59:58Z', '2026-03-15T09:45:00Z', '2026-03-15T07:00:00Z', '2026-03-13T10:00:00Z'].map((t) => formatAge(t, now)),
    ).toEqual(['2 s ago', '15 min ago', '3 h ago', '2 d ago']);
  });

  it('ends a relative window now', () => {
    expect(windowRange('15m', Date.parse('2026-03-15T10:00:00Z'))).toEqual({
      from: '2026-03-15T09:45:00.000Z',
      to: '2026-03-15T10:00:00.000Z',
    });
  });
});

describe('sparklines', () => {
  it('breaks the line where a value is unknown and dots a lone point', () => {
    expect(sparklinePath([1, 2, null, 3, null], 40, 10)).toBe('M0.0,6.3L10.0,3.7M30.0,1.0h0');
  });

  it('draws nothing without data and says so', () => {
    expect(sparklinePath([null, null], 40, 10)).toBe('');
    expect(sparklineSummary([null], String)).toBe('no data');
    expect(sparklineSummary([3, 9, 4, null], String)).toBe('latest 4, peak 9');
  });
});
