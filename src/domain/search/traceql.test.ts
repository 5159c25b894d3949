import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { compileSearch } from './search.compiler.js';
import { formatSearch } from './search.format.js';
import { parseSearch, type SearchExpression } from './search.parser.js';
import { parseTraceQL, traceqlSpanFilter, traceqlToSearch } from './traceql.js';

/** Positions differ between TraceQL and its search-language text; the structure must not. */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'position' && k !== 'text')
      .map(([k, v]) => [k, withoutPositions(v)]),
  );
}

describe('traceqlToSearch', () => {
  it.each([
    [
      '{ resource.service.name = "cart" && span.http.response.status_code >= 500 && duration > 100ms && status = error }',
      'service.name = "cart" AND attr.http.response.status_code >= 500 AND duration > 100000000ns AND status = error',
    ],
    ['{ .http.method = "GET" }', 'attr.http.method = "GET" OR resource.http.method = "GET"'],
    ['{ .service.name = "a" }', 'attr.service.name = "a" OR service.name = "a"'],
    ['{ name =~ "GET /api/.*" }', 'name MATCHES "^(?:GET /api/.*)$"'],
    ['{ span.url !~ ".*health" }', 'NOT attr.url MATCHES "^(?:.*health)$"'],
    ['{ span.a != nil }', 'attr.a EXISTS'],
    ['{ resource.a = nil }', 'NOT resource.a EXISTS'],
    ['{ kind = server } || { status = error }', 'kind = server OR status = error'],
    ['{ traceDuration > 1.5s && span:name = "x" }', 'trace.duration > 1500000000ns AND name = "x"'],
    ['{ duration > 1h30m }', 'duration > 5400000000000ns'],
    ['{ span."attr with space" = -5 && span.big = 9223372036854775807 }', 'attr.`attr with space` = -5 AND attr.big = 9223372036854775807'],
    ['{ span.x = `raw "text"` && span.y = "tab\\tquote\\"" }', 'attr.x = "raw \\"text\\"" AND attr.y = "tab\\tquote\\""'],
    ['{ span.in = true && span.ratio <= 0.25 }', 'attr.`in` = true AND attr.ratio <= 0.25'],
  ])('translates %s', (traceql, search) => {
    expect(traceqlToSearch(traceql, 'q')).toBe(search);
  });

  it('reads { } and { true } as every trace', () => {
    expect(traceqlToSearch('{ }', 'q')).toBeNull();
    expect(traceqlToSearch('  {true}  ', 'q')).toBeNull();
    expect(traceqlToSearch('{ status = error } || { }', 'q')).toBeNull();
  });

  it('writes text the search language parses back to the same expression', () => {
    for (const traceql of ['{ (status = error || kind = client) && .a = "x" }', '{ span."weird key" = 1 }', '{ resource.x =~ "a|b" }']) {
      const expression = parseTraceQL(traceql) as SearchExpression;
      const text = formatSearch(expression);
      expect(withoutPositions(parseSearch(text))).toEqual(withoutPositions(expression));
      expect(compileSearch(parseSearch(text))).toEqual(compileSearch(expression));
    }
  });

  it('refuses what is outside the subset as a ValidationError on the given parameter, naming the construct', () => {
    const error = (() => {
      try {
        traceqlToSearch('{ span.a = 1 } && { span.b = 2 }', 'q');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ param: 'q', message: expect.stringContaining("'&&' between spansets") });
    expect(() => traceqlToSearch('{ span.a = 1 } ~ { span.b = 2 }', 'q')).toThrow("the structural operator '~'");
    expect(() => traceqlToSearch('{ span.a = 1 } | select(span.b)', 'q')).toThrow('pipelines');
    expect(() => traceqlToSearch('{ count() > 1 }', 'q')).toThrow("the function 'count()'");
    expect(() => traceqlToSearch(`{ ${'('.repeat(40)}status = ok${')'.repeat(40)} }`, 'q')).toThrow('nests more than 32 levels');
    expect(() => traceqlToSearch('{ span.a = "x }', 'q')).toThrow('Unterminated string starting at position 11');
    expect(() => traceqlToSearch('{ duration > 1.5 }', 'q')).toThrow("'duration' takes a duration such as 100ms; found 1.5 at position 13");
  });
});

describe('traceqlSpanFilter', () => {
  it('reads a filter leniently: outside the subset, incomplete or trace-level filters nothing', () => {
    expect(traceqlSpanFilter('{ resource.service.name = "a" }')).toBe('service.name = "a"');
    expect(traceqlSpanFilter('{ resource.service.name = }')).toBeNull();
    expect(traceqlSpanFilter('{ traceDuration > 1s }')).toBeNull();
    expect(traceqlSpanFilter('{ span.a = 1 } | count() > 2')).toBeNull();
  });
});
