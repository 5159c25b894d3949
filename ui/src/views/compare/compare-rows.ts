/**
 * How the comparison view reads `compareTraces` nodes: which change each
 * node shows (and its colour), and which rows to show. Pure, for the tests.
 */

export interface CompareNodeInput {
  readonly parentIndex?: number | null;
  readonly presence: 'BOTH' | 'ONLY_IN_A' | 'ONLY_IN_B';
  readonly durationDeltaMs?: number | null;
  readonly errorChange: 'NONE' | 'ADDED' | 'REMOVED';
  readonly a?: { readonly durationMs: number } | null;
}

export type Change = 'added' | 'removed' | 'slower' | 'faster' | 'same';

/** A matched span counts as slower or faster when its duration moved by more than 10 % of a's and more than 1 ms. */
export const SIGNIFICANT_RATIO = 0.1;
export const SIGNIFICANT_MS = 1;

export function changeOf(node: CompareNodeInput): Change {
  if (node.presence === 'ONLY_IN_B') return 'added';
  if (node.presence === 'ONLY_IN_A') return 'removed';
  const delta = node.durationDeltaMs ?? 0;
  const threshold = Math.max(SIGNIFICANT_MS, SIGNIFICANT_RATIO * (node.a?.durationMs ?? 0));
  if (delta > threshold) return 'slower';
  if (delta < -threshold) return 'faster';
  return 'same';
}

export const CHANGE_TEXT: Readonly<Record<Change, string>> = {
  added: 'only in B',
  removed: 'only in A',
  slower: 'slower in B',
  faster: 'faster in B',
  same: 'about the same',
};

/**
 * Indices of the rows to show: all of them, or only the nodes that changed
 * (duration, presence or error status) together with their ancestors, so
 * each change keeps its place in the tree.
 */
export function visibleCompareRows(nodes: readonly CompareNodeInput[], onlyChanges: boolean): number[] {
  if (!onlyChanges) return nodes.map((_, i) => i);
  const keep = new Uint8Array(nodes.length);
  nodes.forEach((node, i) => {
    if (changeOf(node) === 'same' && node.errorChange === 'NONE') return;
    for (let j: number | null | undefined = i; j !== null && j !== undefined && keep[j] === 0; j = nodes[j]?.parentIndex) keep[j] = 1;
  });
  return nodes.map((_, i) => i).filter((i) => keep[i] === 1);
}
