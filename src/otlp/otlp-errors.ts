/**
 * A payload that is not a valid OTLP ExportTraceServiceRequest. `path` locates
 * the offending value in the request using the OTLP/JSON field names
 * (`resourceSpans[0].scopeSpans[1].spans[3].traceId`), for both encodings;
 * it is empty when the payload as a whole is unreadable (e.g. malformed JSON).
 */
export class OtlpDecodeError extends Error {
  override readonly name = 'OtlpDecodeError';
  readonly path: string;

  constructor(path: string, message: string) {
    super(message);
    this.path = path;
  }
}

/**
 * Re-throws `error` with `segment` (a field name, or `name[index]`) prepended
 * to its path. Decoders throw with a path relative to the message being read
 * and let each enclosing level add its own segment on the way out, so the happy
 * path never builds a path string.
 */
export function rethrowWithin(error: unknown, segment: string): never {
  if (!(error instanceof OtlpDecodeError)) throw error;
  throw new OtlpDecodeError(error.path === '' ? segment : `${segment}.${error.path}`, error.message);
}
