import { ValidationError } from '../../errors.js';
import { compileSearch } from './search.compiler.js';
import { SearchError, SearchSemanticError, SearchSyntaxError } from './search.errors.js';
import { formatSearch } from './search.format.js';
import { DURATION_UNIT_NS, scaleDecimal, type ComparisonOperator } from './search.lexer.js';
import { SEARCH_LIMITS, type FieldRef, type Literal, type SearchExpression } from './search.parser.js';

/*
 * The subset of TraceQL (Grafana Tempo's query language) that the search
 * language can express, translated into a search-language AST. Supported:
 *
 *   { <cond> }, { }, { true }, and spansets joined with || (one span matching
 *   either is the same as either spanset matching);
 *   <cond> := <cond> && <cond> | <cond> || <cond> | ( <cond> ) | <field> <op> <value>
 *   <op>   := = != > >= < <= =~ !~        (=~ and !~ are fully anchored, as in Tempo)
 *   fields: name status kind duration, span:name span:status span:kind
 *           span:duration, traceDuration trace:duration, span.<attr> resource.<attr>
 *           .<attr> (span or resource), attribute names quoted as span."a b"
 *   values: "strings" `raw strings`, integers, decimals, durations (100ms, 1.5s, 1h30m),
 *           true false, status error/ok/unset, kinds server/client/…, nil (= nil, != nil)
 *
 * Everything else is refused with a ValidationError on `q` naming the construct
 * and its position: pipelines (| count() …), structural operators (>> << > < ~
 * and their negations), && between spansets, negation (!), arithmetic,
 * aggregates, and the intrinsics the search language has no field for.
 * docs/grafana.md lists the table.
 */

type TokenType = 'ident' | 'string' | 'number' | 'duration' | 'op' | '{' | '}' | '(' | ')' | 'eof' | 'other';

interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly start: number;
  /** Decoded string value, or the quoted attribute name of `span."a b"`. */
  readonly value?: string;
  readonly ns?: bigint;
}

const OPERATORS = [
  '&&',
  '||',
  '!=',
  '!~',
  '=~',
  '>=',
  '<=',
  '>>',
  '<<',
  '!>>',
  '!<<',
  '!>',
  '!<',
  '&>>',
  '&<<',
  '&>',
  '&<',
  '&~',
  '=',
  '>',
  '<',
  '~',
  '|',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  ',',
];
const SORTED_OPERATORS = [...OPERATORS].sort((a, b) => b.length - a.length);
const TERMINAL = /[\s{}()=!<>&|~,"`+*/%^]/;
const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '/': '/',
  "'": "'",
};

class Lexer {
  private pos = 0;

  constructor(private readonly input: string) {}

  next(): Token {
    const s = this.input;
    while (this.pos < s.length && /\s/.test(s[this.pos]!)) this.pos++;
    const start = this.pos;
    if (start >= s.length) return { type: 'eof', text: '', start };
    const c = s[start]!;
    if (c === '{' || c === '}' || c === '(' || c === ')') {
      this.pos++;
      return { type: c, text: c, start };
    }
    if (c === '"') return this.quoted(start);
    if (c === '`') {
      const end = s.indexOf('`', start + 1);
      if (end < 0) throw new SearchSyntaxError(`Unterminated raw string starting at position ${start}`, start, ['`']);
      this.pos = end + 1;
      return { type: 'string', text: s.slice(start, end + 1), start, value: s.slice(start + 1, end) };
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(s[start + 1] ?? ''))) return this.numeric(start);
    const op = SORTED_OPERATORS.find((o) => s.startsWith(o, start));
    if (op !== undefined) {
      this.pos += op.length;
      return { type: 'op', text: op, start };
    }
    return this.identifier(start);
  }

  private quoted(start: number): Token {
    const s = this.input;
    let value = '';
    let i = start + 1;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') {
        const escaped = STRING_ESCAPES[s[i + 1] ?? ''];
        if (escaped === undefined)
          throw new SearchSyntaxError(`Unknown escape '\\${s[i + 1] ?? ''}' in the string at position ${start}`, i, []);
        value += escaped;
        i += 2;
      } else {
        value += s[i];
        i++;
      }
    }
    if (i >= s.length) throw new SearchSyntaxError(`Unterminated string starting at position ${start}`, start, ['"']);
    this.pos = i + 1;
    return { type: 'string', text: s.slice(start, this.pos), start, value };
  }

  /** A number, or a duration: one or more number+unit parts (1h30m), exact in nanoseconds. */
  private numeric(start: number): Token {
    const s = this.input;
    const part = /^(-?\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)?/;
    let i = start;
    let ns = 0n;
    let isDuration = false;
    for (;;) {
      const m = part.exec(s.slice(i));
      if (m === null) break;
      const [whole, digits = '', unit] = m;
      if (unit === undefined) {
        if (isDuration) throw new SearchSyntaxError(`Duration at position ${start} lacks a unit after '${digits}'`, i, ['duration']);
        i += whole.length;
        break;
      }
      const scaled = digits.startsWith('-') ? null : scaleDecimal(digits, DURATION_UNIT_NS[unit] ?? 1n);
      if (scaled === null)
        throw new SearchSyntaxError(`Duration at position ${start} is not a non-negative whole number of nanoseconds`, start, []);
      ns += scaled;
      isDuration = true;
      i += whole.length;
      if (!/[0-9]/.test(s[i] ?? '')) break;
    }
    const text = s.slice(start, i);
    if (i < s.length && !TERMINAL.test(s[i]!)) {
      throw new SearchSyntaxError(`Invalid number or duration '${text}${s[i]}' at position ${start}`, start, ['number', 'duration']);
    }
    this.pos = i;
    return isDuration ? { type: 'duration', text, start, ns } : { type: 'number', text, start };
  }

  /** An intrinsic, keyword or attribute path; `span."a b"` quotes an attribute name. */
  private identifier(start: number): Token {
    const s = this.input;
    let i = start;
    while (i < s.length && !TERMINAL.test(s[i]!)) i++;
    if (i === start) {
      this.pos = start + 1;
      return { type: 'other', text: s[start]!, start };
    }
    const head = s.slice(start, i);
    if (head.endsWith('.') && s[i] === '"') {
      this.pos = i;
      const quoted = this.quoted(i);
      return { type: 'ident', text: s.slice(start, this.pos), start, value: `${head}${quoted.value ?? ''}` };
    }
    this.pos = i;
    return { type: 'ident', text: head, start, value: head };
  }
}

/** A field of the search language, or an unscoped attribute that may be either a span's or its resource's. */
type Field =
  | { readonly kind: 'field'; readonly ref: FieldRef; readonly type: 'string' | 'duration' | 'status' | 'kind' | 'attribute' }
  | { readonly kind: 'unscoped'; readonly key: string; readonly text: string; readonly position: number };

const STATUS_VALUES = ['error', 'ok', 'unset'];
const KIND_VALUES = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const INTRINSICS: Readonly<Record<string, { readonly path: string; readonly type: 'string' | 'duration' | 'status' | 'kind' }>> = {
  name: { path: 'name', type: 'string' },
  'span:name': { path: 'name', type: 'string' },
  status: { path: 'status', type: 'status' },
  'span:status': { path: 'status', type: 'status' },
  kind: { path: 'kind', type: 'kind' },
  'span:kind': { path: 'kind', type: 'kind' },
  duration: { path: 'duration', type: 'duration' },
  'span:duration': { path: 'duration', type: 'duration' },
  traceDuration: { path: 'trace.duration', type: 'duration' },
  'trace:duration': { path: 'trace.duration', type: 'duration' },
};
/** Resource attributes the search language keeps as indexed columns. */
const RESOURCE_COLUMNS: Readonly<Record<string, string>> = { 'service.name': 'service.name', 'service.namespace': 'service.namespace' };
const ATTRIBUTE_SCOPES: Readonly<Record<string, string>> = { span: 'attr', resource: 'resource' };

/** Operators that compare; `=~`/`!~` become anchored MATCHES. */
type FieldOperator = ComparisonOperator | '=~' | '!~';
const FIELD_OPERATORS: readonly string[] = ['=', '!=', '>', '>=', '<', '<=', '=~', '!~'];
const STRUCTURAL = ['>>', '<<', '>', '<', '~', '!>>', '!<<', '!>', '!<', '!~', '&>>', '&<<', '&>', '&<', '&~'];

class Parser {
  private readonly lexer: Lexer;
  private current: Token;
  private depth = 0;

  constructor(input: string) {
    this.lexer = new Lexer(input);
    this.current = this.lexer.next();
  }

  /** The whole query: null when it selects every trace (`{ }`, `{ true }`). */
  query(): SearchExpression | null {
    if (this.current.type === 'eof')
      throw new SearchSyntaxError("Expected a spanset such as '{ status = error }' at position 0, found end of input", 0, ['{']);
    const expression = this.spansets();
    if (!this.atEnd()) {
      if (this.isOp('|')) throw this.unsupported("pipelines ('| …': aggregates, select(), metrics functions)");
      if (this.isOp('&&'))
        throw this.unsupported(
          "'&&' between spansets (conditions met by different spans)",
          'join the conditions inside one { } instead: one span must meet them all',
        );
      if (this.current.type === 'op' && STRUCTURAL.includes(this.current.text))
        throw this.unsupported(`the structural operator '${this.current.text}'`);
      throw this.expected("'||' between spansets or end of input");
    }
    return expression;
  }

  private spansets(): SearchExpression | null {
    const operands = [this.spanset()];
    while (this.isOp('||')) {
      this.advance();
      operands.push(this.spanset());
    }
    if (operands.some((o) => o === null)) return null;
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands: operands as SearchExpression[], position: operands[0]!.position };
  }

  private spanset(): SearchExpression | null {
    const open = this.current;
    if (open.type === '(') {
      this.enter(open);
      this.advance();
      const inner = this.spansets();
      this.expect(')');
      this.depth--;
      return inner;
    }
    if (open.type !== '{') throw this.expected("'{'");
    this.advance();
    if (this.current.type === '}') {
      this.advance();
      return null;
    }
    if (this.current.type === 'ident' && this.current.text === 'true') {
      this.advance();
      this.expect('}');
      return null;
    }
    const condition = this.or();
    this.expect('}');
    return condition;
  }

  private or(): SearchExpression {
    return this.chain('||', () => this.and());
  }

  private and(): SearchExpression {
    return this.chain('&&', () => this.primary());
  }

  private chain(op: '&&' | '||', operand: () => SearchExpression): SearchExpression {
    const first = operand();
    const operands = [first];
    while (this.isOp(op)) {
      this.advance();
      operands.push(operand());
    }
    return operands.length === 1 ? first : { kind: op === '&&' ? 'and' : 'or', operands, position: first.position };
  }

  private primary(): SearchExpression {
    const token = this.current;
    if (token.type === '(') {
      this.enter(token);
      this.advance();
      const inner = this.or();
      this.expect(')');
      this.depth--;
      return inner;
    }
    if (this.isOp('!')) throw this.unsupported("negation with '!'", 'use != or !~ on the field instead');
    if (token.type === 'ident') return this.comparison(this.field(token));
    if (token.type === '{') throw this.unsupported("a spanset inside a spanset ('{' within '{ }')");
    throw this.expected('a condition such as name = "GET /"');
  }

  private field(token: Token): Field {
    this.advance();
    const name = token.value ?? token.text;
    const position = token.start;
    const intrinsic = INTRINSICS[name];
    if (intrinsic !== undefined) return { kind: 'field', ref: { path: intrinsic.path, text: name, position }, type: intrinsic.type };
    if (name.startsWith('.') && name.length > 1) return { kind: 'unscoped', key: name.slice(1), text: name, position };
    const dot = name.indexOf('.');
    const scope = dot > 0 ? name.slice(0, dot) : '';
    const key = name.slice(dot + 1);
    const prefix = ATTRIBUTE_SCOPES[scope];
    if (prefix !== undefined && key !== '') {
      const column = scope === 'resource' ? RESOURCE_COLUMNS[key] : undefined;
      const path = column ?? `${prefix}.${key}`;
      return { kind: 'field', ref: { path, text: name, position }, type: column === undefined ? 'attribute' : 'string' };
    }
    if (
      /^(event|link|instrumentation|parent|trace|span)[.:]/.test(name) ||
      ['rootName', 'rootServiceName', 'statusMessage', 'nestedSetParent', 'nestedSetLeft', 'nestedSetRight'].includes(name)
    ) {
      throw this.unsupported(
        `the field '${name}'`,
        'supported: name, status, kind, duration, traceDuration (and their span:/trace: forms), span.*, resource.* and .* attributes',
        position,
      );
    }
    if (['count', 'avg', 'min', 'max', 'sum', 'select', 'by', 'coalesce', 'rate', 'quantile_over_time', 'count_over_time'].includes(name)) {
      throw this.unsupported(`the function '${name}()'`, undefined, position);
    }
    throw new SearchSyntaxError(
      `Unknown field '${name}' at position ${position}: attributes take a scope, as in span.${name}, resource.${name} or .${name}`,
      position,
      ['field'],
    );
  }

  private comparison(field: Field): SearchExpression {
    const opToken = this.current;
    if (opToken.type !== 'op' || !FIELD_OPERATORS.includes(opToken.text)) {
      if (opToken.type === 'op' && ['+', '-', '*', '/', '%', '^'].includes(opToken.text))
        throw this.unsupported(`arithmetic ('${opToken.text}')`);
      throw this.expected('a comparison operator (= != > >= < <= =~ !~)');
    }
    this.advance();
    const operator = opToken.text as FieldOperator;
    const valueToken = this.current;
    this.advance();
    if (valueToken.type === 'ident' && valueToken.text === 'nil') return this.nil(field, operator, valueToken);
    if (operator === '=~' || operator === '!~') {
      if (valueToken.type !== 'string') throw this.expectedAt(valueToken, 'a regular expression in quotes');
      return this.forField(field, (ref) => {
        const match: SearchExpression = {
          kind: 'match',
          field: ref,
          operator: 'matches',
          // TraceQL regular expressions match the whole value, like PromQL's.
          pattern: { kind: 'string', value: `^(?:${valueToken.value ?? ''})$`, position: valueToken.start },
          position: ref.position,
        };
        return operator === '!~' ? { kind: 'not', operand: match, position: ref.position } : match;
      });
    }
    const literal = this.literal(field, valueToken);
    return this.forField(field, (ref) => ({ kind: 'compare', field: ref, operator, value: literal, position: ref.position }));
  }

  /** `= nil` is "has no such attribute", `!= nil` "has it". */
  private nil(field: Field, operator: FieldOperator, token: Token): SearchExpression {
    if (operator !== '=' && operator !== '!=') throw this.expectedAt(token, "'= nil' or '!= nil'");
    if (field.kind === 'field' && field.type !== 'attribute') {
      throw new SearchSemanticError(
        `'${field.ref.text}' at position ${field.ref.position} is always set; nil applies to attributes`,
        field.ref.position,
      );
    }
    const exists = (ref: FieldRef): SearchExpression => ({ kind: 'exists', field: ref, position: ref.position });
    if (field.kind === 'field')
      return operator === '!=' ? exists(field.ref) : { kind: 'not', operand: exists(field.ref), position: field.ref.position };
    const [span, resource] = unscopedRefs(field);
    if (operator === '!=') return { kind: 'or', operands: [exists(span), exists(resource)], position: field.position };
    return {
      kind: 'and',
      operands: [
        { kind: 'not', operand: exists(span), position: span.position },
        { kind: 'not', operand: exists(resource), position: resource.position },
      ],
      position: field.position,
    };
  }

  /** A condition on a field; on an unscoped attribute, the same condition on the span's or the resource's. */
  private forField(field: Field, build: (ref: FieldRef) => SearchExpression): SearchExpression {
    if (field.kind === 'field') return build(field.ref);
    const [span, resource] = unscopedRefs(field);
    return { kind: 'or', operands: [build(span), build(resource)], position: field.position };
  }

  private literal(field: Field, token: Token): Literal {
    const base = { position: token.start, text: token.text };
    const type = field.kind === 'field' ? field.type : 'attribute';
    const name = field.kind === 'field' ? field.ref.text : field.text;
    switch (token.type) {
      case 'string':
        if (type === 'duration') break;
        return { ...base, kind: 'string', value: token.value ?? '' };
      case 'number':
        if (type !== 'attribute') break;
        return { ...base, kind: 'number', value: /[.]/.test(token.text) ? Number(token.text) : BigInt(token.text) };
      case 'duration':
        if (type !== 'duration') break;
        return { ...base, kind: 'duration', ns: token.ns ?? 0n };
      case 'ident': {
        if (token.text === 'true' || token.text === 'false') {
          if (type !== 'attribute') break;
          return { ...base, kind: 'boolean', value: token.text === 'true' };
        }
        const words = type === 'status' ? STATUS_VALUES : type === 'kind' ? KIND_VALUES : null;
        if (words !== null && words.includes(token.text)) return { ...base, kind: 'word', value: token.text };
        if (words !== null)
          throw new SearchSemanticError(
            `'${name}' takes one of ${words.join(', ')}; found ${token.text} at position ${token.start}`,
            token.start,
          );
        throw new SearchSemanticError(`${token.text} at position ${token.start} is not a value: quote text ("${token.text}")`, token.start);
      }
      default:
        throw this.expectedAt(token, 'a value');
    }
    const expected = {
      duration: 'a duration such as 100ms',
      status: `one of ${STATUS_VALUES.join(', ')}`,
      kind: `one of ${KIND_VALUES.join(', ')}`,
      string: 'a string in quotes',
      attribute: 'a string, number or boolean',
    }[type];
    throw new SearchSemanticError(`'${name}' takes ${expected}; found ${token.text} at position ${token.start}`, token.start);
  }

  /** Not a type guard on purpose: `current` changes on every advance(). */
  private atEnd(): boolean {
    return this.current.type === 'eof';
  }

  private isOp(op: string): boolean {
    return this.current.type === 'op' && this.current.text === op;
  }

  private advance(): void {
    this.current = this.lexer.next();
  }

  private expect(type: '}' | ')'): void {
    if (this.current.type !== type) throw this.expected(type === '}' ? "'&&', '||' or '}'" : "')'");
    this.advance();
  }

  private enter(token: Token): void {
    this.depth++;
    if (this.depth > SEARCH_LIMITS.maxDepth) {
      throw new SearchSyntaxError(
        `Expression nests more than ${SEARCH_LIMITS.maxDepth} levels deep at position ${token.start}`,
        token.start,
        [],
      );
    }
  }

  private expected(what: string): SearchSyntaxError {
    return this.expectedAt(this.current, what);
  }

  private expectedAt(token: Token, what: string): SearchSyntaxError {
    const found = token.type === 'eof' ? 'end of input' : `'${token.text}'`;
    return new SearchSyntaxError(`Expected ${what} at position ${token.start}, found ${found}`, token.start, [what]);
  }

  private unsupported(construct: string, hint?: string, position = this.current.start): SearchSyntaxError {
    const hintText = hint === undefined ? '' : `; ${hint}`;
    return new SearchSyntaxError(
      `Unsupported TraceQL at position ${position}: ${construct} is not in the subset the gateway supports${hintText}`,
      position,
      [],
    );
  }
}

function unscopedRefs(field: Extract<Field, { kind: 'unscoped' }>): [FieldRef, FieldRef] {
  const resourcePath = RESOURCE_COLUMNS[field.key] ?? `resource.${field.key}`;
  return [
    { path: `attr.${field.key}`, text: field.text, position: field.position },
    { path: resourcePath, text: field.text, position: field.position },
  ];
}

/** Parses a TraceQL query of the supported subset; null means "every trace" (`{ }`). */
export function parseTraceQL(input: string): SearchExpression | null {
  if (input.length > SEARCH_LIMITS.maxLength) {
    throw new SearchSyntaxError(
      `TraceQL query is ${input.length} characters long; at most ${SEARCH_LIMITS.maxLength} are allowed`,
      SEARCH_LIMITS.maxLength,
      [],
    );
  }
  return new Parser(input).query();
}

/**
 * A TraceQL query as a search-language expression (null: every trace), checked
 * the way `searchTraces` will compile it, so that every error names a position
 * in the TraceQL text. Errors are ValidationErrors on `param`.
 */
export function traceqlToSearch(input: string, param: string): string | null {
  try {
    const expression = parseTraceQL(input);
    if (expression === null) return null;
    compileSearch(expression);
    return formatSearch(expression);
  } catch (error) {
    if (error instanceof SearchError) throw new ValidationError(error.message, param);
    throw error;
  }
}

/**
 * A TraceQL filter for listing tag names or values, read leniently as Tempo
 * reads it there: a query outside the subset, incomplete (`{ .a = }`) or with
 * trace-level fields filters nothing (null) instead of failing.
 */
export function traceqlSpanFilter(input: string): string | null {
  try {
    const expression = parseTraceQL(input);
    if (expression === null || compileSearch(expression).trace !== null) return null;
    return formatSearch(expression);
  } catch (error) {
    if (error instanceof SearchError) return null;
    throw error;
  }
}
