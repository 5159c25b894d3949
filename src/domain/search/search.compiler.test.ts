import { describe, expect, it } from 'vitest';
import { compileSearch, MAX_REGEX_LENGTH, type CompiledSearch } from './search.compiler.js';
import { SearchSemanticError } from './search.errors.js';
import { parseSearch } from './search.parser.js';

const compile = (input: string): CompiledSearch => compileSearch(parseSearch(input));

const attr = (k: string, v?: unknown): Record<string, unknown> => ({
  attrs: { $elemMatch: v === undefined ? { k } : { k, v } },
});
const resource = (k: string, v?: unknown): Record<string, unknown> => ({
  'res.attrs': { $elemMatch: v === undefined ? { k } : { k, v } },
});
const span = (filter: Record<string, unknown>): CompiledSearch => ({ span: filter, trace: null });

describe('compileSearch', () => {
  describe('compiles span-level conditions into one filter evaluated per span document', () => {
    it.each<[string, CompiledSearch]>([
      // The two examples of POST /v1/traces/search in the REST spec.
      ['service.name = "api-gateway" AND duration > 100ms', span({ $and: [{ svc: 'api-gateway' }, { durNs: { $gt: 100_000_000n } }] })],
      ['service.name = "payment-svc" AND status = ERROR', span({ $and: [{ svc: 'payment-svc' }, { 'status.code': 2 }] })],
      // Intrinsic string fields.
      ['service.namespace = "shop"', span({ ns: 'shop' })],
      ['name = "GET /api/orders"', span({ name: 'GET /api/orders' })],
      ['span.name != "GET /healthz"', span({ name: { $ne: 'GET /healthz' } })],
      ['service.name IN ("api-gateway", "order-svc")', span({ svc: { $in: ['api-gateway', 'order-svc'] } })],
      ['service.name >= "m"', span({ svc: { $gte: 'm' } })],
      // Enums: names are case-insensitive, bare or quoted.
      ['status = ok', span({ 'status.code': 1 })],
      ['status != "Unset"', span({ 'status.code': { $ne: 0 } })],
      ['status IN (error, OK)', span({ 'status.code': { $in: [2, 1] } })],
      ['span.status = error', span({ 'status.code': 2 })],
      ['kind = server', span({ kind: 2 })],
      ['kind IN (producer, consumer)', span({ kind: { $in: [4, 5] } })],
      ['kind = UNSPECIFIED', span({ kind: 0 })],
      ['span.kind != internal', span({ kind: { $ne: 1 } })],
      // Durations: exact nanoseconds; a bare number is milliseconds.
      ['duration > 250', span({ durNs: { $gt: 250_000_000n } })],
      ['duration <= 0.25', span({ durNs: { $lte: 250_000n } })],
      ['duration >= 1.5s', span({ durNs: { $gte: 1_500_000_000n } })],
      ['span.duration < 250us', span({ durNs: { $lt: 250_000n } })],
      ['duration IN (10ns, 2m)', span({ durNs: { $in: [10n, 120_000_000_000n] } })],
      ['duration = 1h', span({ durNs: 3_600_000_000_000n })],
      // Span attributes, with the literal's own BSON type.
      ['http.method = "GET"', span(attr('http.method', 'GET'))],
      ['span.http.method != "GET"', span(attr('http.method', { $ne: 'GET' }))],
      ['attr.http.status_code >= 500', span(attr('http.status_code', { $gte: 500n }))],
      ['http.status_code IN (500, 502, 503)', span(attr('http.status_code', { $in: [500n, 502n, 503n] }))],
      ['payment.amount > 12.5', span(attr('payment.amount', { $gt: 12.5 }))],
      ['payment.retry = true', span(attr('payment.retry', true))],
      ['big.counter = 9007199254740993', span(attr('big.counter', 9007199254740993n))],
      ['attr.`weird key` = "x y"', span(attr('weird key', 'x y'))],
      ['span.foo = "x"', span(attr('foo', 'x'))],
      ['attr.name = "x"', span(attr('name', 'x'))],
      ['db.statement EXISTS', span(attr('db.statement'))],
      // Resource attributes.
      ['resource.k8s.cluster.name = "prod-eu-1"', span(resource('k8s.cluster.name', 'prod-eu-1'))],
      ['resource.service.name = "x"', span(resource('service.name', 'x'))],
      ['resource.service.version EXISTS', span(resource('service.version'))],
      // Backticks only quote characters: the field is the same as without them.
      ['resource.`k8s.cluster.name` = "x"', span(resource('k8s.cluster.name', 'x'))],
      ['`service.name` = "x"', span({ svc: 'x' })],
      // String matching: escaped literals for STARTS WITH / CONTAINS, validated user regex for MATCHES.
      ['name STARTS WITH "GET /api/"', span({ name: { $regex: '^GET /api/' } })],
      ['name STARTS WITH "a.b*c"', span({ name: { $regex: '^a\\.b\\*c' } })],
      ['service.name CONTAINS "svc"', span({ svc: { $regex: 'svc' } })],
      ['db.statement CONTAINS "(id = $1)"', span(attr('db.statement', { $regex: '\\(id = \\$1\\)' }))],
      // MATCHES is sent as the gateway re-emits it (search.regex.ts): alternation atomic, $ as \z, possessive repetitions.
      ['name MATCHES "^(GET|POST) /api/"', span({ name: { $regex: '^(?>GET|POST) /api/' } })],
      ['name MATCHES "^/orders/\\\\d+$"', span({ name: { $regex: '^/orders/[\\x{30}-\\x{39}]++\\z' } })],
      [
        'name MATCHES "^GET .*/orders$"',
        span({ name: { $regex: '^GET [\\x{0}-\\x{9}\\x{B}-\\x{D7FF}\\x{E000}-\\x{10FFFF}]*/orders\\z' } }),
      ],
      ['name =~ "(?i)healthz"', span({ name: { $regex: 'healthz', $options: 'i' } })],
      ['resource.deployment.environment MATCHES "^prod"', span(resource('deployment.environment', { $regex: '^prod' }))],
      // NOT: "this span does not satisfy", so a span without the attribute matches.
      ['NOT http.method = "GET"', span({ $nor: [attr('http.method', 'GET')] })],
      ['http.method NOT IN ("GET", "HEAD")', span({ $nor: [attr('http.method', { $in: ['GET', 'HEAD'] })] })],
      ['error.type NOT EXISTS', span({ $nor: [attr('error.type')] })],
      ['name NOT STARTS WITH "GET"', span({ $nor: [{ name: { $regex: '^GET' } }] })],
      ['NOT (service.name = "a" OR service.name = "b")', span({ $nor: [{ $or: [{ svc: 'a' }, { svc: 'b' }] }] })],
      // Precedence: NOT > AND > OR.
      [
        'service.name = "a" OR kind = client AND status = error',
        span({ $or: [{ svc: 'a' }, { $and: [{ kind: 3 }, { 'status.code': 2 }] }] }),
      ],
      [
        '(service.name = "a" OR kind = client) AND NOT status = error',
        span({ $and: [{ $or: [{ svc: 'a' }, { kind: 3 }] }, { $nor: [{ 'status.code': 2 }] }] }),
      ],
      // Values that look like operators stay literal values.
      ['x = "$gt"', span(attr('x', '$gt'))],
      ['attr.`$where` = "1"', span(attr('$where', '1'))],
      ['name = "{\\"$ne\\": null}"', span({ name: '{"$ne": null}' })],
    ])('%s', (input, expected) => {
      expect(compile(input)).toEqual(expected);
    });
  });

  describe('splits top-level AND conjuncts between the span and the trace summary', () => {
    it.each<[string, CompiledSearch]>([
      ['trace.duration > 1s', { span: null, trace: { durNs: { $gt: 1_000_000_000n } } }],
      ['trace.duration <= 1500', { span: null, trace: { durNs: { $lte: 1_500_000_000n } } }],
      ['trace.status = error AND trace.span_count >= 10', { span: null, trace: { $and: [{ st: 2 }, { spanCount: { $gte: 10 } }] } }],
      ['trace.span_count IN (1, 2)', { span: null, trace: { spanCount: { $in: [1, 2] } } }],
      ['NOT trace.status = ok', { span: null, trace: { $nor: [{ st: 1 }] } }],
      [
        'service.name = "api-gateway" AND trace.duration > 500ms AND http.status_code = 500',
        {
          span: { $and: [{ svc: 'api-gateway' }, attr('http.status_code', 500n)] },
          trace: { durNs: { $gt: 500_000_000n } },
        },
      ],
      [
        '(trace.status = error OR trace.duration > 2s) AND service.name = "x"',
        { span: { svc: 'x' }, trace: { $or: [{ st: 2 }, { durNs: { $gt: 2_000_000_000n } }] } },
      ],
      [
        '(service.name = "a" AND trace.span_count < 3) AND kind = server',
        { span: { $and: [{ svc: 'a' }, { kind: 2 }] }, trace: { spanCount: { $lt: 3 } } },
      ],
    ])('%s', (input, expected) => {
      expect(compile(input)).toEqual(expected);
    });
  });

  describe('rejects meaningless expressions with the position of the offending part', () => {
    const longRegex = 'a'.repeat(MAX_REGEX_LENGTH + 1);
    it.each<[string, number, string]>([
      [
        'trace.foo = 1',
        0,
        "Unknown trace field 'trace.foo' at position 0; trace-level fields are trace.duration, trace.status, trace.span_count",
      ],
      ['kind = server AND `trace.id` = "abc"', 18, "Unknown trace field '`trace.id`' at position 18"],
      [
        'service.name = "a" OR trace.duration > 1s',
        22,
        "Trace-level field 'trace.duration' at position 22 is combined with span-level conditions under OR or NOT; trace-level conditions must be joined to the rest of the expression with a top-level AND",
      ],
      ['NOT (trace.status = error AND kind = server)', 5, "Trace-level field 'trace.status' at position 5"],
      ['kind = server AND (trace.duration > 1s OR status = error)', 19, "Trace-level field 'trace.duration' at position 19"],
      ['service.name = 5', 15, "'service.name' takes a string in double quotes; found 5 at position 15"],
      ['duration > "100ms"', 11, `'duration' takes a duration such as 100ms or a number of milliseconds; found "100ms" at position 11`],
      ['duration > -5', 11, '-5 at position 11 is not a non-negative whole number of nanoseconds when read as milliseconds'],
      ['duration > 0.0000001', 11, 'is not a non-negative whole number of nanoseconds'],
      ['status = bogus', 9, "'status' takes one of unset, ok, error; found bogus at position 9"],
      ['kind = 2', 7, "'kind' takes one of unspecified, internal, server, client, producer, consumer; found 2 at position 7"],
      ['status > ok', 0, "'status' at position 0 can only be compared with = or !="],
      ['http.method = GET', 14, `'http.method' takes a string, number or boolean (quote text: "GET"); found GET at position 14`],
      ['http.method = 5ms', 14, "'http.method' takes a string, number or boolean (attributes hold no durations)"],
      ['retry > true', 8, 'A boolean at position 8 can only be compared with = or !='],
      ['service.name EXISTS', 0, "EXISTS at position 0 applies only to attributes (attr.*, span.*, resource.*), not to 'service.name'"],
      ['duration CONTAINS "1"', 0, "'duration' at position 0 is not a string field; STARTS WITH, CONTAINS and MATCHES apply to strings"],
      [
        'name MATCHES "(unclosed"',
        13,
        'Invalid regular expression "(unclosed" at position 13: the group opened at character 1 is not closed',
      ],
      ['name =~ "a**"', 8, `Invalid regular expression "a**" at position 8: '*' repeats a repetition`],
      ['name MATCHES "a{"', 13, `Invalid regular expression "a{" at position 13: '{' must start a counted repetition`],
      ['name MATCHES "\\\\c"', 13, 'Invalid regular expression "\\\\c" at position 13: unknown escape \\c'],
      ['name MATCHES "^(.|.)*\\\\1!x$"', 13, 'a quantifier may follow a single character or class, not a group'],
      ['name MATCHES "(a|a)*b"', 13, 'a quantifier may follow a single character or class, not a group'],
      [`name MATCHES "${longRegex}"`, 13, `is ${MAX_REGEX_LENGTH + 1} characters long; at most ${MAX_REGEX_LENGTH} are allowed`],
      ['trace.span_count = "3"', 19, "'trace.span_count' takes a number"],
    ])('%s → position %i', (input, position, message) => {
      const ast = parseSearch(input);
      let error: unknown;
      try {
        compileSearch(ast);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(SearchSemanticError);
      expect(error).toMatchObject({ position, message: expect.stringContaining(message) });
    });
  });
});
