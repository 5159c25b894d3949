import { describe, expect, it } from 'vitest';
import { parseIsoTimestamp, queryInteger, queryNonNegativeInteger } from './params.js';

describe('ISO 8601 timestamps of REST parameters', () => {
  it.each([
    ['2026-03-15T08:22:41.003Z', '2026-03-15T08:22:41.003Z'],
    ['2026-03-15T08:22:41Z', '2026-03-15T08:22:41.000Z'],
    ['2026-03-15T08:22Z', '2026-03-15T08:22:00.000Z'],
    ['2026-03-15T08:22:41.123456789Z', '2026-03-15T08:22:41.123Z'],
    ['2026-03-15T09:22:41+01:00', '2026-03-15T08:22:41.000Z'],
    ['2026-03-15T03:52:41-0430', '2026-03-15T08:22:41.000Z'],
    ['2026-03-15T08:22:41.003', '2026-03-15T08:22:41.003Z'],
    ['2026-03-15', '2026-03-15T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s (no zone means UTC)', (text, iso) => {
    expect(parseIsoTimestamp(text)?.toISOString()).toBe(iso);
  });

  it.each([
    'yesterday',
    '1710504000',
    '2026-02-30T00:00:00Z',
    '2025-02-29',
    '2026-03-15T24:00:00Z',
    '2026-03-15T08:60:00Z',
    '2026-03-15 08:22:41Z',
    '2026-03-15T08:22:41+25:00',
    '15/03/2026',
    '',
  ])('rejects %j', (text) => {
    expect(parseIsoTimestamp(text)).toBeNull();
  });
});

describe('query-string integers', () => {
  it('reads "-0" as 0, so that an accepted value written back reads as itself (found by the REST parameter fuzzer)', () => {
    expect(Object.is(queryNonNegativeInteger('x').parse('-0'), 0)).toBe(true);
    expect(Object.is(queryInteger(0, 10, 'x').parse('-0'), 0)).toBe(true);
  });
});
