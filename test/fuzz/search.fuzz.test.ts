import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSearch } from '../../src/domain/search/search.compiler.js';
import { SearchError } from '../../src/domain/search/search.errors.js';
import { parseSearch, type SearchExpression } from '../../src/domain/search/search.parser.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { FUZZ } from './fuzz-settings.js';

/**
 * The search language (src/domain/search) under generated input: arbitrary
 * text, and expressions built from the grammar's own pieces, whole or cut
 * short. The lexer, parser and compiler either accept or throw a SearchError
 * (a 400 with a position); an accepted expression printed back and parsed
 * again is the same expression; a compiled filter names only the gateway's
 * own fields and operators, whatever the input; and over HTTP no expression
 * gets a 5xx.
 */
const FIELDS = [
  'service.name',
  'service.namespace',
  'name',
  'span.name',
  'kind',
  'status',
  'duration',
  'span.duration',
  'http.method',
  'attr.http.status_code',
  'resource.k8s.cluster.name',
  'attr.`weird key`',
  '`$where`',
  'trace.duration',
  'trace.status',
  'trace.span_count',
  'trace.bogus',
];
const VALUES = [
  '"GET"',
  '"$gt"',
  '"a\\"b"',
  '500',
  '-3',
  '1.5',
  '9223372036854775808',
  '100ms',
  '1.5s',
  '2h',
  'true',
  'ERROR',
  'server',
  'ok',
];
const PATTERNS = ['"^GET .*/orders$"', '"(?i)healthz"', '"(a|a)*b"', '"a{"', '"-svc$"', '"\\\\d+"'];

const field = fc.constantFrom(...FIELDS);
const predicate = fc.oneof(
  fc.tuple(field, fc.constantFrom('=', '!=', '>', '>=', '<', '<='), fc.constantFrom(...VALUES)).map((p) => p.join(' ')),
  fc.tuple(field, fc.array(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 3 })).map(([f, vs]) => `${f} IN (${vs.join(', ')})`),
  fc.tuple(field, fc.constantFrom('EXISTS', 'NOT EXISTS')).map((p) => p.join(' ')),
  fc
    .tuple(field, fc.constantFrom('STARTS WITH', 'CONTAINS', 'NOT CONTAINS', 'MATCHES', '=~'), fc.constantFrom(...VALUES, ...PATTERNS))
    .map((p) => p.join(' ')),
);
const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small' },
    predicate,
    fc.tuple(tie('expression'), fc.constantFrom('AND', 'OR', 'and'), tie('expression')).map((p) => p.join(' ')),
    tie('expression').map((e) => `NOT ${e}`),
    tie('expression').map((e) => `(${e})`),
  ),
}));
/** Grammar-built text, sometimes cut short or with one character changed, and arbitrary text. */
const searchText = fc.oneof(
  expression,
  fc.tuple(expression, fc.nat()).map(([e, at]) => e.slice(0, at % (e.length + 1))),
  fc.tuple(expression, fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([e, at, ch]) => {
    const i = at % (e.length + 1);
    return `${e.slice(0, i)}${ch}${e.slice(i + 1)}`;
  }),
  fc.string({ maxLength: 80 }),
);

/** The expression as search-language text; literals and fields as they were written. */
function print(e: SearchExpression): string {
  // Parenthesized as the parser nests: a group inside a group of its own kind stays a group of its own.
  const grouped = (inner: SearchExpression, parent: 'and' | 'or' | 'not') =>
    inner.kind === 'or' || (inner.kind === 'and' && parent !== 'or') ? `(${print(inner)})` : print(inner);
  switch (e.kind) {
    case 'or':
      return e.operands.map((o) => grouped(o, 'or')).join(' OR ');
    case 'and':
      return e.operands.map((o) => grouped(o, 'and')).join(' AND ');
    case 'not':
      return `NOT ${grouped(e.operand, 'not')}`;
    case 'compare':
      return `${e.field.text} ${e.operator} ${e.value.text}`;
    case 'in':
      return `${e.field.text} IN (${e.values.map((v) => v.text).join(', ')})`;
    case 'exists':
      return `${e.field.text} EXISTS`;
    case 'match': {
      const keyword = { startsWith: 'STARTS WITH', contains: 'CONTAINS', matches: 'MATCHES' }[e.operator];
      return `${e.field.text} ${keyword} ${JSON.stringify(e.pattern.value)}`;
    }
  }
}

/** The expression without source positions: what the text means. */
function meaning(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(meaning);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (k === 'position' ? [] : [[k, meaning(v)]])));
}

/** Every key a compiled filter may hold: the span and trace document fields the compiler targets, and its operators. */
const FILTER_KEYS = new Set([
  ...['$and', '$or', '$nor', '$elemMatch', '$in', '$ne', '$gt', '$gte', '$lt', '$lte', '$regex', '$options'],
  ...['svc', 'ns', 'name', 'kind', 'status.code', 'durNs', 'attrs', 'res.attrs', 'k', 'v', 'st', 'spanCount'],
]);

function keysOf(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

describe('search language', () => {
  it('accepts or refuses with a SearchError, never anything else; compiled filters name only its own fields and operators', () => {
    fc.assert(
      fc.property(searchText, (text) => {
        let compiled: ReturnType<typeof compileSearch>;
        try {
          compiled = compileSearch(parseSearch(text));
        } catch (error) {
          expect(error).toBeInstanceOf(SearchError);
          expect((error as SearchError).position).toBeGreaterThanOrEqual(0);
          expect((error as SearchError).position).toBeLessThanOrEqual(text.length);
          return;
        }
        const keys = keysOf([compiled.span, compiled.trace], new Set());
        expect([...keys].filter((key) => !FILTER_KEYS.has(key))).toEqual([]);
      }),
      FUZZ.run(2000),
    );
  });

  it('parses an accepted expression, printed back, to the same expression (round trip)', () => {
    fc.assert(
      fc.property(expression, (text) => {
        let parsed: SearchExpression;
        try {
          parsed = parseSearch(text);
        } catch (error) {
          expect(error).toBeInstanceOf(SearchError);
          return;
        }
        const printed = print(parsed);
        expect({ printed, meaning: meaning(parseSearch(printed)) }).toEqual({ printed, meaning: meaning(parsed) });
      }),
      FUZZ.run(1000),
    );
  });
});

describe('searchTraces and POST /v1/traces/search', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('never answer 5xx, whatever the expression', async () => {
    const window = { from: '2026-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' };
    await fc.assert(
      fc.asyncProperty(searchText, fc.boolean(), async (query, overRest) => {
        const res = overRest
          ? await fetch(`${gw.baseUrl}/v1/traces/search`, {
              method: 'POST',
              headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
              body: JSON.stringify({ query, start_time: window.from, end_time: window.to, limit: 5 }),
            })
          : await fetch(`${gw.baseUrl}/graphql`, {
              method: 'POST',
              headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
              body: JSON.stringify({
                query:
                  'query ($q: String!, $from: DateTime!, $to: DateTime!) { searchTraces(query: $q, from: $from, to: $to, first: 5) { totalCount } }',
                variables: { q: query, ...window },
              }),
            });
        const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[]; error?: { code: string } };
        expect(res.status).toBeLessThan(500);
        expect(body.error?.code ?? body.errors?.[0]?.extensions?.code ?? 'ok').not.toBe('internal_error');
      }),
      FUZZ.run(150),
    );
  });
});
