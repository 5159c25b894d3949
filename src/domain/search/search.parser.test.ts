import { describe, expect, it } from 'vitest';
import { SearchSyntaxError } from './search.errors.js';
import { SearchLexer, type Token } from './search.lexer.js';
import { parseSearch, SEARCH_LIMITS, type Literal, type SearchExpression } from './search.parser.js';

/** The AST as an S-expression: precedence and literal types at a glance. */
function show(expression: SearchExpression): string {
  const field = (e: { field: { path: string } }): string => e.field.path;
  switch (expression.kind) {
    case 'and':
    case 'or':
      return `(${expression.kind} ${expression.operands.map(show).join(' ')})`;
    case 'not':
      return `(not ${show(expression.operand)})`;
    case 'compare':
      return `(${expression.operator} ${field(expression)} ${showLiteral(expression.value)})`;
    case 'in':
      return `(in ${field(expression)} ${expression.values.map(showLiteral).join(' ')})`;
    case 'exists':
      return `(exists ${field(expression)})`;
    case 'match':
      return `(${expression.operator} ${field(expression)} ${JSON.stringify(expression.pattern.value)})`;
  }
}

function showLiteral(literal: Literal): string {
  switch (literal.kind) {
    case 'string':
      return JSON.stringify(literal.value);
    case 'number':
      return typeof literal.value === 'bigint' ? `${literal.value}n` : `${literal.value}f`;
    case 'duration':
      return `${literal.ns}ns`;
    case 'boolean':
      return String(literal.value);
    case 'word':
      return `word:${literal.value}`;
  }
}

function tokens(input: string): Token[] {
  const lexer = new SearchLexer(input);
  const result: Token[] = [];
  for (let token = lexer.next(); token.type !== 'eof'; token = lexer.next()) result.push(token);
  return result;
}

function syntaxError(input: string): SearchSyntaxError {
  try {
    parseSearch(input);
  } catch (error) {
    if (error instanceof SearchSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a SearchSyntaxError for ${input}`);
}

describe('SearchLexer', () => {
  it('reads dotted field paths as one identifier with its segments and offsets', () => {
    expect(tokens('resource.k8s.cluster.name = "x"')[0]).toMatchObject({
      type: 'identifier',
      segments: ['resource', 'k8s', 'cluster', 'name'],
      bare: false,
      start: 0,
      end: 25,
    });
  });

  it('reads backtick-quoted keys verbatim, including dots, spaces and escaped backticks', () => {
    expect(tokens('attr.`weird key`.`a.b` `x\\`y\\\\z`')).toMatchObject([
      { type: 'identifier', segments: ['attr', 'weird key', 'a.b'], start: 0, end: 22 },
      { type: 'identifier', segments: ['x`y\\z'], bare: false, start: 23 },
    ]);
  });

  it('allows digits and hyphens inside key segments', () => {
    expect(tokens('http.request.header.x-forwarded-for k8s.2nd')).toMatchObject([
      { segments: ['http', 'request', 'header', 'x-forwarded-for'] },
      { segments: ['k8s', '2nd'] },
    ]);
  });

  it('decodes string escapes', () => {
    expect(tokens('"a\\"b\\\\c\\n\\t\\u00e9/\\/"')[0]).toMatchObject({ type: 'string', value: 'a"b\\c\n\té//' });
  });

  it('keeps integers exact as bigint and decimals as numbers', () => {
    expect(tokens('9007199254740993 -42 0.75 -1.5')).toMatchObject([
      { type: 'number', value: 9007199254740993n },
      { type: 'number', value: -42n },
      { type: 'number', value: 0.75 },
      { type: 'number', value: -1.5 },
    ]);
  });

  it.each([
    ['10ns', 10n],
    ['250us', 250_000n],
    ['250µs', 250_000n],
    ['100ms', 100_000_000n],
    ['1.5s', 1_500_000_000n],
    ['2m', 120_000_000_000n],
    ['1h', 3_600_000_000_000n],
    ['0.001ms', 1_000n],
  ])('converts the duration %s to exactly %s nanoseconds', (text, ns) => {
    expect(tokens(text)).toMatchObject([{ type: 'duration', ns, text }]);
  });

  it('reads keywords and booleans case-insensitively, but not when quoted or dotted', () => {
    expect(tokens('and Or nOt in exists starts with contains MATCHES TRUE false `and` and.x')).toMatchObject([
      { type: 'keyword', keyword: 'AND' },
      { type: 'keyword', keyword: 'OR' },
      { type: 'keyword', keyword: 'NOT' },
      { type: 'keyword', keyword: 'IN' },
      { type: 'keyword', keyword: 'EXISTS' },
      { type: 'keyword', keyword: 'STARTS' },
      { type: 'keyword', keyword: 'WITH' },
      { type: 'keyword', keyword: 'CONTAINS' },
      { type: 'keyword', keyword: 'MATCHES' },
      { type: 'boolean', value: true },
      { type: 'boolean', value: false },
      { type: 'identifier', segments: ['and'] },
      { type: 'identifier', segments: ['and', 'x'] },
    ]);
  });

  it('reads every operator and punctuation mark with its offsets', () => {
    expect(tokens('= != > >= < <= =~ ( ) ,').map((t) => [t.type === 'operator' ? t.operator : t.type, t.start])).toEqual([
      ['=', 0],
      ['!=', 2],
      ['>', 5],
      ['>=', 7],
      ['<', 10],
      ['<=', 12],
      ['=~', 15],
      ['(', 18],
      [')', 20],
      [',', 22],
    ]);
  });

  it('also reads operators written without spaces', () => {
    expect(tokens('duration>=-1').map((t) => t.text)).toEqual(['duration', '>=', '-1']);
  });

  it('turns an unknown character into an invalid token for the parser to report', () => {
    expect(tokens('a @')[1]).toMatchObject({ type: 'invalid', text: '@', start: 2 });
  });
});

describe('parseSearch', () => {
  it.each([
    ['service.name = "api-gateway" AND duration > 100ms', '(and (= service.name "api-gateway") (> duration 100000000ns))'],
    ['service.name = "payment-svc" AND status = ERROR', '(and (= service.name "payment-svc") (= status word:ERROR))'],
    ['a = 1 OR b = 2 AND c = 3', '(or (= a 1n) (and (= b 2n) (= c 3n)))'],
    ['a = 1 AND b = 2 OR c = 3', '(or (and (= a 1n) (= b 2n)) (= c 3n))'],
    ['(a = 1 OR b = 2) AND c = 3', '(and (or (= a 1n) (= b 2n)) (= c 3n))'],
    ['NOT a = 1 AND b = 2', '(and (not (= a 1n)) (= b 2n))'],
    ['NOT (a = 1 AND b = 2)', '(not (and (= a 1n) (= b 2n)))'],
    ['NOT NOT a EXISTS', '(not (not (exists a)))'],
    ['a = 1 AND b = 2 AND c = 3 AND d = 4', '(and (= a 1n) (= b 2n) (= c 3n) (= d 4n))'],
    ['a = 1 OR b = 2 OR c = 3', '(or (= a 1n) (= b 2n) (= c 3n))'],
    ['((a = 1))', '(= a 1n)'],
    ['x != "y"', '(!= x "y")'],
    ['x > 1.5', '(> x 1.5f)'],
    ['x >= -3', '(>= x -3n)'],
    ['x < 2s', '(< x 2000000000ns)'],
    ['x <= true', '(<= x true)'],
    ['kind IN (server, client)', '(in kind word:server word:client)'],
    ['http.status_code IN (200, "200", 2.5, false)', '(in http.status_code 200n "200" 2.5f false)'],
    ['x NOT IN ("a")', '(not (in x "a"))'],
    ['x EXISTS', '(exists x)'],
    ['x NOT EXISTS', '(not (exists x))'],
    ['name STARTS WITH "GET"', '(startsWith name "GET")'],
    ['name NOT STARTS WITH "GET"', '(not (startsWith name "GET"))'],
    ['name CONTAINS "order"', '(contains name "order")'],
    ['name not contains "order"', '(not (contains name "order"))'],
    ['name MATCHES "^GET /api/"', '(matches name "^GET /api/")'],
    ['name =~ "^GET"', '(matches name "^GET")'],
    ['attr.`weird key` = "v"', '(= attr.weird key "v")'],
    ['status=error and kind=server', '(and (= status word:error) (= kind word:server))'],
  ])('parses %s', (input, expected) => {
    expect(show(parseSearch(input))).toBe(expected);
  });

  it('records the offset of every node', () => {
    expect(parseSearch('a = 1 OR NOT b IN (2, "x")')).toEqual({
      kind: 'or',
      position: 0,
      operands: [
        {
          kind: 'compare',
          position: 0,
          field: { path: 'a', text: 'a', position: 0 },
          operator: '=',
          value: { kind: 'number', value: 1n, text: '1', position: 4 },
        },
        {
          kind: 'not',
          position: 9,
          operand: {
            kind: 'in',
            position: 13,
            field: { path: 'b', text: 'b', position: 13 },
            values: [
              { kind: 'number', value: 2n, text: '2', position: 19 },
              { kind: 'string', value: 'x', text: '"x"', position: 22 },
            ],
          },
        },
      ],
    });
  });

  const VALUE = ['string', 'number', 'duration', 'boolean', 'identifier'];
  const CONDITION = ['field', 'NOT', '('];
  const OPERATOR = ['=', '!=', '>', '>=', '<', '<=', '=~', 'NOT', 'IN', 'EXISTS', 'STARTS WITH', 'CONTAINS', 'MATCHES'];
  const AFTER_NOT = ['IN', 'EXISTS', 'STARTS WITH', 'CONTAINS', 'MATCHES'];

  describe('rejects malformed expressions with the position and what was expected', () => {
    it.each<[string, number, string[], string]>([
      ['service.name = "api-gateway" AND duration >', 43, VALUE, "Expected a value after '>' at position 43, found end of input"],
      ['service.name =', 14, VALUE, "Expected a value after '=' at position 14, found end of input"],
      ['', 0, CONDITION, 'Expected a condition at position 0, found end of input'],
      ['   ', 3, CONDITION, 'Expected a condition at position 3, found end of input'],
      ['service.name', 12, OPERATOR, "Expected an operator after 'service.name' at position 12, found end of input"],
      ['a = 1 b = 2', 6, ['AND', 'OR', 'end of input'], "Expected 'AND', 'OR' or end of input after '1' at position 6, found 'b'"],
      ['(a = 1', 6, ['AND', 'OR', ')'], "Expected 'AND', 'OR' or ')' after '1' at position 6, found end of input"],
      ['a = 1)', 5, ['AND', 'OR', 'end of input'], "Expected 'AND', 'OR' or end of input after '1' at position 5, found ')'"],
      ['a = 1 AND', 9, CONDITION, "Expected a condition after 'AND' at position 9, found end of input"],
      ['a = 1 OR OR b = 2', 9, CONDITION, "Expected a condition after 'OR' at position 9, found 'OR'"],
      ['NOT', 3, CONDITION, "Expected a condition after 'NOT' at position 3, found end of input"],
      ['()', 1, CONDITION, "Expected a condition after '(' at position 1, found ')'"],
      ['"api" = service.name', 0, CONDITION, `Expected a condition at position 0, found '"api"'`],
      ['a == 1', 3, VALUE, "Expected a value after '=' at position 3, found '='"],
      ['a = service.name', 4, VALUE, "Expected a value after '=' at position 4, found 'service.name'"],
      ['a @ 1', 2, OPERATOR, "Expected an operator after 'a' at position 2, found '@'"],
      ["name = 'GET'", 7, VALUE, `Expected a value after '=' at position 7, found "'" (strings are written in double quotes)`],
      ['kind IN server', 8, ['('], "Expected '(' after 'IN' at position 8, found 'server'"],
      ['kind IN ()', 9, VALUE, "Expected a value after '(' at position 9, found ')'"],
      ['kind IN (server client)', 16, [',', ')'], "Expected ',' or ')' after 'server' at position 16, found 'client'"],
      ['kind IN (server,', 16, VALUE, "Expected a value after ',' at position 16, found end of input"],
      ['name STARTS "GET"', 12, ['WITH'], `Expected 'WITH' after 'STARTS' at position 12, found '"GET"'`],
      ['name STARTS WITH GET', 17, ['string'], "Expected a string after 'WITH' at position 17, found 'GET'"],
      ['name CONTAINS 5', 14, ['string'], "Expected a string after 'CONTAINS' at position 14, found '5'"],
      ['name =~ /x/', 8, ['string'], "Expected a string after '=~' at position 8, found '/'"],
      [
        'name NOT = "x"',
        9,
        AFTER_NOT,
        "Expected 'IN', 'EXISTS', 'STARTS WITH', 'CONTAINS' or 'MATCHES' after 'NOT' at position 9, found '='",
      ],
      ['a ! 1', 2, OPERATOR, "Expected an operator after 'a' at position 2, found '!'"],
      ['a = "unterminated', 17, ['"'], `Expected '"' to close the string that starts at position 4, found end of input`],
      [
        'a = "bad \\q escape"',
        10,
        ['\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\uXXXX'],
        "Expected an escape sequence after '\\' at position 10, found 'q'",
      ],
      ['attr.`open = 1', 14, ['`'], "Expected '`' to close the key that starts at position 5, found end of input"],
      ['attr.`` = 1', 6, ['key'], 'Expected a key between the backticks at position 6'],
      ['service. = "x"', 8, ['key', '`quoted key`'], "Expected a key after '.' at position 8, found ' '"],
      [
        'duration > 5xs',
        12,
        ['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h'],
        "Expected a duration unit after '5' at position 12, found 'xs'",
      ],
      ['duration > 1.5ns', 11, [], 'Duration 1.5ns at position 11 is not a whole number of nanoseconds'],
      ['duration > -5ms', 11, [], 'Duration -5ms at position 11 is negative'],
      ['x = 9223372036854775808', 4, [], 'Integer 9223372036854775808 at position 4 is outside the 64-bit range'],
    ])('%s → position %i', (input, position, expected, message) => {
      const error = syntaxError(input);
      expect(error.message).toBe(message);
      expect(error.position).toBe(position);
      expect(error.expected).toEqual(expected);
    });
  });

  describe('limits', () => {
    it(`rejects an expression longer than ${SEARCH_LIMITS.maxLength} characters at the first character past the limit`, () => {
      const input = `name = "${'x'.repeat(SEARCH_LIMITS.maxLength)}"`;
      const error = syntaxError(input);
      expect(error.position).toBe(SEARCH_LIMITS.maxLength);
      expect(error.message).toBe(`Search expression is ${input.length} characters long; at most ${SEARCH_LIMITS.maxLength} are allowed`);
    });

    it(`accepts ${SEARCH_LIMITS.maxDepth} levels of nesting and rejects the next at its offset`, () => {
      const nested = (depth: number): string => `${'('.repeat(depth)}a = 1${')'.repeat(depth)}`;
      expect(show(parseSearch(nested(SEARCH_LIMITS.maxDepth)))).toBe('(= a 1n)');
      const error = syntaxError(`${'NOT '.repeat(SEARCH_LIMITS.maxDepth)}(a = 1)`);
      expect(error.position).toBe(4 * SEARCH_LIMITS.maxDepth);
      expect(error.message).toBe(
        `Expression nests more than ${SEARCH_LIMITS.maxDepth} levels deep at position ${4 * SEARCH_LIMITS.maxDepth}`,
      );
      expect(error.expected).toEqual([]);
    });

    it('does not count flat AND/OR chains as nesting', () => {
      const chain = Array.from({ length: 200 }, (_, i) => `a${i} = ${i}`).join(' OR ');
      expect(parseSearch(chain)).toMatchObject({ kind: 'or', operands: { length: 200 } });
    });

    it(`accepts ${SEARCH_LIMITS.maxInValues} IN values and rejects the next at its offset`, () => {
      const list = (n: number): string => `x IN (${Array.from({ length: n }, () => '1').join(',')})`;
      expect(parseSearch(list(SEARCH_LIMITS.maxInValues))).toMatchObject({ values: { length: SEARCH_LIMITS.maxInValues } });
      const error = syntaxError(list(SEARCH_LIMITS.maxInValues + 1));
      const position = 'x IN ('.length + 2 * SEARCH_LIMITS.maxInValues;
      expect(error.position).toBe(position);
      expect(error.expected).toEqual([')']);
      expect(error.message).toBe(`Expected ')' at position ${position}: an IN list holds at most ${SEARCH_LIMITS.maxInValues} values`);
    });
  });
});
