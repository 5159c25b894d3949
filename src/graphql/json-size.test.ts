import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ } from '../../test/fuzz/fuzz-settings.js';
import { jsonBytesUpTo } from './json-size.js';

describe('jsonBytesUpTo', () => {
  it('is the UTF-8 length of JSON.stringify for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const exact = Buffer.byteLength(JSON.stringify(value));
        expect(jsonBytesUpTo(value, Number.MAX_SAFE_INTEGER)).toBe(exact);
      }),
      FUZZ.run(500),
    );
  });

  it('stops counting once past the limit, and says so', () => {
    const big = { spans: Array.from({ length: 10_000 }, (_, i) => ({ spanId: `${i}`, name: 'é'.repeat(20) })) };
    const exact = Buffer.byteLength(JSON.stringify(big));
    expect(jsonBytesUpTo(big, exact)).toBe(exact);
    expect(jsonBytesUpTo(big, 1_000)).toBeGreaterThan(1_000);
    expect(jsonBytesUpTo(big, 1_000)).toBeLessThan(exact);
  });
});
