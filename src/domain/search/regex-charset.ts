/**
 * Sets of Unicode scalar values for the MATCHES regex subset: sorted,
 * disjoint, non-adjacent inclusive ranges. Surrogates (U+D800–U+DFFF) are
 * never members: they are not scalar values, MongoDB's UTF-8 strings cannot
 * hold them, and PCRE refuses them in `\x{…}`.
 */
export type CharSet = readonly (readonly [number, number])[];

export const MAX_CODE_POINT = 0x10ffff;
const SURROGATES: readonly [number, number] = [0xd800, 0xdfff];

export function isScalarValue(cp: number): boolean {
  return cp >= 0 && cp <= MAX_CODE_POINT && (cp < SURROGATES[0] || cp > SURROGATES[1]);
}

export function charSet(ranges: readonly (readonly [number, number])[]): CharSet {
  const sorted = ranges
    .flatMap(([lo, hi]) => withoutSurrogates(lo, hi))
    .filter(([lo, hi]) => lo <= hi)
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function withoutSurrogates(lo: number, hi: number): [number, number][] {
  if (hi < SURROGATES[0] || lo > SURROGATES[1]) return [[lo, hi]];
  return [
    [lo, SURROGATES[0] - 1],
    [SURROGATES[1] + 1, hi],
  ];
}

export const single = (cp: number): CharSet => charSet([[cp, cp]]);

export function union(...sets: CharSet[]): CharSet {
  return charSet(sets.flat());
}

export function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return charSet(out);
}

export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [alo, ahi] = a[i]!;
    const [blo, bhi] = b[j]!;
    if (ahi < blo) i++;
    else if (bhi < alo) j++;
    else return true;
  }
  return false;
}

export function contains(set: CharSet, cp: number): boolean {
  return set.some(([lo, hi]) => cp >= lo && cp <= hi);
}

export function isEmpty(set: CharSet): boolean {
  return set.length === 0;
}

/** The one member of a one-member set, else null. */
export function soleMember(set: CharSet): number | null {
  const [first] = set;
  return set.length === 1 && first !== undefined && first[0] === first[1] ? first[0] : null;
}

/**
 * The set with the other case of each member added, by the standard (not
 * locale-specific) single-character case mappings: what a negated class must
 * exclude under `(?i)`, where `[^a]` matches neither `a` nor `A` (RE2, PCRE
 * and Java all fold before they negate).
 */
export function withOtherCases(set: CharSet): CharSet {
  const extra: [number, number][] = [];
  for (const [lo, hi] of set) {
    if (hi - lo > FOLD_SCAN_LIMIT) continue;
    for (let code = lo; code <= hi; code++) {
      const text = String.fromCodePoint(code);
      for (const variant of [text.toLowerCase(), text.toUpperCase()]) {
        const [only, ...more] = [...variant];
        if (only !== undefined && more.length === 0 && only.codePointAt(0) !== code)
          extra.push([only.codePointAt(0)!, only.codePointAt(0)!]);
      }
    }
  }
  return charSet([...set, ...extra]);
}

/** Ranges wider than this are folded to "every scalar value": cheaper, and only ever a superset. */
const FOLD_SCAN_LIMIT = 0x3000;

/**
 * The set with every member's other cases added, as a case-insensitive engine
 * may match them. An over-approximation on purpose (JavaScript's case mappings
 * plus, for very wide ranges, everything): it is only used to decide whether
 * two sets can share a character, where too large is safe and too small is not.
 */
export function caseFolded(set: CharSet): CharSet {
  const extra: [number, number][] = [];
  for (const [lo, hi] of set) {
    if (hi - lo > FOLD_SCAN_LIMIT) return charSet([[0, MAX_CODE_POINT]]);
    for (let cp = lo; cp <= hi; cp++) {
      const text = String.fromCodePoint(cp);
      for (const variant of [text.toLowerCase(), text.toUpperCase(), text.toLocaleLowerCase('tr'), text.toLocaleUpperCase('tr')]) {
        for (const ch of variant) {
          const other = ch.codePointAt(0)!;
          if (other !== cp) extra.push([other, other]);
        }
      }
    }
  }
  // Characters that fold onto a member from outside its case mappings (K ↔ U+212A KELVIN SIGN, ſ ↔ s, …).
  for (const [from, to] of FOLD_EXTRAS) {
    if (contains(set, from)) extra.push([to, to]);
    if (contains(set, to)) extra.push([from, from]);
  }
  return charSet([...set, ...extra]);
}

/** Unicode simple case-folding pairs that no JavaScript toLowerCase/toUpperCase of the member reaches. */
const FOLD_EXTRAS: readonly (readonly [number, number])[] = [
  [0x6b, 0x212a], // k, KELVIN SIGN
  [0xe5, 0x212b], // å, ANGSTROM SIGN
  [0x73, 0x17f], // s, LATIN SMALL LETTER LONG S
  [0x3c9, 0x2126], // ω, OHM SIGN
  [0x3b8, 0x3d1], // θ, ϑ
  [0x3b9, 0x1fbe], // ι, PROSGEGRAMMENI
  [0xdf, 0x1e9e], // ß, CAPITAL SHARP S
];
