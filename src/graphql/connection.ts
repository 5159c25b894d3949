import { ValidationError } from '../errors.js';

/** A forward keyset page as services return it: items with their cursors, and a lazy count. */
export interface ForwardPage<T> {
  readonly items: readonly T[];
  readonly cursors: readonly string[];
  readonly hasNextPage: boolean;
  readonly totalCount: () => Promise<number>;
}

/** The resolved value of a Relay connection field; `totalCount` is resolved only when selected. */
export function connectionOf<T>(page: ForwardPage<T>) {
  return {
    edges: page.items.map((node, i) => ({ node, cursor: page.cursors[i]! })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors.at(-1) ?? null,
    },
    totalCount: page.totalCount,
  };
}

/** Options of a connection's `totalCount` field, which calls the page's lazy count. */
export function totalCountField(description: string) {
  return {
    description,
    resolve: (conn: unknown) => (conn as Pick<ForwardPage<unknown>, 'totalCount'>).totalCount(),
  };
}

/** Keyset cursors walk forward only; `last`/`before` are refused rather than ignored. */
export function rejectBackwardPaging(args: { last?: number | null; before?: string | null }): void {
  if (args.last != null || args.before != null) {
    throw new ValidationError('Backward pagination (last/before) is not supported; page forward with first/after', args.last != null ? 'last' : 'before');
  }
}
