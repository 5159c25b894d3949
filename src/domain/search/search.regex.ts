import {
  caseFolded,
  charSet,
  complement,
  intersects,
  isEmpty,
  isScalarValue,
  single,
  soleMember,
  union,
  withOtherCases,
  type CharSet,
} from './regex-charset.js';

/*
 * MATCHES patterns: a subset of RE2 syntax that the store's backtracking regex
 * engines (PCRE in MongoDB, java.util.regex in mongo-java-server) run in time
 * linear in the length of the value, and the pattern the gateway sends them
 * for it. docs/search-language.md ("Regular expressions") states the rules and
 * why they make every accepted pattern linear; in short:
 *
 * - a quantifier applies to one character or class, never to a group, so
 *   nothing nests (no `(a|a)*`, no `(a+)+`);
 * - the pattern is unambiguous: at every alternation, and wherever a
 *   repetition may stop or go on, the next character decides which way the
 *   match goes; so each repetition is sent possessive (`a*+`) and each
 *   alternation atomic (`(?>a|b)`), which changes no answer but removes every
 *   backtracking step;
 * - one exception, for `^GET .*\/orders$`: a single repetition that is
 *   ambiguous with what follows it, at the top level, is sent greedy; when it
 *   is unbounded the pattern must start with `^` (one match attempt) and only
 *   bounded items may follow it (each give-back costs a bounded check);
 * - in a pattern without `^` the engine tries a match at every position, so
 *   no unbounded repetition may match a character the pattern can start with
 *   (an attempt starting inside a run fails at once).
 *
 * The gateway emits the pattern itself, from its own parse: explicit classes
 * instead of `.`, `\d`, `\w`, `\s` (RE2's ASCII meanings, the same in every
 * engine), `\z` for `$`, every metacharacter escaped. A pattern that PCRE or
 * Java would read differently, or reject, never reaches the store.
 */

/** Longest repetition count accepted in `{n}`, `{n,}` and `{n,m}`. */
export const MAX_REPEAT = 100;

/** A refused pattern: why, and where (0-based code point offset in the pattern). */
export class RegexRefusal extends Error {
  override readonly name = 'RegexRefusal';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export interface Chars {
  readonly kind: 'chars';
  readonly id: number;
  readonly set: CharSet;
  readonly offset: number;
  readonly text: string;
}

export interface Repeat {
  readonly kind: 'repeat';
  readonly id: number;
  readonly set: CharSet;
  readonly min: number;
  /** null: unbounded. */
  readonly max: number | null;
  readonly offset: number;
  readonly text: string;
}

export interface Group {
  readonly kind: 'group';
  readonly branches: readonly Sequence[];
  readonly offset: number;
}

export type Item = Chars | Repeat | Group;
export type Sequence = readonly Item[];

/** A parsed pattern: its top-level alternatives and anchors. */
export interface RegexAst {
  readonly anchoredStart: boolean;
  readonly anchoredEnd: boolean;
  readonly caseInsensitive: boolean;
  /**
   * `^.*R.*$` read as "the value is one line and contains R" (normalized()):
   * the branches are then R, searched without anchors.
   */
  readonly singleLineSearch: boolean;
  readonly branches: readonly Sequence[];
}

/** What the store is sent for a MATCHES pattern. */
export interface StoreRegex {
  readonly source: string;
  readonly caseInsensitive: boolean;
}

const CASE_INSENSITIVE_PREFIX = '(?i)';

const cp = (ch: string): number => ch.codePointAt(0)!;
const DIGIT = charSet([[cp('0'), cp('9')]]);
const WORD = charSet([
  [cp('0'), cp('9')],
  [cp('A'), cp('Z')],
  [cp('a'), cp('z')],
  [cp('_'), cp('_')],
]);
// RE2's \s: [\t\n\f\r ] (no \v).
const SPACE = charSet([
  [9, 10],
  [12, 13],
  [32, 32],
]);
// RE2's `.` without the s flag: anything but \n.
const DOT = complement(single(10));
const CLASS_ESCAPES: Readonly<Record<string, CharSet>> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
const ASCII_ALNUM = /^[A-Za-z0-9]$/;

/**
 * Parses a MATCHES pattern (optionally prefixed with `(?i)`), checks that it
 * is in the linear-time subset, and returns the pattern to send the store.
 * Throws RegexRefusal naming the first rule the pattern breaks.
 */
export function compileMatchesPattern(pattern: string): StoreRegex {
  const plan = planMatchesPattern(pattern);
  return { source: emit(plan), caseInsensitive: plan.ast.caseInsensitive };
}

/**
 * An accepted pattern as it will run: its normalized parse, and the one
 * repetition (if any) sent greedy; every other repetition is sent possessive,
 * every alternation atomic. Throws RegexRefusal for a pattern outside the subset.
 */
export interface MatchPlan {
  readonly ast: RegexAst;
  /** The root sequence (top-level alternatives as one group). */
  readonly root: Sequence;
  readonly greedy: ReadonlySet<number>;
}

export function planMatchesPattern(pattern: string): MatchPlan {
  const ast = normalized(parseRegex(pattern));
  const greedy = checkLinear(ast);
  return { ast, root: rootSequence(ast), greedy };
}

// ---------------------------------------------------------------------------------------------------------------------
// Parsing

function parseRegex(pattern: string): RegexAst {
  const caseInsensitive = pattern.startsWith(CASE_INSENSITIVE_PREFIX);
  const body = caseInsensitive ? pattern.slice(CASE_INSENSITIVE_PREFIX.length) : pattern;
  return new Parser([...body], caseInsensitive ? CASE_INSENSITIVE_PREFIX.length : 0, caseInsensitive).parse();
}

class Parser {
  private pos = 0;
  private nextId = 0;

  constructor(
    private readonly chars: readonly string[],
    /** Code points before `chars` in the pattern (the `(?i)` prefix), for offsets. */
    private readonly base: number,
    private readonly caseInsensitive: boolean,
  ) {}

  parse(): RegexAst {
    const anchoredStart = this.peek() === '^';
    if (anchoredStart) this.pos++;
    const anchoredEnd = this.chars.length > this.pos && this.chars[this.chars.length - 1] === '$' && !this.escapedAt(this.chars.length - 1);
    const end = anchoredEnd ? this.chars.length - 1 : this.chars.length;
    const branches = this.alternatives(end, 0);
    if (this.pos < end) throw this.refuse(`unmatched ')'`);
    if (branches.length > 1 && (anchoredStart || anchoredEnd)) {
      throw this.refuse(`'^' and '$' anchor the whole pattern, which here has top-level alternatives: write ^(a|b)$`, 0);
    }
    return { anchoredStart, anchoredEnd, caseInsensitive: this.caseInsensitive, singleLineSearch: false, branches };
  }

  /** Whether the character at `index` is preceded by an odd number of backslashes. */
  private escapedAt(index: number): boolean {
    let slashes = 0;
    for (let i = index - 1; i >= this.pos && this.chars[i] === '\\'; i--) slashes++;
    return slashes % 2 === 1;
  }

  private refuse(reason: string, at = this.pos): RegexRefusal {
    return new RegexRefusal(reason, this.base + at);
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  private alternatives(end: number, depth: number): Sequence[] {
    const branches = [this.sequence(end, depth)];
    while (this.pos < end && this.peek() === '|') {
      this.pos++;
      branches.push(this.sequence(end, depth));
    }
    return branches;
  }

  private sequence(end: number, depth: number): Item[] {
    const items: Item[] = [];
    while (this.pos < end && this.peek() !== '|' && this.peek() !== ')') items.push(this.item(end, depth));
    if (this.pos < end && this.peek() === ')' && depth === 0) throw this.refuse(`unmatched ')'`);
    return items;
  }

  private item(end: number, depth: number): Item {
    const start = this.pos;
    const ch = this.chars[this.pos]!;
    if (ch === '(') return this.group(end, depth);
    if (ch === '^') throw this.refuse(`'^' is accepted only as the first character of the pattern`);
    if (ch === '$') throw this.refuse(`'$' is accepted only as the last character of the pattern`);
    if (ch === '*' || ch === '+' || ch === '?') throw this.refuse(`'${ch}' has nothing to repeat`);
    if (ch === '{') throw this.refuse(`'{' has nothing to repeat; write \\{ for a literal brace`);
    let set: CharSet;
    if (ch === '[') set = this.charClass(end);
    else if (ch === '\\') set = this.escape(end, false);
    else {
      this.pos++;
      set = ch === '.' ? DOT : single(cp(ch));
    }
    const text = this.chars.slice(start, this.pos).join('');
    const quantifier = this.quantifier(end);
    if (quantifier === null) return { kind: 'chars', id: this.nextId++, set, offset: this.base + start, text };
    return {
      kind: 'repeat',
      id: this.nextId++,
      set,
      ...quantifier,
      offset: this.base + start,
      text: this.chars.slice(start, this.pos).join(''),
    };
  }

  private group(end: number, depth: number): Group {
    const start = this.pos;
    this.pos++;
    if (this.peek() === '?') {
      const kind = this.peek(1);
      if (kind === ':') this.pos += 2;
      else if (kind === '=' || kind === '!' || (kind === '<' && (this.peek(2) === '=' || this.peek(2) === '!'))) {
        throw this.refuse('lookaround ((?=…), (?!…), (?<=…), (?<!…)) is not accepted', start);
      } else if (kind === '>') throw this.refuse('atomic groups (?>…) are not accepted', start);
      else if (kind === 'P' || kind === '<') throw this.refuse('named groups are not accepted; write (…) or (?:…)', start);
      else throw this.refuse(`inline flags are accepted only as a leading (?i)`, start);
    }
    const branches = this.alternatives(end, depth + 1);
    if (this.pos >= end || this.peek() !== ')') throw this.refuse(`the group opened at character ${this.base + start + 1} is not closed`);
    this.pos++;
    const next = this.peek();
    if (this.pos < end && (next === '*' || next === '+' || next === '?' || next === '{')) {
      throw this.refuse(`a quantifier may follow a single character or class, not a group: '${next}' repeats the group before it`);
    }
    return { kind: 'group', branches, offset: this.base + start };
  }

  private quantifier(end: number): { min: number; max: number | null } | null {
    if (this.pos >= end) return null;
    const ch = this.peek();
    let bounds: { min: number; max: number | null };
    if (ch === '*') bounds = { min: 0, max: null };
    else if (ch === '+') bounds = { min: 1, max: null };
    else if (ch === '?') bounds = { min: 0, max: 1 };
    else if (ch === '{') bounds = this.countedRepetition(end);
    else return null;
    if (ch !== '{') this.pos++;
    if (this.pos < end && this.peek() === '+')
      throw this.refuse('possessive quantifiers are not accepted (every accepted repetition is already sent as one)');
    // A lazy quantifier asks the same yes/no question of a value as a greedy one.
    if (this.pos < end && this.peek() === '?') this.pos++;
    const after = this.peek();
    if (this.pos < end && (after === '*' || after === '+' || after === '?' || after === '{')) {
      throw this.refuse(`'${after}' repeats a repetition; nested quantifiers are not accepted`);
    }
    return bounds;
  }

  private countedRepetition(end: number): { min: number; max: number | null } {
    const start = this.pos;
    const rest = this.chars.slice(this.pos, end).join('');
    const match = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(rest);
    if (match === null) {
      throw this.refuse(`'{' must start a counted repetition {n}, {n,} or {n,m}; write \\{ for a literal brace`, start);
    }
    this.pos += [...match[0]].length;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? null : Number(match[3]);
    if (min > MAX_REPEAT || (max !== null && max > MAX_REPEAT)) throw this.refuse(`repetition counts are at most ${MAX_REPEAT}`, start);
    if (max !== null && max < min) throw this.refuse(`the repetition ${match[0]} has its bounds out of order`, start);
    if (max === 0) throw this.refuse(`the repetition ${match[0]} repeats nothing`, start);
    return { min, max };
  }

  private escape(end: number, inClass: boolean): CharSet {
    const start = this.pos;
    this.pos++;
    if (this.pos >= end) throw this.refuse('the pattern ends with a lone backslash', start);
    const ch = this.chars[this.pos]!;
    this.pos++;
    const set = CLASS_ESCAPES[ch];
    if (set !== undefined) return set;
    const control = CONTROL_ESCAPES[ch];
    if (control !== undefined) return single(control);
    if (ch === 'x') return single(this.hexEscape(end, start));
    if (/^[1-9]$/.test(ch) || ch === 'k') throw this.refuse('backreferences are not accepted', start);
    if (ch === '0') throw this.refuse('octal escapes are not accepted; write \\x{…}', start);
    if (ch === 'b' || ch === 'B') throw this.refuse('word boundaries \\b and \\B are not accepted', start);
    if (!inClass && 'AzZG'.includes(ch)) throw this.refuse(`\\${ch} is not accepted; anchor with a leading ^ or a trailing $`, start);
    if (ch === 'p' || ch === 'P') throw this.refuse('Unicode classes \\p{…} are not accepted; write the class with ranges', start);
    if (ch === 'Q' || ch === 'E') throw this.refuse('\\Q…\\E quoting is not accepted; escape each metacharacter', start);
    if (ASCII_ALNUM.test(ch)) throw this.refuse(`unknown escape \\${ch}`, start);
    // Any other character escaped is itself, as in RE2: \. \* \\ \/ \- …
    return single(cp(ch));
  }

  private hexEscape(end: number, start: number): number {
    const rest = this.chars.slice(this.pos, end).join('');
    const match = /^(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(rest);
    if (match === null) throw this.refuse('\\x takes two hex digits or \\x{…} with up to six', start);
    this.pos += match[0].length;
    const value = parseInt(match[1] ?? match[2]!, 16);
    if (!isScalarValue(value)) throw this.refuse(`\\x{${(match[1] ?? match[2])!}} is not a Unicode scalar value`, start);
    return value;
  }

  private charClass(end: number): CharSet {
    const start = this.pos;
    this.pos++;
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    if (this.peek() === ']') throw this.refuse('write \\] for a literal ] in a class');
    const parts: CharSet[] = [];
    while (this.pos < end && this.peek() !== ']') {
      const low = this.classAtom(end);
      if (this.peek() === '-' && this.peek(1) !== ']' && this.pos + 1 < end) {
        const dash = this.pos;
        this.pos++;
        const high = this.classAtom(end);
        const lo = soleMember(low);
        const hi = soleMember(high);
        if (lo === null || hi === null) throw this.refuse('a range in a class runs between two single characters', dash);
        if (lo > hi) throw this.refuse(`the range ${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)} is out of order`, dash);
        parts.push(charSet([[lo, hi]]));
      } else parts.push(low);
    }
    if (this.pos >= end) throw this.refuse(`the class opened at character ${this.base + start + 1} is not closed`);
    this.pos++;
    const members = union(...parts);
    const set = negated ? complement(this.caseInsensitive ? withOtherCases(members) : members) : members;
    if (isEmpty(set)) throw this.refuse('the class matches no character', start);
    return set;
  }

  private classAtom(end: number): CharSet {
    const ch = this.chars[this.pos]!;
    if (ch === '\\') return this.escape(end, true);
    if (ch === '[') {
      throw this.refuse(
        this.peek(1) === ':' ? 'POSIX classes [:…:] are not accepted; write the ranges' : 'write \\[ for a literal [ in a class',
      );
    }
    this.pos++;
    return single(cp(ch));
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Normalization

/**
 * Without `^` the store looks for a match anywhere, so a repetition at the
 * start of an alternative only needs its minimum: `[a-z]+-svc` matches exactly
 * the values `[a-z]-svc` does, and `.*error` those `error` does. Without `$`
 * the same holds at the end. Dropping what cannot change an answer keeps such
 * patterns in the subset.
 */
function normalized(parsed: RegexAst): RegexAst {
  const ast = singleLineSearch({ ...parsed, branches: parsed.branches.map(flattenGroups) });
  const branches = ast.branches.map((branch) => {
    let items = branch.map(nullableLast);
    if (!ast.anchoredStart) items = trimEdge(items, 'start');
    if (!ast.anchoredEnd) items = trimEdge(items, 'end');
    return items;
  });
  return { ...ast, branches: nullableBranchLast(branches) };
}

/** A group of one alternative is its items: `(?:ab)c` is `abc` (TraceQL wraps every pattern in `^(?:…)$`). */
function flattenGroups(items: Sequence): Item[] {
  return items.flatMap((item) =>
    item.kind !== 'group'
      ? [item]
      : item.branches.length === 1
        ? flattenGroups(item.branches[0]!)
        : [{ ...item, branches: item.branches.map(flattenGroups) }],
  );
}

const isAnyRun = (item: Item | undefined): boolean =>
  item?.kind === 'repeat' &&
  item.min === 0 &&
  item.max === null &&
  item.set.length === DOT.length &&
  item.set.every((r, i) => r[0] === DOT[i]![0] && r[1] === DOT[i]![1]);

/**
 * `^.*R.*$` — "contains R", as a pattern anchored at both ends (TraceQL's
 * `=~ ".*orders.*"`) — holds exactly when the value is one line (`.` stops
 * at `\n`) and R matches somewhere in it, provided R itself cannot match a
 * `\n`. Read that way it needs no ambiguous repetition: R is searched like a
 * pattern without anchors, after a check that the value has no `\n`.
 */
function singleLineSearch(ast: RegexAst): RegexAst {
  const [items] = ast.branches;
  if (!ast.anchoredStart || !ast.anchoredEnd || ast.branches.length !== 1 || items === undefined || items.length < 2) return ast;
  if (!isAnyRun(items[0]) || !isAnyRun(items[items.length - 1])) return ast;
  const middle = items.slice(1, -1);
  if (middle.some((item) => matchesNewline(item))) return ast;
  return { ...ast, anchoredStart: false, anchoredEnd: false, singleLineSearch: true, branches: [middle] };
}

function matchesNewline(item: Item): boolean {
  if (item.kind === 'group') return item.branches.some((branch) => branch.some(matchesNewline));
  return item.set.some(([lo, hi]) => lo <= 10 && hi >= 10);
}

/**
 * Alternatives are sent atomic, and an atomic group keeps the first
 * alternative that matches: one that matches the empty string must come last,
 * or `(|b)c` would keep the empty match and fail on "bc". Last, it is taken
 * only when no other alternative can start, which is exactly when it is the
 * match (no two alternatives start with the same character, and the empty one
 * is followed by nothing they start with).
 */
function nullableLast(item: Item): Item {
  return item.kind === 'group' ? { ...item, branches: nullableBranchLast(item.branches.map((b) => b.map(nullableLast))) } : item;
}

function nullableBranchLast(branches: readonly Sequence[]): Sequence[] {
  return [...branches.filter((b) => !nullable(b)), ...branches.filter((b) => nullable(b))];
}

function nullable(items: Sequence): boolean {
  return items.every((item) => (item.kind === 'repeat' ? item.min === 0 : item.kind === 'group' ? item.branches.some(nullable) : false));
}

function trimEdge(items: Item[], edge: 'start' | 'end'): Item[] {
  const out = edge === 'start' ? items : [...items].reverse();
  while (out[0]?.kind === 'repeat') {
    const first = out[0];
    if (first.min === 0) out.shift();
    else {
      if (first.min === 1) out[0] = { kind: 'chars', id: first.id, set: first.set, offset: first.offset, text: first.text };
      else if (first.max !== first.min) out[0] = { ...first, max: first.min };
      break;
    }
  }
  return edge === 'start' ? out : out.reverse();
}

// ---------------------------------------------------------------------------------------------------------------------
// The linear-time rules

/** An item a match may consume next, or the end of the pattern (no set). */
interface Next {
  readonly id: number;
  readonly set: CharSet | null;
  readonly text: string;
}

const PATTERN_END: Next = { id: -1, set: null, text: 'the end of the pattern' };

interface Ambiguity {
  readonly repeat: Repeat;
  readonly topLevel: boolean;
  readonly with: Next;
}

class Analysis {
  readonly ambiguities: Ambiguity[] = [];
  readonly unbounded: Repeat[] = [];

  constructor(private readonly caseInsensitive: boolean) {}

  overlap(a: CharSet, b: CharSet): boolean {
    return this.caseInsensitive ? intersects(caseFolded(a), caseFolded(b)) : intersects(a, b);
  }

  /** What may be consumed first when entering `items`, given what may follow them. */
  sequence(items: Sequence, follow: readonly Next[], topLevel: boolean): Next[] {
    let next = [...follow];
    for (let i = items.length - 1; i >= 0; i--) next = this.item(items[i]!, next, topLevel);
    return next;
  }

  private item(item: Item, follow: readonly Next[], topLevel: boolean): Next[] {
    switch (item.kind) {
      case 'chars':
        return [{ id: item.id, set: item.set, text: item.text }];
      case 'repeat': {
        if (item.max === null) this.unbounded.push(item);
        const self: Next = { id: item.id, set: item.set, text: item.text };
        if (item.max === null || item.max > item.min) {
          const clash = follow.find((next) => next.set !== null && this.overlap(item.set, next.set));
          if (clash !== undefined) this.ambiguities.push({ repeat: item, topLevel, with: clash });
        }
        return item.min === 0 ? [self, ...follow] : [self];
      }
      case 'group':
        return this.group(item, follow);
    }
  }

  /** Alternatives must be told apart by their first character; at most one may match the empty string. */
  private group(group: Group, follow: readonly Next[]): Next[] {
    const followIds = new Set(follow.map((next) => next.id));
    const entries = group.branches.map((branch) => this.sequence(branch, follow, false));
    const nullable = entries.filter((entry) => entry.some((next) => followIds.has(next.id)));
    if (nullable.length > 1) {
      throw new RegexRefusal('two alternatives of this group match the empty string, so a match could take either', group.offset);
    }
    const seen: Next[] = nullable.length === 1 ? follow.filter((next) => next.set !== null) : [];
    for (const entry of entries) {
      const own = entry.filter((next) => !followIds.has(next.id));
      for (const next of own) {
        const clash = seen.find((other) => other.set !== null && next.set !== null && this.overlap(other.set, next.set));
        if (clash !== undefined) {
          throw new RegexRefusal(
            `the alternatives of this group are not told apart by their first character ('${clash.text}' and '${next.text}' can match the same one); factor out the common start`,
            group.offset,
          );
        }
      }
      seen.push(...own);
    }
    const union = new Map<number, Next>();
    for (const next of entries.flat()) union.set(next.id, next);
    return [...union.values()];
  }
}

/** The pattern as one sequence: top-level alternatives are a group (sent atomic, like any other). */
function rootSequence(ast: RegexAst): Sequence {
  return ast.branches.length === 1 ? ast.branches[0]! : [{ kind: 'group', branches: ast.branches, offset: 0 }];
}

/** Checks the rules; returns the ids of the repetitions to send greedy (at most one). */
function checkLinear(ast: RegexAst): ReadonlySet<number> {
  const analysis = new Analysis(ast.caseInsensitive);
  const entries = analysis.sequence(rootSequence(ast), [PATTERN_END], true);
  const [first, second] = analysis.ambiguities;
  if (second !== undefined) {
    throw new RegexRefusal(
      `'${second.repeat.text}' may stop or go on at the same character as '${second.with.text}' after it, and so may '${first!.repeat.text}'; at most one repetition may be ambiguous with what follows it`,
      second.repeat.offset,
    );
  }
  if (first !== undefined) checkAllowedAmbiguity(ast, first);
  if (!ast.anchoredStart) {
    const starts = entries.filter((next) => next.set !== null);
    for (const repeat of analysis.unbounded) {
      const clash = starts.find((next) => next.set !== null && analysis.overlap(repeat.set, next.set));
      if (clash !== undefined) {
        throw new RegexRefusal(
          `'${repeat.text}' repeats a character the pattern can start with ('${clash.text}'), which makes a search without '^' quadratic; anchor the pattern with '^' or make the classes disjoint`,
          repeat.offset,
        );
      }
    }
  }
  return new Set(first === undefined ? [] : [first.repeat.id]);
}

function checkAllowedAmbiguity(ast: RegexAst, ambiguity: Ambiguity): void {
  const { repeat } = ambiguity;
  const described = `'${repeat.text}' may stop or go on at the same character as '${ambiguity.with.text}' after it`;
  if (!ambiguity.topLevel) {
    throw new RegexRefusal(`${described}; such a repetition is accepted only outside parentheses and alternatives`, repeat.offset);
  }
  if (repeat.max !== null) return;
  if (!ast.anchoredStart) {
    throw new RegexRefusal(`${described}; such an unbounded repetition is accepted only in a pattern that starts with '^'`, repeat.offset);
  }
  const root = rootSequence(ast);
  const after = root.slice(root.indexOf(repeat) + 1);
  const unboundedAfter = after.find((item) => hasUnbounded(item));
  if (unboundedAfter !== undefined) {
    throw new RegexRefusal(
      `${described}, and an unbounded repetition follows it; after an ambiguous '*' or '+' only bounded items are accepted`,
      repeat.offset,
    );
  }
}

function hasUnbounded(item: Item): boolean {
  if (item.kind === 'repeat') return item.max === null;
  if (item.kind === 'group') return item.branches.some((branch) => branch.some(hasUnbounded));
  return false;
}

// ---------------------------------------------------------------------------------------------------------------------
// Emission: PCRE and java.util.regex syntax

function emit({ ast, root, greedy }: MatchPlan): string {
  // One line (a possessive scan inside a lookahead, so it is read once), then a lazy scan: the search, from the start.
  if (ast.singleLineSearch) return `^(?=[^\\x{A}]*+\\z)[^\\x{A}]*?${emitSequence(root, greedy)}`;
  return `${ast.anchoredStart ? '^' : ''}${emitSequence(root, greedy)}${ast.anchoredEnd ? '\\z' : ''}`;
}

function emitSequence(items: Sequence, greedy: ReadonlySet<number>): string {
  return items.map((item) => emitItem(item, greedy)).join('');
}

function emitItem(item: Item, greedy: ReadonlySet<number>): string {
  switch (item.kind) {
    case 'chars':
      return emitSet(item.set);
    case 'repeat': {
      const quantifier =
        item.max === null
          ? item.min === 0
            ? '*'
            : item.min === 1
              ? '+'
              : `{${item.min},}`
          : item.min === 0 && item.max === 1
            ? '?'
            : item.min === item.max
              ? `{${item.min}}`
              : `{${item.min},${item.max}}`;
      // A fixed count never gives back; the one ambiguous repetition must, so it stays greedy.
      const possessive = item.min !== item.max && !greedy.has(item.id) ? '+' : '';
      return `${emitSet(item.set)}${quantifier}${possessive}`;
    }
    case 'group': {
      const body = item.branches.map((branch) => emitSequence(branch, greedy)).join('|');
      return item.branches.length > 1 ? `(?>${body})` : `(?:${body})`;
    }
  }
}

const METACHARACTERS = new Set([...'\\^$.|?*+()[]{}']);

function emitSet(set: CharSet): string {
  const sole = soleMember(set);
  if (sole !== null) return emitChar(sole);
  const ranges = set.map(([lo, hi]) => (lo === hi ? hexChar(lo) : `${hexChar(lo)}-${hexChar(hi)}`));
  return `[${ranges.join('')}]`;
}

function emitChar(code: number): string {
  const ch = String.fromCodePoint(code);
  if (METACHARACTERS.has(ch)) return `\\${ch}`;
  // Letters, digits and ASCII punctuation as themselves (readable, and a literal prefix MongoDB can use); the rest as \x{…}.
  if ((code > 0x20 && code < 0x7f) || /^[\p{L}\p{N}]$/u.test(ch)) return ch;
  if (code === 0x20) return ' ';
  return hexChar(code);
}

function hexChar(code: number): string {
  return `\\x{${code.toString(16).toUpperCase()}}`;
}
