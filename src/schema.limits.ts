import {
  GraphQLError,
  Kind,
  type ExecutionResult,
  Lexer,
  Source,
  TokenKind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import { PayloadTooLargeError, ValidationError } from './errors.js';
import { graphQLErrorOf } from './graphql/errors.js';
import { jsonBytesUpTo } from './graphql/json-size.js';

/**
 * Operation limits enforced before anything executes, on every transport
 * (HTTP and graphql-ws both go through yoga's envelop pipeline). Depth,
 * breadth and complexity live in the Pothos complexity plugin
 * (graphql/builder.ts); these cover what cost analysis cannot see: documents
 * built to be expensive to parse and validate (tokens, aliases, directives),
 * many operations in one request (batches), oversized bodies and schema
 * introspection. Each answers `invalid_parameter` (413 `payload_too_large`
 * for the body) with `param` naming the limit.
 */
export interface GraphQLLimits {
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  /** Operations per batched HTTP request; 0 disables batching. */
  readonly maxBatch: number;
  readonly maxBodyBytes: number;
  /** Bytes of one operation's result as JSON (MESH_GRAPHQL_MAX_RESPONSE_BYTES); past it, a payload_too_large error instead. */
  readonly maxResponseBytes: number;
  readonly introspection: boolean;
}

export const DEFAULT_GRAPHQL_LIMITS: GraphQLLimits = Object.freeze({
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5000,
  maxBatch: 10,
  maxBodyBytes: 1024 * 1024,
  maxResponseBytes: 16 * 1024 * 1024,
  introspection: true,
});

/** Counts lexical tokens, stopping as soon as the count passes `max`; null when the text does not lex (parse reports that). */
export function countTokens(source: string, max: number): number | null {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF && count <= max; token = lexer.advance()) count++;
  } catch {
    return null;
  }
  return count;
}

interface SelectionCounts {
  aliases: number;
  directives: number;
}

/**
 * Aliases and directives of one operation as executed: a fragment counts
 * each time it is spread. Fragment counts are memoized, and a fragment cycle
 * counts as nothing here (NoFragmentCyclesRule reports it).
 */
function countOperation(operation: OperationDefinitionNode, context: ValidationContext): SelectionCounts {
  const memo = new Map<string, SelectionCounts>();
  const inProgress = new Set<string>();

  const fragmentCounts = (fragment: FragmentDefinitionNode): SelectionCounts => {
    const name = fragment.name.value;
    const known = memo.get(name);
    if (known) return known;
    if (inProgress.has(name)) return { aliases: 0, directives: 0 };
    inProgress.add(name);
    const counts = selectionCounts(fragment.selectionSet);
    counts.directives += fragment.directives?.length ?? 0;
    inProgress.delete(name);
    memo.set(name, counts);
    return counts;
  };

  const selectionCounts = (set: SelectionSetNode): SelectionCounts => {
    const total = { aliases: 0, directives: 0 };
    for (const selection of set.selections) {
      total.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias !== undefined) total.aliases++;
        if (selection.selectionSet) add(total, selectionCounts(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(total, selectionCounts(selection.selectionSet));
      } else {
        const fragment = context.getFragment(selection.name.value);
        if (fragment) add(total, fragmentCounts(fragment));
      }
    }
    return total;
  };

  const counts = selectionCounts(operation.selectionSet);
  counts.directives +=
    (operation.directives?.length ?? 0) + (operation.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
  return counts;
}

function add(into: SelectionCounts, more: SelectionCounts): void {
  into.aliases += more.aliases;
  into.directives += more.directives;
}

function documentLimitsRule(limits: GraphQLLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const { aliases, directives } = countOperation(operation, context);
      if (aliases > limits.maxAliases) {
        context.reportError(
          graphQLErrorOf(new ValidationError(`Operation uses ${aliases} aliases; the limit is ${limits.maxAliases}`, 'aliases')),
        );
      }
      if (directives > limits.maxDirectives) {
        context.reportError(
          graphQLErrorOf(
            new ValidationError(`Operation uses ${directives} directives; the limit is ${limits.maxDirectives}`, 'directives'),
          ),
        );
      }
    },
    Field(field) {
      if (!limits.introspection && (field.name.value === '__schema' || field.name.value === '__type')) {
        context.reportError(
          graphQLErrorOf(new ValidationError('Introspection is disabled on this gateway (MESH_GRAPHQL_INTROSPECTION)', 'introspection')),
        );
      }
    },
  });
}

/**
 * Replaces a result whose JSON would exceed `max` bytes by a payload_too_large
 * error (param `response`): the client is told to select less or page, and is
 * never sent an unbounded body. Measured without serializing (json-size.ts).
 */
function capResponse(max: number) {
  return ({ result, setResult }: { result: ExecutionResult; setResult: (result: ExecutionResult) => void }): void => {
    if (jsonBytesUpTo(result, max) <= max) return;
    const error = new PayloadTooLargeError(
      `The response would be larger than ${max} bytes (MESH_GRAPHQL_MAX_RESPONSE_BYTES); select fewer fields or items, or page with first/after`,
      'response',
    );
    setResult({ errors: [graphQLErrorOf(error)] });
  };
}

const SUGGESTION = / Did you mean [^?]*\?/g;

/**
 * The error without graphql-js's "Did you mean …?" hints. They list field,
 * argument, type and enum names near the one sent, so with introspection off
 * they would hand out the schema a name at a time.
 */
export function withoutSuggestions(error: GraphQLError): GraphQLError {
  const message = error.message.replace(SUGGESTION, '');
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/** The yoga plugin that enforces GraphQLLimits; yoga's own batching and body-size options are set to the same values. */
export function useGraphQLLimits(limits: GraphQLLimits): Plugin {
  return {
    onRequestParse({ request }) {
      // Fails fast on a declared length; yoga's maxRequestBodySize also caps chunked bodies as they stream.
      const declared = Number(request.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
        throw graphQLErrorOf(
          new PayloadTooLargeError(`GraphQL request body of ${declared} bytes exceeds the limit of ${limits.maxBodyBytes} bytes`, 'body'),
        );
      }
      return {
        onRequestParseDone({ requestParserResult }) {
          if (!Array.isArray(requestParserResult)) return;
          if (limits.maxBatch === 0) throw graphQLErrorOf(new ValidationError('Batched requests are disabled on this gateway', 'batch'));
          if (requestParserResult.length > limits.maxBatch) {
            throw graphQLErrorOf(
              new ValidationError(
                `Batch of ${requestParserResult.length} operations exceeds the limit of ${limits.maxBatch} per request`,
                'batch',
              ),
            );
          }
        },
      };
    },
    // Every transport's result passes here before it is sent (HTTP, each SSE or graphql-ws event, REST routes).
    onExecute() {
      return { onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, capResponse(limits.maxResponseBytes)) };
    },
    onSubscribe() {
      return { onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, capResponse(limits.maxResponseBytes)) };
    },
    onParse({ params }) {
      const text = typeof params.source === 'string' ? params.source : params.source.body;
      const tokens = countTokens(text, limits.maxTokens);
      if (tokens !== null && tokens > limits.maxTokens) {
        throw graphQLErrorOf(new ValidationError(`Document has more than ${limits.maxTokens} tokens, the limit`, 'tokens'));
      }
    },
    onValidate({ addValidationRule }) {
      addValidationRule(documentLimitsRule(limits));
      // Any other validation failure (unknown field, wrong argument type…) is the client's invalid parameter too.
      return ({ valid, result, setResult }) => {
        if (valid) return;
        for (const error of result) {
          const extensions = error.extensions as Record<string, unknown>;
          if (extensions.code === undefined || extensions.code === 'GRAPHQL_VALIDATION_FAILED') extensions.code = 'invalid_parameter';
        }
        if (!limits.introspection) setResult(result.map((e) => (e instanceof GraphQLError ? withoutSuggestions(e) : e)));
      };
    },
  };
}
