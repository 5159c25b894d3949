import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { coveredWindow, defaultStepSeconds, maxWindowMsFor, planSeries, planWindow, resolveWindow } from './time-buckets.js';

const at = (iso: string) => new Date(iso);
const ranges = (from: string, to: string) =>
  planWindow({ from: at(from), to: at(to) }).map(
    (r) => `${r.res} ${r.from.toISOString().slice(11, 16)}–${r.to.toISOString().slice(11, 16)}`,
  );

describe('planWindow', () => {
  it('reads minute buckets at the ragged edges and hour buckets for the full hours between', () => {
    expect(ranges('2026-03-15T08:22:41Z', '2026-03-15T12:05:00Z')).toEqual(['m 08:22–09:00', 'h 09:00–12:00', 'm 12:00–12:05']);
  });

  it('widens the window to whole minutes', () => {
    expect(ranges('2026-03-15T08:22:41Z', '2026-03-15T08:30:01Z')).toEqual(['m 08:22–08:31']);
  });

  it('reads only hour buckets for an hour-aligned window', () => {
    expect(ranges('2026-03-15T00:00:00Z', '2026-03-16T00:00:00Z')).toEqual(['h 00:00–00:00']);
  });

  it('reads a window longer than 6 h from hour buckets only, widened to whole hours', () => {
    expect(ranges('2026-03-14T08:22:41Z', '2026-03-15T08:22:41Z')).toEqual(['h 08:00–09:00']);
    expect(coveredWindow({ from: at('2026-03-14T08:22:41Z'), to: at('2026-03-15T08:22:41Z') })).toEqual({
      from: at('2026-03-14T08:00:00Z'),
      to: at('2026-03-15T09:00:00Z'),
    });
  });

  it('keeps minute precision up to 6 h: at most 5 hour buckets and 118 minute buckets', () => {
    const plan = planWindow({ from: at('2026-03-15T02:10:30Z'), to: at('2026-03-15T08:10:30Z') });
    const count = (res: 'm' | 'h') =>
      plan.filter((r) => r.res === res).reduce((n, r) => n + (r.to.getTime() - r.from.getTime()) / (res === 'h' ? 3_600_000 : 60_000), 0);
    expect(count('h')).toBe(5);
    expect(count('m')).toBe(50 + 11);
  });
});

describe('planSeries', () => {
  it('aligns points to the step and reads minute buckets below an hour', () => {
    const plan = planSeries({ from: at('2026-03-15T08:22:41Z'), to: at('2026-03-15T09:00:00Z') }, 300);
    expect(plan.range.res).toBe('m');
    expect(plan.points[0]!.toISOString()).toBe('2026-03-15T08:20:00.000Z');
    expect(plan.points).toHaveLength(8);
  });

  it('reads hour buckets for steps of an hour or more', () => {
    expect(planSeries({ from: at('2026-03-14T00:00:00Z'), to: at('2026-03-15T00:00:00Z') }, 3600).range.res).toBe('h');
  });

  it('defaults to at most 180 points, hourly beyond a day', () => {
    expect(defaultStepSeconds({ from: at('2026-03-15T07:00:00Z'), to: at('2026-03-15T08:00:00Z') })).toBe(60);
    expect(defaultStepSeconds({ from: at('2026-03-15T02:00:00Z'), to: at('2026-03-15T08:00:00Z') })).toBe(300);
    expect(defaultStepSeconds({ from: at('2026-03-08T00:00:00Z'), to: at('2026-03-15T00:00:00Z') })).toBe(3600);
  });

  it('rejects a step that is not a standard one, and minute steps beyond a day, with invalid_parameter on step', () => {
    const window = { from: at('2026-03-10T00:00:00Z'), to: at('2026-03-15T00:00:00Z') };
    expect(() => planSeries(window, 7)).toThrowError(ValidationError);
    expect(() => planSeries(window, 60)).toThrow(expect.objectContaining({ param: 'step' }));
  });
});

describe('resolveWindow', () => {
  const now = at('2026-03-15T12:00:00Z');

  it('defaults to the last hour', () => {
    expect(resolveWindow({}, now)).toEqual({ from: at('2026-03-15T11:00:00Z'), to: now });
  });

  it('rejects from at or after to, and windows longer than 31 days, naming from', () => {
    expect(() => resolveWindow({ from: now, to: now }, now)).toThrow(expect.objectContaining({ param: 'from' }));
    expect(() => resolveWindow({ from: at('2026-01-01T00:00:00Z') }, now)).toThrow(expect.objectContaining({ param: 'from' }));
  });

  it('reads any window up to the retention when the retention is longer than 31 days', () => {
    expect(maxWindowMsFor(168)).toBe(31 * 24 * 3_600_000);
    expect(maxWindowMsFor(90 * 24)).toBe(90 * 24 * 3_600_000);
    const ninetyDays = maxWindowMsFor(90 * 24);
    expect(resolveWindow({ from: at('2025-12-15T12:00:00Z') }, now, ninetyDays)).toEqual({ from: at('2025-12-15T12:00:00Z'), to: now });
    expect(() => resolveWindow({ from: at('2025-12-15T11:59:59Z') }, now, ninetyDays)).toThrow(/at most 90 days/);
  });
});
