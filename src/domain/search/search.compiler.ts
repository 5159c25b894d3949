import type { Filter } from 'mongodb';
import type { SpanDocument, StoredValue } from '../traces/span.document.js';
import type { TraceDocument } from '../traces/trace.document.js';
import { SearchSemanticError } from './search.errors.js';
import { compileMatchesPattern, RegexRefusal } from './search.regex.js';
import { scaleDecimal, type ComparisonOperator } from './search.lexer.js';
import type { FieldRef, Literal, MatchOperator, SearchExpression, StringLiteral } from './search.parser.js';

/**
 * A search expression as MongoDB filters. A trace matches when its summary
 * matches `trace` and at least one of its spans matches `span`; a null side
 * does not constrain. `span` is evaluated per span document, which is what makes
 * the single-span rule hold: every span-level condition is met by the same span.
 */
export interface CompiledSearch {
  readonly span: Filter<SpanDocument> | null;
  readonly trace: Filter<TraceDocument> | null;
}

/** Longest pattern MATCHES accepts; the regex runs inside the store, on every candidate span (search.regex.ts). */
export const MAX_REGEX_LENGTH = 256;

const STATUS_CODES: Readonly<Record<string, number>> = { unset: 0, ok: 1, error: 2 };
const SPAN_KINDS: Readonly<Record<string, number>> = {
  unspecified: 0,
  internal: 1,
  server: 2,
  client: 3,
  producer: 4,
  consumer: 5,
};
const NANOS_PER_MILLI = 1_000_000n;

export type FieldType =
  | { readonly type: 'string'; readonly path: 'svc' | 'ns' | 'name' }
  | { readonly type: 'duration'; readonly path: 'durNs' }
  | { readonly type: 'enum'; readonly path: 'status.code' | 'kind' | 'st'; readonly values: Readonly<Record<string, number>> }
  | { readonly type: 'count'; readonly path: 'spanCount' }
  | { readonly type: 'attribute'; readonly path: 'attrs' | 'res.attrs'; readonly key: string };

export type ResolvedField = FieldType & { readonly level: 'span' | 'trace' };

/** Span intrinsics, reachable bare (`duration`) or with the `span.` prefix (`span.duration`). */
const SPAN_INTRINSICS: Readonly<Record<string, FieldType>> = {
  name: { type: 'string', path: 'name' },
  kind: { type: 'enum', path: 'kind', values: SPAN_KINDS },
  status: { type: 'enum', path: 'status.code', values: STATUS_CODES },
  duration: { type: 'duration', path: 'durNs' },
};
const BARE_FIELDS: Readonly<Record<string, FieldType>> = {
  ...SPAN_INTRINSICS,
  'service.name': { type: 'string', path: 'svc' },
  'service.namespace': { type: 'string', path: 'ns' },
};
const TRACE_FIELD_TYPES: Readonly<Record<string, FieldType>> = {
  duration: { type: 'duration', path: 'durNs' },
  status: { type: 'enum', path: 'st', values: STATUS_CODES },
  span_count: { type: 'count', path: 'spanCount' },
};

/** Which stored field a search-language field names, at which level (also used to list a field's values). */
export function resolveField({ path, text, position }: FieldRef): ResolvedField {
  const dot = path.indexOf('.');
  const head = dot < 0 ? path : path.slice(0, dot);
  const tail = dot < 0 ? '' : path.slice(dot + 1);
  if (tail !== '') {
    switch (head) {
      case 'trace': {
        const type = TRACE_FIELD_TYPES[tail];
        if (type === undefined) {
          const known = Object.keys(TRACE_FIELD_TYPES).map((name) => `trace.${name}`);
          throw new SearchSemanticError(
            `Unknown trace field '${text}' at position ${position}; trace-level fields are ${known.join(', ')}`,
            position,
          );
        }
        return { ...type, level: 'trace' };
      }
      case 'resource':
        return { type: 'attribute', path: 'res.attrs', key: tail, level: 'span' };
      case 'attr':
        return { type: 'attribute', path: 'attrs', key: tail, level: 'span' };
      case 'span':
        return { ...(SPAN_INTRINSICS[tail] ?? { type: 'attribute', path: 'attrs', key: tail }), level: 'span' };
    }
  }
  return { ...(BARE_FIELDS[path] ?? { type: 'attribute', path: 'attrs', key: path }), level: 'span' };
}

/** A compiled subexpression, tagged with the collection its filter applies to. */
type Compiled =
  | { readonly level: 'span'; readonly filter: Filter<SpanDocument> }
  /** `field` is the first trace-level field inside, reported if it is mixed with span-level conditions. */
  | { readonly level: 'trace'; readonly filter: Filter<TraceDocument>; readonly field: FieldRef };

/**
 * Compiles a parsed expression. Top-level AND conjuncts are split by level; each
 * conjunct must be entirely span-level or entirely trace-level, because a
 * trace-level condition under OR or NOT with span-level ones would need a join
 * per span. All user values end up as BSON literals (or escaped/validated
 * `$regex` strings) under operators chosen here, never as operators or field
 * names of their own.
 */
export function compileSearch(expression: SearchExpression): CompiledSearch {
  const span: Filter<SpanDocument>[] = [];
  const trace: Filter<TraceDocument>[] = [];
  for (const conjunct of conjuncts(expression)) {
    const compiled = compile(conjunct);
    if (compiled.level === 'span') span.push(compiled.filter);
    else trace.push(compiled.filter);
  }
  return {
    span: span.length > 1 ? { $and: span } : (span[0] ?? null),
    trace: trace.length > 1 ? { $and: trace } : (trace[0] ?? null),
  };
}

function conjuncts(expression: SearchExpression): SearchExpression[] {
  return expression.kind === 'and' ? expression.operands.flatMap(conjuncts) : [expression];
}

function compile(expression: SearchExpression): Compiled {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return combine(expression.kind === 'and' ? '$and' : '$or', expression.operands.map(compile));
    case 'not':
      // $nor of one filter is "does not match": for an attribute that is also true
      // when the span lacks the attribute (see docs/search-language.md, NOT).
      return combine('$nor', [compile(expression.operand)]);
    default:
      return compilePredicate(expression);
  }
}

/** Top-level ANDs were split off by conjuncts(), so every group seen here sits under an OR or a NOT. */
function combine(operator: '$and' | '$or' | '$nor', parts: Compiled[]): Compiled {
  const traceParts = parts.filter((part) => part.level === 'trace');
  const spanParts = parts.filter((part) => part.level === 'span');
  const [firstTrace] = traceParts;
  if (firstTrace !== undefined && spanParts.length > 0) {
    const { text, position } = firstTrace.field;
    throw new SearchSemanticError(
      `Trace-level field '${text}' at position ${position} is combined with span-level conditions under OR or NOT; ` +
        'trace-level conditions must be joined to the rest of the expression with a top-level AND',
      position,
    );
  }
  if (firstTrace !== undefined) {
    return { level: 'trace', filter: { [operator]: traceParts.map((p) => p.filter) }, field: firstTrace.field };
  }
  return { level: 'span', filter: { [operator]: spanParts.map((p) => p.filter) } };
}

type Predicate = Exclude<SearchExpression, { kind: 'and' | 'or' | 'not' }>;

function compilePredicate(predicate: Predicate): Compiled {
  const field = resolveField(predicate.field);
  const filter = predicateFilter(field, predicate);
  return field.level === 'span' ? { level: 'span', filter } : { level: 'trace', filter, field: predicate.field };
}

function predicateFilter(field: FieldType, predicate: Predicate): Filter<SpanDocument> & Filter<TraceDocument> {
  if (predicate.kind === 'exists') {
    if (field.type !== 'attribute') {
      throw new SearchSemanticError(
        `EXISTS at position ${predicate.position} applies only to attributes (attr.*, span.*, resource.*), not to '${predicate.field.text}'`,
        predicate.position,
      );
    }
    return { [field.path]: { $elemMatch: { k: field.key } } };
  }
  const condition = valueCondition(field, predicate);
  if (field.type !== 'attribute') return { [field.path]: condition };
  // Attribute keys are unique within a span, so one $elemMatch on {k, v} is "this span's value of k".
  return { [field.path]: { $elemMatch: { k: field.key, v: condition } } };
}

/** The condition on the field's value: a literal (equality) or an operator document. */
type ValueCondition = StoredValue | Readonly<Record<string, unknown>>;

function valueCondition(field: FieldType, predicate: Exclude<Predicate, { kind: 'exists' }>): ValueCondition {
  switch (predicate.kind) {
    case 'compare': {
      const value = literalValue(field, predicate.field, predicate.value, predicate.operator);
      return predicate.operator === '=' ? value : { [OPERATORS[predicate.operator]]: value };
    }
    case 'in':
      return { $in: predicate.values.map((literal) => literalValue(field, predicate.field, literal, '=')) };
    case 'match':
      if (field.type !== 'attribute' && field.type !== 'string') {
        throw new SearchSemanticError(
          `'${predicate.field.text}' at position ${predicate.position} is not a string field; STARTS WITH, CONTAINS and MATCHES apply to strings`,
          predicate.position,
        );
      }
      return regexCondition(predicate.operator, predicate.pattern);
  }
}

const OPERATORS: Readonly<Record<Exclude<ComparisonOperator, '='>, string>> = {
  '!=': '$ne',
  '>': '$gt',
  '>=': '$gte',
  '<': '$lt',
  '<=': '$lte',
};

/** The BSON value a literal compares as, for this field; a literal of the wrong type is rejected. */
function literalValue(field: FieldType, ref: FieldRef, literal: Literal, operator: ComparisonOperator): StoredValue {
  const mismatch = (expected: string): SearchSemanticError =>
    new SearchSemanticError(`'${ref.text}' takes ${expected}; found ${literal.text} at position ${literal.position}`, literal.position);
  switch (field.type) {
    case 'string':
      if (literal.kind !== 'string') throw mismatch('a string in double quotes');
      return literal.value;
    case 'duration':
      return durationNs(literal, () => mismatch('a duration such as 100ms or a number of milliseconds'));
    case 'count':
      if (literal.kind !== 'number') throw mismatch('a number');
      return Number(literal.value);
    case 'enum': {
      const names = Object.keys(field.values).join(', ');
      if (operator !== '=' && operator !== '!=') {
        throw new SearchSemanticError(`'${ref.text}' at position ${ref.position} can only be compared with = or !=`, ref.position);
      }
      if (literal.kind !== 'word' && literal.kind !== 'string') throw mismatch(`one of ${names}`);
      const code = field.values[literal.value.toLowerCase()];
      if (code === undefined) throw mismatch(`one of ${names}`);
      return code;
    }
    case 'attribute':
      switch (literal.kind) {
        case 'string':
        case 'number':
          return literal.value;
        case 'boolean':
          if (operator !== '=' && operator !== '!=') {
            throw new SearchSemanticError(`A boolean at position ${literal.position} can only be compared with = or !=`, literal.position);
          }
          return literal.value;
        case 'word':
          throw mismatch(`a string, number or boolean (quote text: "${literal.value}")`);
        case 'duration':
          throw mismatch('a string, number or boolean (attributes hold no durations)');
      }
  }
}

function durationNs(literal: Literal, mismatch: () => SearchSemanticError): bigint {
  if (literal.kind === 'duration') return literal.ns;
  if (literal.kind !== 'number') throw mismatch();
  // A bare number is milliseconds; scaled from its text so that 0.25 is exactly 250000ns.
  const ns = literal.text.startsWith('-') ? null : scaleDecimal(literal.text, NANOS_PER_MILLI);
  if (ns === null) {
    throw new SearchSemanticError(
      `${literal.text} at position ${literal.position} is not a non-negative whole number of nanoseconds when read as milliseconds`,
      literal.position,
    );
  }
  return ns;
}

/** Matches what `\\`-escaping must neutralise in both PCRE (MongoDB) and java.util.regex (mongo-java-server). */
const REGEX_METACHARACTERS = /[\\^$.|?*+()[\]{}]/g;

function escapeRegex(text: string): string {
  return text.replace(REGEX_METACHARACTERS, '\\$&');
}

function regexCondition(operator: MatchOperator, pattern: StringLiteral): { $regex: string; $options?: string } {
  switch (operator) {
    case 'startsWith':
      // Anchored and without options: the form a MongoDB index serves as a range scan.
      return { $regex: `^${escapeRegex(pattern.value)}` };
    case 'contains':
      return { $regex: escapeRegex(pattern.value) };
    case 'matches':
      return userRegex(pattern);
  }
}

/** A MATCHES pattern, checked and rewritten by search.regex.ts; `(?i)` becomes `$options: 'i'`. */
function userRegex(pattern: StringLiteral): { $regex: string; $options?: string } {
  const shown = JSON.stringify(pattern.value);
  if (pattern.value.length > MAX_REGEX_LENGTH) {
    throw new SearchSemanticError(
      `Regular expression at position ${pattern.position} is ${pattern.value.length} characters long; at most ${MAX_REGEX_LENGTH} are allowed`,
      pattern.position,
    );
  }
  try {
    const { source, caseInsensitive } = compileMatchesPattern(pattern.value);
    return caseInsensitive ? { $regex: source, $options: 'i' } : { $regex: source };
  } catch (error) {
    if (!(error instanceof RegexRefusal)) throw error;
    throw new SearchSemanticError(
      `Invalid regular expression ${shown} at position ${pattern.position}: ${error.message} (at character ${error.offset + 1} of the pattern). ` +
        'MATCHES takes the linear-time subset of RE2 syntax described in docs/search-language.md',
      pattern.position,
    );
  }
}
