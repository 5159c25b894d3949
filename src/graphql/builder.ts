import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import { scopesOf } from '../auth/policy.js';
import type { Context } from './context.js';
import { ForbiddenError, UnauthorizedError, ValidationError } from '../errors.js';

export interface SchemaTypes {
  Context: Context;
  AuthScopes: { read: boolean; write: boolean; admin: boolean };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Int64: { Input: bigint; Output: bigint };
  };
  DefaultFieldNullability: false;
}

/**
 * Query limits, each answered with an error naming the limit. Breadth counts every selected field; a full trace with three levels of nested
 * AnyValue fragments selects ~800, so the limit leaves room for that and no more.
 */
export const COMPLEXITY_LIMITS = { complexity: 100_000, depth: 16, breadth: 1_500 } as const;

export const builder = new SchemaBuilder<SchemaTypes>({
  // ScopeAuth first, so that authorization wraps every other plugin's resolvers.
  plugins: [ScopeAuthPlugin, ComplexityPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => scopesOf(ctx.principal),
    unauthorizedError: (_parent, ctx) =>
      ctx.principal === null
        ? new UnauthorizedError('Missing or invalid API key')
        : new ForbiddenError('API key lacks the permission required for this field'),
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: COMPLEXITY_LIMITS,
    complexityError: (kind, result) => {
      const name = kind.toLowerCase() as 'complexity' | 'depth' | 'breadth';
      const max = { complexity: result.maxComplexity, depth: result.maxDepth, breadth: result.maxBreadth }[name];
      return new ValidationError(`Query ${name} ${result[name]} exceeds the limit of ${max ?? COMPLEXITY_LIMITS[name]}`, name);
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
