import { describe, expect, it } from 'vitest';
import { compileSearchQuery } from '../../src/domain/search/search.service.js';
import { jaegerSearchExpression, jaegerTags, parseGoDuration } from './jaeger-params.js';

describe('parseGoDuration', () => {
  it.each([
    ['100ms', 100_000_000n],
    ['1.5s', 1_500_000_000n],
    ['1h30m', 5_400_000_000_000n],
    ['250us', 250_000n],
    ['250µs', 250_000n],
    ['.5s', 500_000_000n],
    ['0s', 0n],
  ])('reads %s exactly', (text, ns) => {
    expect(parseGoDuration(text)).toBe(ns);
  });

  it.each(['', '100', '-1s', '1d', '1.5ns', 'ms', '1s ', '1e3ms'])('refuses %j', (text) => {
    expect(parseGoDuration(text)).toBeNull();
  });
});

describe('jaegerTags', () => {
  it('merges tag=key:value pairs (values may hold colons) with the tags JSON object, which wins', () => {
    expect([...jaegerTags(['a:1', 'url:http://x:8080/', 'b:2'], '{"b":"3","c":"4"}')]).toEqual([
      ['a', '1'],
      ['url', 'http://x:8080/'],
      ['b', '3'],
      ['c', '4'],
    ]);
  });

  it('refuses malformed pairs and JSON that is not an object of strings', () => {
    expect(() => jaegerTags([':x'], undefined)).toThrow("Parameter 'tag' must be key:value");
    expect(() => jaegerTags(undefined, '{"a":1}')).toThrow("'a' is not a string");
    expect(() => jaegerTags(undefined, 'nope')).toThrow("Parameter 'tags' must be a JSON object of string values");
  });
});

describe('jaegerSearchExpression', () => {
  it('puts every condition on one span of the service, with typed alternatives for tag values', () => {
    const text = jaegerSearchExpression({
      service: 'cart "eu"',
      operation: 'GET /',
      tags: new Map([
        ['http.status_code', '500'],
        ['error', 'true'],
        ['weird key', 'x'],
      ]),
      minDurationNs: 1_000_000n,
      maxDurationNs: 2_000_000_000n,
    });
    expect(text).toBe(
      'service.name = "cart \\"eu\\"" AND name = "GET /" AND ' +
        '(attr.http.status_code IN ("500", 500) OR resource.http.status_code IN ("500", 500)) AND ' +
        '(status = error OR attr.error IN ("true", true) OR resource.error IN ("true", true)) AND ' +
        '(attr.`weird key` = "x" OR resource.`weird key` = "x") AND duration >= 1000000ns AND duration <= 2000000000ns',
    );
    expect(compileSearchQuery(text).trace).toBeNull();
  });
});
