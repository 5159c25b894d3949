import { KEYWORDS } from './search.lexer.js';
import type { FieldRef, Literal, SearchExpression } from './search.parser.js';

/**
 * Writes a search expression back as text of the search language, such that
 * `parseSearch(formatSearch(e))` is `e` again (positions aside). Front-ends
 * that build an AST of their own (TraceQL, rest-compat/tempo) hand the text to
 * the public `searchTraces` query, so the search language stays the one
 * language the schema takes.
 */
export function formatSearch(expression: SearchExpression): string {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return expression.operands.map(grouped).join(expression.kind === 'and' ? ' AND ' : ' OR ');
    case 'not':
      return `NOT ${grouped(expression.operand)}`;
    case 'compare':
      return `${formatField(expression.field)} ${expression.operator} ${formatLiteral(expression.value)}`;
    case 'in':
      return `${formatField(expression.field)} IN (${expression.values.map(formatLiteral).join(', ')})`;
    case 'exists':
      return `${formatField(expression.field)} EXISTS`;
    case 'match': {
      const operator = { startsWith: 'STARTS WITH', contains: 'CONTAINS', matches: 'MATCHES' }[expression.operator];
      return `${formatField(expression.field)} ${operator} ${quoteString(expression.pattern.value)}`;
    }
  }
}

/** Operands of AND/OR/NOT in parentheses unless they are single predicates, so precedence never matters. */
function grouped(expression: SearchExpression): string {
  return expression.kind === 'and' || expression.kind === 'or' || expression.kind === 'not'
    ? `(${formatSearch(expression)})`
    : formatSearch(expression);
}

const PLAIN_FIRST_SEGMENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PLAIN_SEGMENT = /^[A-Za-z0-9_-]+$/;
const RESERVED = new Set<string>([...KEYWORDS, 'TRUE', 'FALSE']);

/**
 * A field path with each segment that is not a plain segment (or is a
 * keyword) in backticks. Splitting at the dots is lossless: the parser joins
 * segments with '.', so `attr.a.b` and ``attr.`a.b` `` are the same field.
 */
export function formatField(field: Pick<FieldRef, 'path'>): string {
  return field.path
    .split('.')
    .map((segment, i) => {
      const plain = (i === 0 ? PLAIN_FIRST_SEGMENT : PLAIN_SEGMENT).test(segment) && !RESERVED.has(segment.toUpperCase());
      return plain ? segment : `\`${segment.replace(/[\\`]/g, '\\$&')}\``;
    })
    .join('.');
}

function formatLiteral(literal: Literal): string {
  switch (literal.kind) {
    case 'string':
      return quoteString(literal.value);
    case 'number':
      return typeof literal.value === 'bigint' ? literal.value.toString() : numberText(literal.value);
    case 'duration':
      return `${literal.ns}ns`;
    case 'boolean':
      return String(literal.value);
    case 'word':
      return literal.value;
  }
}

/** A decimal written without exponent, which the search language's number grammar requires. */
function numberText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const fixed = value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return fixed;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A string literal: the grammar's escapes, other control characters as \uXXXX. */
export function quoteString(value: string): string {
  let out = '"';
  for (const c of value) {
    const escape = ESCAPES[c];
    if (escape !== undefined) out += escape;
    else if (c < ' ' || c === '\u007f') out += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}
