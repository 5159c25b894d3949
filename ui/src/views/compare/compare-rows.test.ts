import { describe, expect, it } from 'vitest';
import { changeOf, visibleCompareRows, type CompareNodeInput } from './compare-rows';

const both = (
  aMs: number,
  deltaMs: number,
  parentIndex: number | null = null,
  errorChange: CompareNodeInput['errorChange'] = 'NONE',
): CompareNodeInput => ({
  parentIndex,
  presence: 'BOTH',
  durationDeltaMs: deltaMs,
  errorChange,
  a: { durationMs: aMs },
});

describe('changeOf', () => {
  it('classifies added, removed, slower, faster and unchanged nodes', () => {
    expect(changeOf({ presence: 'ONLY_IN_B', errorChange: 'NONE' })).toBe('added');
    expect(changeOf({ presence: 'ONLY_IN_A', errorChange: 'NONE' })).toBe('removed');
    expect(changeOf(both(50, 30))).toBe('slower');
    expect(changeOf(both(50, -30))).toBe('faster');
    // Within 10 % of a's duration, or within 1 ms: the same.
    expect(changeOf(both(50, 4.9))).toBe('same');
    expect(changeOf(both(2, 0.9))).toBe('same');
    expect(changeOf(both(2, 1.5))).toBe('slower');
  });
});

describe('visibleCompareRows', () => {
  it('keeps changed nodes and their ancestors when only changes are shown', () => {
    const nodes = [
      both(100, 0),
      both(50, 0, 0),
      both(10, 0, 1),
      both(10, 40, 1),
      both(5, 0, 0, 'ADDED'),
      { parentIndex: 0, presence: 'ONLY_IN_A' as const, errorChange: 'NONE' as const },
    ];
    expect(visibleCompareRows(nodes, false)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(visibleCompareRows(nodes, true)).toEqual([0, 1, 3, 4, 5]);
  });
});
