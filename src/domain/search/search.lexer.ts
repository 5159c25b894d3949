import { SearchSyntaxError } from './search.errors.js';

export type ComparisonOperator = '=' | '!=' | '>' | '>=' | '<' | '<=';

export const KEYWORDS = ['AND', 'OR', 'NOT', 'IN', 'EXISTS', 'STARTS', 'WITH', 'CONTAINS', 'MATCHES'] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Nanoseconds per duration unit; `us`, `µs` (micro sign) and `μs` (Greek mu) are the same unit. */
export const DURATION_UNIT_NS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

interface TokenSpan {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset one past the last character. */
  readonly end: number;
  /** The source text of the token, for error messages. */
  readonly text: string;
}

export type Token = TokenSpan &
  (
    | {
        readonly type: 'identifier';
        /** Dot-separated segments, backtick quotes removed. */
        readonly segments: readonly string[];
        /** One unquoted segment: may also be an enum word such as `ERROR` in value position. */
        readonly bare: boolean;
      }
    | { readonly type: 'keyword'; readonly keyword: Keyword }
    | { readonly type: 'string'; readonly value: string }
    /** `value` is a bigint exactly when the literal has no fractional part. */
    | { readonly type: 'number'; readonly value: bigint | number }
    | { readonly type: 'duration'; readonly ns: bigint }
    | { readonly type: 'boolean'; readonly value: boolean }
    | { readonly type: 'operator'; readonly operator: ComparisonOperator | '=~' }
    | { readonly type: '(' | ')' | ',' | 'eof' }
    /** A character that starts no token; the parser reports it with what it expected instead. */
    | { readonly type: 'invalid' }
  );

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const STRING_ESCAPE_NAMES = [...Object.keys(STRING_ESCAPES).map((c) => `\\${c}`), '\\uXXXX'];

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isSegmentStart = (c: string | undefined): boolean => isLetter(c) || c === '_';
const isSegmentPart = (c: string | undefined): boolean => isSegmentStart(c) || isDigit(c) || c === '-';
const isUnitChar = (c: string | undefined): boolean => isLetter(c) || c === 'µ' || c === 'μ';
const isWhitespace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/**
 * Exact value of a non-negative decimal literal (`12`, `1.5`) times `unit`, or
 * null when the product is not a whole number. Used so that `1.5s` and a bare
 * `0.25` (milliseconds) become exact nanosecond counts without going through a
 * binary float.
 */
export function scaleDecimal(text: string, unit: bigint): bigint | null {
  const [whole = '0', fraction = ''] = text.split('.');
  const divisor = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * unit;
  return scaled % divisor === 0n ? scaled / divisor : null;
}

/**
 * Pull-based lexer: the parser asks for one token at a time, so errors are
 * reported left to right and an unknown character is reported by the parser
 * together with what it expected at that point.
 */
export class SearchLexer {
  private offset = 0;

  constructor(private readonly input: string) {}

  next(): Token {
    while (isWhitespace(this.input[this.offset])) this.offset += 1;
    const start = this.offset;
    const c = this.input[start];
    if (c === undefined) return { type: 'eof', start, end: start, text: '' };
    if (c === '"') return this.string(start);
    if (isDigit(c) || (c === '-' && isDigit(this.input[start + 1]))) return this.number(start);
    if (isSegmentStart(c) || c === '`') return this.identifier(start);
    switch (c) {
      case '(':
      case ')':
      case ',':
        return this.token(c, start, start + 1);
      case '=':
        return this.input[start + 1] === '~' ? this.operator('=~', start, start + 2) : this.operator('=', start, start + 1);
      case '!':
        if (this.input[start + 1] === '=') return this.operator('!=', start, start + 2);
        break;
      case '>':
      case '<': {
        const withEquals = this.input[start + 1] === '=';
        const operator = withEquals ? (c === '>' ? '>=' : '<=') : c;
        return this.operator(operator, start, start + (withEquals ? 2 : 1));
      }
    }
    const codePoint = String.fromCodePoint(this.input.codePointAt(start) ?? 0);
    return this.token('invalid', start, start + codePoint.length);
  }

  private token(type: '(' | ')' | ',' | 'invalid', start: number, end: number): Token {
    this.offset = end;
    return { type, start, end, text: this.input.slice(start, end) };
  }

  private operator(operator: ComparisonOperator | '=~', start: number, end: number): Token {
    this.offset = end;
    return { type: 'operator', operator, start, end, text: operator };
  }

  private string(start: number): Token {
    let value = '';
    let i = start + 1;
    for (;;) {
      const c = this.input[i];
      if (c === undefined) {
        throw new SearchSyntaxError(`Expected '"' to close the string that starts at position ${start}, found end of input`, i, ['"']);
      }
      if (c === '"') break;
      if (c === '\\') {
        const [decoded, length] = this.escape(i);
        value += decoded;
        i += length;
      } else {
        value += c;
        i += 1;
      }
    }
    this.offset = i + 1;
    return { type: 'string', value, start, end: this.offset, text: this.input.slice(start, this.offset) };
  }

  /** Decodes the escape sequence at `at` (a backslash); returns the text and the sequence length. */
  private escape(at: number): [string, number] {
    const c = this.input[at + 1];
    if (c === 'u') {
      const hex = this.input.slice(at + 2, at + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(Number.parseInt(hex, 16)), 6];
    } else if (c !== undefined) {
      const decoded = STRING_ESCAPES[c];
      if (decoded !== undefined) return [decoded, 2];
    }
    throw new SearchSyntaxError(
      `Expected an escape sequence after '\\' at position ${at + 1}, found ${c === undefined ? 'end of input' : `'${c}'`}`,
      at + 1,
      STRING_ESCAPE_NAMES,
    );
  }

  private number(start: number): Token {
    let i = start + (this.input[start] === '-' ? 1 : 0);
    while (isDigit(this.input[i])) i += 1;
    let integral = true;
    if (this.input[i] === '.' && isDigit(this.input[i + 1])) {
      integral = false;
      i += 1;
      while (isDigit(this.input[i])) i += 1;
    }
    const numberText = this.input.slice(start, i);
    const unitStart = i;
    while (isUnitChar(this.input[i])) i += 1;
    this.offset = i;
    const text = this.input.slice(start, i);
    if (unitStart < i) return this.duration(numberText, this.input.slice(unitStart, i), start, unitStart, text);
    if (!integral) return { type: 'number', value: Number(numberText), start, end: i, text };
    const value = BigInt(numberText);
    if (value < INT64_MIN || value > INT64_MAX) {
      throw new SearchSyntaxError(`Integer ${text} at position ${start} is outside the 64-bit range`, start, []);
    }
    return { type: 'number', value, start, end: i, text };
  }

  private duration(numberText: string, unit: string, start: number, unitStart: number, text: string): Token {
    const unitNs = DURATION_UNIT_NS[unit];
    if (unitNs === undefined) {
      throw new SearchSyntaxError(
        `Expected a duration unit after '${numberText}' at position ${unitStart}, found '${unit}'`,
        unitStart,
        Object.keys(DURATION_UNIT_NS),
      );
    }
    if (numberText.startsWith('-')) {
      throw new SearchSyntaxError(`Duration ${text} at position ${start} is negative`, start, []);
    }
    const ns = scaleDecimal(numberText, unitNs);
    if (ns === null) {
      throw new SearchSyntaxError(`Duration ${text} at position ${start} is not a whole number of nanoseconds`, start, []);
    }
    if (ns > INT64_MAX) {
      throw new SearchSyntaxError(`Duration ${text} at position ${start} is too long`, start, []);
    }
    return { type: 'duration', ns, start, end: this.offset, text };
  }

  private identifier(start: number): Token {
    const segments: string[] = [];
    let quoted = false;
    let i = start;
    for (;;) {
      if (this.input[i] === '`') {
        const [segment, end] = this.quotedSegment(i);
        segments.push(segment);
        quoted = true;
        i = end;
      } else if (segments.length === 0 ? isSegmentStart(this.input[i]) : isSegmentPart(this.input[i])) {
        const segmentStart = i;
        while (isSegmentPart(this.input[i])) i += 1;
        segments.push(this.input.slice(segmentStart, i));
      } else {
        const found = this.input[i];
        throw new SearchSyntaxError(
          `Expected a key after '.' at position ${i}, found ${found === undefined ? 'end of input' : `'${found}'`}`,
          i,
          ['key', '`quoted key`'],
        );
      }
      if (this.input[i] !== '.') break;
      i += 1;
    }
    this.offset = i;
    const text = this.input.slice(start, i);
    const [only] = segments;
    if (segments.length === 1 && !quoted && only !== undefined) {
      const upper = only.toUpperCase();
      const keyword = KEYWORDS.find((k) => k === upper);
      if (keyword !== undefined) return { type: 'keyword', keyword, start, end: i, text };
      if (upper === 'TRUE' || upper === 'FALSE') {
        return { type: 'boolean', value: upper === 'TRUE', start, end: i, text };
      }
    }
    return { type: 'identifier', segments, bare: segments.length === 1 && !quoted, start, end: i, text };
  }

  /** A backtick-quoted key segment (`` `weird key` ``); `\`` and `\\` are its only escapes. */
  private quotedSegment(start: number): [string, number] {
    let segment = '';
    let i = start + 1;
    for (;;) {
      const c = this.input[i];
      if (c === undefined) {
        throw new SearchSyntaxError(`Expected '\`' to close the key that starts at position ${start}, found end of input`, i, ['`']);
      }
      if (c === '`') break;
      if (c === '\\') {
        const escaped = this.input[i + 1];
        if (escaped !== '`' && escaped !== '\\') {
          throw new SearchSyntaxError(
            `Expected an escape sequence after '\\' at position ${i + 1}, found ${escaped === undefined ? 'end of input' : `'${escaped}'`}`,
            i + 1,
            ['\\`', '\\\\'],
          );
        }
        segment += escaped;
        i += 2;
      } else {
        segment += c;
        i += 1;
      }
    }
    if (segment === '') {
      throw new SearchSyntaxError(`Expected a key between the backticks at position ${start + 1}`, start + 1, ['key']);
    }
    return [segment, i + 1];
  }
}
