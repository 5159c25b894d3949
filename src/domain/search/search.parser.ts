import { SearchSyntaxError } from './search.errors.js';
import { SearchLexer, type ComparisonOperator, type Keyword, type Token } from './search.lexer.js';

/** Bounds on what one expression may cost to parse and to run. */
export const SEARCH_LIMITS = {
  /** Characters (UTF-16 code units) in the expression. */
  maxLength: 4096,
  /** Nested parentheses plus prefix NOTs. */
  maxDepth: 32,
  /** Values in one IN list. */
  maxInValues: 100,
} as const;

/** Every AST node carries the offset of the token it starts at, for error reporting. */
interface Positioned {
  readonly position: number;
}

export interface FieldRef extends Positioned {
  /**
   * The segments joined with '.', backtick quotes removed: quoting only lets a
   * key hold characters an unquoted segment cannot, so `` attr.`a.b` `` and
   * `attr.a.b` are the same field.
   */
  readonly path: string;
  /** The field as written, for messages. */
  readonly text: string;
}

export type StringLiteral = Positioned & { readonly kind: 'string'; readonly value: string };

export type Literal = Positioned & { readonly text: string } & (
    | { readonly kind: 'string'; readonly value: string }
    /** A bigint exactly when written without a fractional part (kept exact for int64 attributes). */
    | { readonly kind: 'number'; readonly value: bigint | number }
    | { readonly kind: 'duration'; readonly ns: bigint }
    | { readonly kind: 'boolean'; readonly value: boolean }
    /** An unquoted word such as `ERROR` or `server`: only enum-valued fields accept one. */
    | { readonly kind: 'word'; readonly value: string }
  );

export type MatchOperator = 'startsWith' | 'contains' | 'matches';

export type SearchExpression =
  | (Positioned & { readonly kind: 'or' | 'and'; readonly operands: readonly SearchExpression[] })
  | (Positioned & { readonly kind: 'not'; readonly operand: SearchExpression })
  | (Positioned & {
      readonly kind: 'compare';
      readonly field: FieldRef;
      readonly operator: ComparisonOperator;
      readonly value: Literal;
    })
  | (Positioned & { readonly kind: 'in'; readonly field: FieldRef; readonly values: readonly Literal[] })
  | (Positioned & { readonly kind: 'exists'; readonly field: FieldRef })
  | (Positioned & {
      readonly kind: 'match';
      readonly field: FieldRef;
      readonly operator: MatchOperator;
      readonly pattern: StringLiteral;
    });

const VALUE = ['string', 'number', 'duration', 'boolean', 'identifier'];
const CONDITION = ['field', 'NOT', '('];
const NEGATABLE_OPERATORS = ['IN', 'EXISTS', 'STARTS WITH', 'CONTAINS', 'MATCHES'];
const FIELD_OPERATORS = ['=', '!=', '>', '>=', '<', '<=', '=~', 'NOT', ...NEGATABLE_OPERATORS];

/** Expected-lists that read better as one phrase than as an enumeration. */
const GROUP_PHRASES: ReadonlyArray<readonly [readonly string[], string]> = [
  [VALUE, 'a value'],
  [CONDITION, 'a condition'],
  [FIELD_OPERATORS, 'an operator'],
  [NEGATABLE_OPERATORS, "'IN', 'EXISTS', 'STARTS WITH', 'CONTAINS' or 'MATCHES'"],
];
const CLASS_PHRASES: Readonly<Record<string, string>> = {
  field: 'a field',
  string: 'a string',
  number: 'a number',
  duration: 'a duration',
  boolean: 'a boolean',
  identifier: 'an identifier',
  'end of input': 'end of input',
};

function describeExpected(expected: readonly string[]): string {
  const group = GROUP_PHRASES.find(([items]) => items === expected);
  if (group) return group[1];
  const phrases = expected.map((item) => CLASS_PHRASES[item] ?? `'${item}'`);
  return phrases.length <= 1 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1)}`;
}

function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return shown.includes("'") && !shown.includes('"') ? `"${shown}"` : `'${shown}'`;
}

/**
 * Parses a trace search expression into its AST.
 *
 *   query      = or_expr EOF
 *   or_expr    = and_expr { "OR" and_expr }
 *   and_expr   = unary { "AND" unary }
 *   unary      = "NOT" unary | "(" or_expr ")" | predicate
 *   predicate  = field ( comparison_op value | "=~" string | [ "NOT" ] negatable )
 *   negatable  = "IN" "(" value { "," value } ")" | "EXISTS"
 *              | "STARTS" "WITH" string | "CONTAINS" string | "MATCHES" string
 *
 * See docs/search-language.md for the full grammar and semantics.
 */
export function parseSearch(input: string): SearchExpression {
  if (input.length > SEARCH_LIMITS.maxLength) {
    throw new SearchSyntaxError(
      `Search expression is ${input.length} characters long; at most ${SEARCH_LIMITS.maxLength} are allowed`,
      SEARCH_LIMITS.maxLength,
      [],
    );
  }
  return new Parser(input).query();
}

class Parser {
  private readonly lexer: SearchLexer;
  private current: Token;
  private previous: Token | null = null;
  private depth = 0;

  constructor(input: string) {
    this.lexer = new SearchLexer(input);
    this.current = this.lexer.next();
  }

  query(): SearchExpression {
    const expression = this.or();
    if (!this.is('eof')) this.fail(['AND', 'OR', 'end of input']);
    return expression;
  }

  private or(): SearchExpression {
    return this.chain('OR', () => this.and());
  }

  private and(): SearchExpression {
    return this.chain('AND', () => this.unary());
  }

  /** One or more operands joined by `keyword`, flattened into a single n-ary node. */
  private chain(keyword: 'AND' | 'OR', operand: () => SearchExpression): SearchExpression {
    const first = operand();
    const operands = [first];
    while (this.isKeyword(keyword)) {
      this.advance();
      operands.push(operand());
    }
    if (operands.length === 1) return first;
    return { kind: keyword === 'AND' ? 'and' : 'or', operands, position: first.position };
  }

  private unary(): SearchExpression {
    const token = this.current;
    if (this.isKeyword('NOT')) {
      this.enter(token);
      this.advance();
      const operand = this.unary();
      this.depth -= 1;
      return { kind: 'not', operand, position: token.start };
    }
    if (token.type === '(') {
      this.enter(token);
      this.advance();
      const inner = this.or();
      if (!this.is(')')) this.fail(['AND', 'OR', ')']);
      this.advance();
      this.depth -= 1;
      return inner;
    }
    if (token.type === 'identifier') return this.predicate(token);
    return this.fail(CONDITION);
  }

  private predicate(token: Token & { type: 'identifier' }): SearchExpression {
    this.advance();
    const field: FieldRef = { path: token.segments.join('.'), text: token.text, position: token.start };
    const next = this.current;
    if (next.type === 'operator') {
      this.advance();
      if (next.operator === '=~') {
        return { kind: 'match', field, operator: 'matches', pattern: this.string(), position: field.position };
      }
      return { kind: 'compare', field, operator: next.operator, value: this.value(), position: field.position };
    }
    if (this.isKeyword('NOT')) {
      this.advance();
      return { kind: 'not', operand: this.negatable(field, true), position: next.start };
    }
    return this.negatable(field, false);
  }

  /**
   * The operators that may follow `field` or `field NOT`. `afterNot` only selects
   * the expected-list: right after the field every operator would have done.
   */
  private negatable(field: FieldRef, afterNot: boolean): SearchExpression {
    const position = field.position;
    const token = this.current;
    const keyword = token.type === 'keyword' ? token.keyword : null;
    switch (keyword) {
      case 'IN':
        this.advance();
        return { kind: 'in', field, values: this.list(), position };
      case 'EXISTS':
        this.advance();
        return { kind: 'exists', field, position };
      case 'STARTS':
        this.advance();
        if (!this.isKeyword('WITH')) this.fail(['WITH']);
        this.advance();
        return { kind: 'match', field, operator: 'startsWith', pattern: this.string(), position };
      case 'CONTAINS':
        this.advance();
        return { kind: 'match', field, operator: 'contains', pattern: this.string(), position };
      case 'MATCHES':
        this.advance();
        return { kind: 'match', field, operator: 'matches', pattern: this.string(), position };
      default:
        return this.fail(afterNot ? NEGATABLE_OPERATORS : FIELD_OPERATORS);
    }
  }

  private list(): Literal[] {
    if (!this.is('(')) this.fail(['(']);
    this.advance();
    const values = [this.value()];
    while (this.is(',')) {
      this.advance();
      if (values.length === SEARCH_LIMITS.maxInValues) {
        throw new SearchSyntaxError(
          `Expected ')' at position ${this.current.start}: an IN list holds at most ${SEARCH_LIMITS.maxInValues} values`,
          this.current.start,
          [')'],
        );
      }
      values.push(this.value());
    }
    if (!this.is(')')) this.fail([',', ')']);
    this.advance();
    return values;
  }

  private value(): Literal {
    const token = this.current;
    const base = { position: token.start, text: token.text };
    switch (token.type) {
      case 'string':
        this.advance();
        return { ...base, kind: 'string', value: token.value };
      case 'number':
        this.advance();
        return { ...base, kind: 'number', value: token.value };
      case 'duration':
        this.advance();
        return { ...base, kind: 'duration', ns: token.ns };
      case 'boolean':
        this.advance();
        return { ...base, kind: 'boolean', value: token.value };
      case 'identifier': {
        const [word] = token.segments;
        if (!token.bare || word === undefined) break;
        this.advance();
        return { ...base, kind: 'word', value: word };
      }
    }
    return this.fail(VALUE);
  }

  private string(): StringLiteral {
    const token = this.current;
    if (token.type !== 'string') return this.fail(['string']);
    this.advance();
    return { kind: 'string', value: token.value, position: token.start };
  }

  /** Not a type guard on purpose: `current` changes on every advance(), so narrowing it would mislead. */
  private is(type: Token['type']): boolean {
    return this.current.type === type;
  }

  private isKeyword(keyword: Keyword): boolean {
    return this.current.type === 'keyword' && this.current.keyword === keyword;
  }

  private advance(): void {
    this.previous = this.current;
    this.current = this.lexer.next();
  }

  /** Guards the recursion: only `(` and prefix `NOT` recurse, so bounding them bounds the stack. */
  private enter(token: Token): void {
    this.depth += 1;
    if (this.depth > SEARCH_LIMITS.maxDepth) {
      throw new SearchSyntaxError(
        `Expression nests more than ${SEARCH_LIMITS.maxDepth} levels deep at position ${token.start}`,
        token.start,
        [],
      );
    }
  }

  private fail(expected: readonly string[]): never {
    const after = this.previous ? ` after ${quote(this.previous.text)}` : '';
    const found = this.current.type === 'eof' ? 'end of input' : quote(this.current.text);
    const hint = this.current.text === "'" ? ' (strings are written in double quotes)' : '';
    throw new SearchSyntaxError(
      `Expected ${describeExpected(expected)}${after} at position ${this.current.start}, found ${found}${hint}`,
      this.current.start,
      expected,
    );
  }
}
