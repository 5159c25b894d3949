import { Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import { isAuthScope, scopesOf, type AuthScope } from '../src/auth/policy.js';
import type { Principal } from '../src/auth/principal.js';
import { ForbiddenError } from '../src/errors.js';

/** One root field's requirement: any one of these scopes (Pothos' default `$any` reading of `authScopes: {…}`). */
type AnyOf = readonly AuthScope[];

/**
 * The scopes a route's operation needs, read once at start-up from the
 * schema's own declarations (`authScopes` of each root field it selects), so a
 * route's permission can never drift from the GraphQL field it runs. A root
 * field whose scopes are not a plain `{ scope: true }` map is left to the
 * scope plugin at execution.
 */
export function routeScopes(schema: GraphQLSchema, document: DocumentNode): readonly AnyOf[] {
  const required: AnyOf[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(definition.operation);
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || root === null || root === undefined) continue;
      const declared = (root.getFields()[selection.name.value]?.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)
        ?.pothosOptions?.authScopes;
      const anyOf = plainScopes(declared);
      if (anyOf !== null && anyOf.length > 0) required.push(anyOf);
    }
  }
  return required;
}

function plainScopes(declared: unknown): AnyOf | null {
  if (typeof declared !== 'object' || declared === null) return null;
  const entries = Object.entries(declared);
  if (!entries.every(([name, value]) => isAuthScope(name) && value === true)) return null;
  return entries.map(([name]) => name as AuthScope);
}

/**
 * Throws the documented 403 unless the principal holds every requirement.
 * Called before a route reads its input, so a key without the permission
 * learns nothing of the route's input rules (a 400 would tell it what a valid
 * body looks like).
 */
export function assertRouteScopes(principal: Principal, required: readonly AnyOf[]): void {
  const held = scopesOf(principal);
  const missing = required.find((anyOf) => !anyOf.some((scope) => held[scope]));
  if (missing !== undefined) {
    throw new ForbiddenError(`API key lacks the '${missing.join("' or '")}' permission required for this route`);
  }
}
