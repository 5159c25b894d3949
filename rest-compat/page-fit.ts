import { complexityFromQuery } from '@pothos/plugin-complexity';
import type { DocumentNode } from 'graphql';
import { COMPLEXITY_LIMITS } from '../src/graphql/builder.js';
import { schema } from '../src/schema.js';

/**
 * The largest n in [1, max] for which `operation`, run with the variables
 * `variablesFor(n)`, stays within the complexity, depth and breadth limits
 * every GraphQL operation is held to (src/graphql/builder.ts): the most items
 * a route can ask for in one operation. The cost grows with n, so a binary
 * search finds it; computed once, when the route is declared. Throws when
 * not even one item fits, so that such a route stops the gateway at start-up
 * instead of failing on every request.
 */
export function largestFittingPage(operation: DocumentNode, variablesFor: (n: number) => Record<string, unknown>, max: number): number {
  const fits = (n: number): boolean => {
    const cost = complexityFromQuery(operation, { schema, variables: variablesFor(n) });
    return (
      cost.complexity <= COMPLEXITY_LIMITS.complexity && cost.depth <= COMPLEXITY_LIMITS.depth && cost.breadth <= COMPLEXITY_LIMITS.breadth
    );
  };
  if (!fits(1)) throw new Error('Not even one item of this operation fits the GraphQL complexity limits');
  let low = 1;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
