import { describe, expect, it } from 'vitest';
import { jsonText } from './json-text.js';

describe('jsonText', () => {
  it('writes a bigint as the exact digits of a JSON integer', () => {
    expect(jsonText({ intValue: 2n ** 63n - 1n })).toBe('{"intValue":9223372036854775807}');
    expect(jsonText([-(2n ** 63n), 0n])).toBe('[-9223372036854775808,0]');
  });

  it('writes -0 as -0, which JSON.parse reads back as -0 (JSON.stringify writes 0)', () => {
    expect(jsonText({ doubleValue: -0, list: [-0, 0] })).toBe('{"doubleValue":-0,"list":[-0,0]}');
    expect(Object.is((JSON.parse(jsonText([-0])) as number[])[0], -0)).toBe(true);
  });

  it('writes everything else exactly as JSON.stringify does', () => {
    const body = {
      s: 'a "quoted" \u2028 line',
      n: [1, 1.5, 0, 1e21, Number.NaN, Number.POSITIVE_INFINITY],
      b: true,
      nil: null,
      skipped: undefined,
      fn: () => 1,
      date: new Date(Date.UTC(2026, 2, 15, 8, 22, 41, 3)),
      nested: { a: [undefined, { b: [] }] },
      // A computed key defines an own property, which both must write as an ordinary key.
      ['__proto__']: 'own key',
    };
    expect(jsonText(body)).toBe(JSON.stringify(body));
    expect(jsonText(undefined)).toBe('null');
    expect(jsonText('text')).toBe('"text"');
  });
});
