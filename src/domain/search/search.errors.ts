/**
 * Errors of the trace search language. Both carry the 0-based offset (a
 * JavaScript string index) into the search expression so that the API layer can
 * point at the offending character; they are expected, client-caused failures and
 * map to an invalid-parameter error on the `query` argument.
 */
export abstract class SearchError extends Error {
  readonly position: number;

  protected constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

/** The expression is not a sentence of the grammar, or exceeds a size limit. */
export class SearchSyntaxError extends SearchError {
  override readonly name = 'SearchSyntaxError';
  /** What would have been accepted at `position`; empty when a limit was exceeded. */
  readonly expected: readonly string[];

  constructor(message: string, position: number, expected: readonly string[]) {
    super(message, position);
    this.expected = expected;
  }
}

/**
 * The expression parses but means nothing: an unknown field, a value of the wrong
 * type for its field, an invalid regular expression, or a trace-level field used
 * where only span-level conditions may appear.
 */
export class SearchSemanticError extends SearchError {
  override readonly name = 'SearchSemanticError';

  constructor(message: string, position: number) {
    super(message, position);
  }
}
