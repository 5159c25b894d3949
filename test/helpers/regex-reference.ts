import { contains, type CharSet } from '../../src/domain/search/regex-charset.js';
import type { Item, MatchPlan, Sequence } from '../../src/domain/search/search.regex.js';

/**
 * A backtracking matcher that runs a MATCHES plan with exactly the semantics
 * the store is sent (search.regex.ts): every repetition possessive except the
 * plan's greedy one, every alternation atomic, `^` one attempt, `$` as `\z`,
 * otherwise an attempt at every position. It counts its steps (one per
 * character compared or item entered), which is what a backtracking engine
 * spends; `limit` stops a run that would go on too long.
 */
export interface ReferenceRun {
  readonly matched: boolean;
  readonly steps: number;
  /** True when the step limit stopped the run before an answer. */
  readonly exhausted: boolean;
}

class StepLimit extends Error {}

export function runReference(plan: MatchPlan, subject: string, limit = 10_000_000): ReferenceRun {
  const text = [...subject].map((ch) => ch.codePointAt(0)!);
  let steps = 0;
  const step = () => {
    if (++steps > limit) throw new StepLimit();
  };
  const insensitive = plan.ast.caseInsensitive;
  const accepts = (set: CharSet, code: number): boolean => {
    if (contains(set, code)) return true;
    if (!insensitive) return false;
    const ch = String.fromCodePoint(code);
    return [ch.toLowerCase(), ch.toUpperCase()].some((v) => [...v].length === 1 && contains(set, v.codePointAt(0)!));
  };

  /** Matches `items[i..]` at `pos`, then the continuation; true on the first success. */
  const sequence = (items: Sequence, i: number, pos: number, then: (pos: number) => boolean): boolean => {
    step();
    if (i === items.length) return then(pos);
    const next = (at: number) => sequence(items, i + 1, at, then);
    return item(items[i]!, pos, next);
  };

  const item = (node: Item, pos: number, then: (pos: number) => boolean): boolean => {
    switch (node.kind) {
      case 'chars':
        step();
        return pos < text.length && accepts(node.set, text[pos]!) && then(pos + 1);
      case 'repeat': {
        let count = 0;
        const max = node.max ?? Number.POSITIVE_INFINITY;
        while (count < max && pos + count < text.length) {
          step();
          if (!accepts(node.set, text[pos + count]!)) break;
          count++;
        }
        if (count < node.min) return false;
        if (!plan.greedy.has(node.id)) return then(pos + count);
        for (let taken = count; taken >= node.min; taken--) if (then(pos + taken)) return true;
        return false;
      }
      case 'group': {
        for (const branch of node.branches) {
          let end = -1;
          if (
            sequence(branch, 0, pos, (at) => {
              end = at;
              return true;
            })
          ) {
            // Atomic: the first alternative that matches is kept, whatever follows.
            return then(end);
          }
        }
        return false;
      }
    }
  };

  const atEnd = (pos: number) => !plan.ast.anchoredEnd || pos === text.length;
  try {
    if (plan.ast.singleLineSearch) {
      steps += text.length;
      if (text.includes(10)) return { matched: false, steps, exhausted: false };
    }
    const lastStart = plan.ast.anchoredStart ? 0 : text.length;
    for (let start = 0; start <= lastStart; start++) {
      step();
      if (sequence(plan.root, 0, start, atEnd)) return { matched: true, steps, exhausted: false };
    }
    return { matched: false, steps, exhausted: false };
  } catch (error) {
    if (error instanceof StepLimit) return { matched: false, steps, exhausted: true };
    throw error;
  }
}

/** The characters the plan's classes mention (first members of each range), for subjects that exercise it. */
export function alphabetOf(plan: MatchPlan): string[] {
  const codes = new Set<number>();
  const visit = (items: Sequence): void => {
    for (const node of items) {
      if (node.kind === 'group') node.branches.forEach(visit);
      else for (const [lo, hi] of node.set.slice(0, 4)) for (const c of [lo, Math.min(hi, lo + 1), hi]) if (c < 0x3000) codes.add(c);
    }
  };
  visit(plan.root);
  return [...codes].map((c) => String.fromCodePoint(c));
}

/** A bound on the steps a linear pattern may take per character of the subject (docs/search-language.md). */
export function linearBound(plan: MatchPlan): number {
  let items = 0;
  let bounded = 0;
  let unbounded = 0;
  const visit = (seq: Sequence): void => {
    for (const node of seq) {
      items++;
      if (node.kind === 'group') node.branches.forEach(visit);
      else if (node.kind === 'chars') bounded++;
      else if (node.max === null) unbounded++;
      else bounded += node.max;
    }
  };
  visit(plan.root);
  return 4 * (items + 2) * (bounded + 2) * (unbounded + 1);
}
