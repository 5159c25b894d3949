import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { alphabetOf, linearBound, runReference } from '../../../test/helpers/regex-reference.js';
import { FUZZ } from '../../../test/fuzz/fuzz-settings.js';
import { compileMatchesPattern, planMatchesPattern, RegexRefusal, type MatchPlan } from './search.regex.js';

/**
 * MATCHES accepts only patterns a backtracking engine runs in linear time
 * (finding 1 of issue #16) and sends the store a pattern of its own making
 * (finding 6: nothing the store would reject or read differently gets there).
 */
function refusal(pattern: string): RegexRefusal {
  try {
    compileMatchesPattern(pattern);
  } catch (error) {
    if (error instanceof RegexRefusal) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(pattern)} to be refused`);
}

const ANY_BUT_NEWLINE = '[\\x{0}-\\x{9}\\x{B}-\\x{D7FF}\\x{E000}-\\x{10FFFF}]';

describe('compileMatchesPattern', () => {
  it.each<[string, string, boolean]>([
    ['^(GET|POST) /api/', '^(?>GET|POST) /api/', false],
    ['(?i)^get /healthz$', '^get /healthz\\z', true],
    ['-svc$', '-svc\\z', false],
    ['^/orders/\\d+$', '^/orders/[\\x{30}-\\x{39}]++\\z', false],
    // The one ambiguous repetition: greedy, in an anchored pattern, with only bounded items after it.
    ['^GET .*/orders$', `^GET ${ANY_BUT_NEWLINE}*/orders\\z`, false],
    ['^.*\\.(js|css)$', `^${ANY_BUT_NEWLINE}*\\.(?>js|css)\\z`, false],
    // Without ^, a repetition at either end needs only its minimum: the same values match.
    ['[a-z]+-svc', '[\\x{61}-\\x{7A}]-svc', false],
    ['.*error.*', 'error', false],
    ['user-\\d+', 'user-[\\x{30}-\\x{39}]', false],
    // An alternative that matches nothing goes last: the atomic group keeps the first that matches.
    ['^x(|b)c', '^x(?>b|)c', false],
    // Under (?i) a negated class also excludes the other case of its members.
    ['(?i)^[^a]', '^[\\x{0}-\\x{40}\\x{42}-\\x{60}\\x{62}-\\x{D7FF}\\x{E000}-\\x{10FFFF}]', true],
    ['timeout|deadline', '(?>timeout|deadline)', false],
    ['a{2,5}b', 'a{2}b', false],
    ['^a{2,5}b', '^a{2,5}+b', false],
    ['^x\\d{3}$', '^x[\\x{30}-\\x{39}]{3}\\z', false],
    ['a\\.b\\*c\\{\\}', 'a\\.b\\*c\\{\\}', false],
    ['\\x{1F600}', '\\x{1F600}', false],
    ['é', 'é', false],
    // A group of one alternative is its items (TraceQL sends `^(?:…)$`).
    ['^(?:.*health)$', `^${ANY_BUT_NEWLINE}*health\\z`, false],
    // Anchored at both ends between two .*: one line that contains the rest, searched without anchors.
    ['^.*orders.*$', '^(?=[^\\x{A}]*+\\z)[^\\x{A}]*?orders', false],
    ['^(?:.*/api/v[12]/.*)$', '^(?=[^\\x{A}]*+\\z)[^\\x{A}]*?/api/v[\\x{31}-\\x{32}]/', false],
  ])('%s → %s', (pattern, source, caseInsensitive) => {
    expect(compileMatchesPattern(pattern)).toEqual({ source, caseInsensitive });
  });

  it.each<[string, string]>([
    // The pattern of the finding: a backreference, and a quantified group.
    ['^(.|.)*\\1!x$', 'a quantifier may follow a single character or class, not a group'],
    ['(a|a)*b', 'a quantifier may follow a single character or class, not a group'],
    ['(a+)+b', 'a quantifier may follow a single character or class, not a group'],
    ['x\\1', 'backreferences are not accepted'],
    ['a(?=b)', 'lookaround'],
    ['a(?<!b)', 'lookaround'],
    ['a*+b', 'possessive quantifiers are not accepted'],
    ['(?>a)', 'atomic groups'],
    ['a**', "'*' repeats a repetition"],
    // Valid in JavaScript, not for the store (finding 6).
    ['a{', "'{' must start a counted repetition {n}, {n,} or {n,m}; write \\{ for a literal brace"],
    ['\\c', 'unknown escape \\c'],
    ['a{2,1}', 'out of order'],
    ['a{101}', 'at most 100'],
    ['[b-a]', 'out of order'],
    ['[[:alpha:]]', 'POSIX classes'],
    ['\\p{L}', 'Unicode classes'],
    ['\\bword', 'word boundaries'],
    ['(a', 'is not closed'],
    ['a)', "unmatched ')'"],
    ['a^b', "'^' is accepted only as the first character"],
    ['a$b', "'$' is accepted only as the last character"],
    ['^a|b', 'top-level alternatives'],
    ['(?s)a', 'inline flags are accepted only as a leading (?i)'],
    ['\\x{D800}', 'not a Unicode scalar value'],
    // Ambiguity a backtracking engine pays for.
    ['(ab|ac)', 'not told apart by their first character'],
    ['(|)', 'two alternatives of this group match the empty string'],
    ['^a?a?a?a?a?a?aaaaaa$', 'at most one repetition may be ambiguous'],
    ['^\\d*\\d*\\d*x', 'at most one repetition may be ambiguous'],
    ['^.*a.*b$', 'at most one repetition may be ambiguous'],
    // The rest could match a line break, so "one line that contains it" would not be the same pattern.
    ['^.*a\\sb.*$', 'an unbounded repetition follows it'],
    ['GET .*/orders', "accepted only in a pattern that starts with '^'"],
    ['^.*/[a-z]+$', 'an unbounded repetition follows it'],
    ['^(x|y.*b)c', 'accepted only outside parentheses and alternatives'],
    ['xa*a', 'accepted only in a pattern that starts with'],
    ['a[ab]*c', 'repeats a character the pattern can start with'],
    ['(?i)^xa*A+$', 'may stop or go on at the same character'],
  ])('refuses %s', (pattern, reason) => {
    expect(refusal(pattern).message).toContain(reason);
  });

  it('refuses an ambiguity hidden by case folding only when case-insensitive', () => {
    expect(compileMatchesPattern('^xK*k$').source).toBe('^xK*+k\\z');
    expect(refusal('(?i)^xK*k+$').message).toContain('may stop or go on at the same character');
  });
});

describe('every accepted pattern (property)', () => {
  /** Pieces of RE2 syntax, most of them in the subset, some not, to reach both sides of every rule. */
  const atom = fc.constantFrom(
    'a',
    'b',
    'c',
    '.',
    '\\d',
    '\\w',
    '\\s',
    '[ab]',
    '[^a]',
    '[a-c]',
    'x',
    '-',
    '\\.',
    'é',
    '(a|b)',
    '(ab|c)',
    '(?:ab)',
    '(a|bc|)',
  );
  const quantifier = fc.constantFrom('', '', '', '*', '+', '?', '{2}', '{1,3}', '{2,}', '*?');
  const pattern = fc
    .tuple(
      fc.constantFrom('', '', '^', '(?i)', '(?i)^', '^.*', '^(?:.*'),
      fc.array(
        fc.tuple(atom, quantifier).map(([a, q]) => a + q),
        { minLength: 1, maxLength: 6 },
      ),
      fc.constantFrom('', '', '$', '.*$'),
    )
    .map(([start, items, end]) => `${start}${items.join('')}${start.includes('(') ? `${end.replace('$', '')})$` : end}`);
  const subjectOver = (plan: MatchPlan) =>
    fc.oneof(
      fc.array(fc.constantFrom(...alphabetOf(plan), 'a', 'b', 'z', '\n'), { maxLength: 40 }).map((chars) => chars.join('')),
      fc.string({ maxLength: 20 }),
    );

  it('never throws anything but a refusal, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 64 }), fc.string({ unit: 'binary', maxLength: 64 }), pattern), (text) => {
        try {
          compileMatchesPattern(text);
        } catch (error) {
          expect(error).toBeInstanceOf(RegexRefusal);
        }
      }),
      FUZZ.run(400),
    );
  });

  it('answers as RE2 answers for the pattern as written, on every subject', () => {
    const cases = pattern
      .filter((text) => accepted(text))
      .chain((text) => fc.tuple(fc.constant(text), fc.array(subjectOver(planMatchesPattern(text)), { minLength: 1, maxLength: 20 })));
    fc.assert(
      fc.property(cases, ([text, subjects]) => {
        const plan = planMatchesPattern(text);
        const re2 = RE2JS.compile(text);
        for (const subject of subjects) {
          const run = runReference(plan, subject);
          expect({ text, subject, exhausted: run.exhausted, matched: run.matched }).toEqual({
            text,
            subject,
            exhausted: false,
            matched: re2.matcher(subject).find(),
          });
        }
      }),
      FUZZ.run(300),
    );
  });

  it('takes steps linear in the subject, on subjects built to make a backtracking engine work', () => {
    fc.assert(
      fc.property(
        pattern.filter((p) => accepted(p)),
        fc.integer({ min: 0, max: 1000 }),
        (text, pick) => {
          const plan = planMatchesPattern(text);
          const alphabet = alphabetOf(plan);
          // Long runs of one character the pattern repeats, then text it cannot finish on.
          const filler = alphabet[pick % alphabet.length] ?? 'a';
          const tail = alphabet[(pick + 1) % alphabet.length] ?? 'b';
          const subject = (n: number) => `${filler.repeat(n)}${tail}${filler.repeat(n)}!`;
          const limit = linearBound(plan) * (2 * 512 + 3);
          const [short, long] = [64, 512].map((n) => runReference(plan, subject(n), limit));
          // Eight times the text, at most about eight times the work (a quadratic pattern would take 64 times).
          expect({ text, exhausted: long!.exhausted, linear: long!.steps <= 10 * short!.steps + 100 }).toEqual({
            text,
            exhausted: false,
            linear: true,
          });
        },
      ),
      FUZZ.run(300),
    );
  });
});

function accepted(pattern: string): boolean {
  try {
    compileMatchesPattern(pattern);
    return true;
  } catch (error) {
    if (error instanceof RegexRefusal) return false;
    throw error;
  }
}
