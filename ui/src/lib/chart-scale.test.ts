import { describe, expect, it } from 'vitest';
import { linePath, linearScale, timeTicks, valueTicks } from './chart-scale';

describe('linearScale', () => {
  it('maps the domain onto the range, inverted ranges included', () => {
    const y = linearScale([0, 200], [100, 0]);
    expect([y(0), y(50), y(200)]).toEqual([100, 75, 0]);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });
});

describe('valueTicks', () => {
  it('rounds the top up to a nice step and ticks from zero', () => {
    expect(valueTicks(87)).toEqual({ top: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(valueTicks(0.37, 4)).toEqual({ top: 0.4, ticks: [0, 0.1, 0.2, 0.3, 0.4] });
    expect(valueTicks(0)).toEqual({ top: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });
});

describe('timeTicks', () => {
  it('picks a round step giving at most the asked number of ticks, labelled to its precision', () => {
    const from = Date.UTC(2026, 2, 15, 9, 7, 0);
    const ticks = timeTicks(from, from + 60 * 60_000, 6);
    expect(ticks.map((t) => new Date(t.ms).toISOString().slice(11, 16))).toEqual(['09:15', '09:30', '09:45', '10:00']);
    expect(timeTicks(from, from + 2 * 60_000, 6).every((t) => /^\d\d:\d\d:\d\d$/.test(t.label))).toBe(true);
    expect(timeTicks(from, from + 7 * 86_400_000, 8).every((t) => /^\d\d-\d\d$/.test(t.label))).toBe(true);
  });
});

describe('linePath', () => {
  it('breaks the line at unknown values and draws a lone point as a dot', () => {
    expect(
      linePath([
        { x: 0, y: 1 },
        { x: 1, y: 2 },
        { x: 2, y: null },
        { x: 3, y: 4 },
        { x: 4, y: null },
      ]),
    ).toBe('M0.0,1.0L1.0,2.0M3.0,4.0h0');
    expect(linePath([])).toBe('');
  });
});
