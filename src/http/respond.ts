import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import {
  DomainError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  RateLimitedError,
  UnavailableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors.js';
import { storeFailure } from '../db/store-errors.js';

/** The documented REST error envelope. */
export interface ErrorEnvelope {
  readonly error: { readonly code: string; readonly message: string; readonly param: string | null; readonly request_id: string };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * Maps any thrown value to the envelope: domain errors as they are, store
 * failures as 503 with a fixed message (never the driver's, which names hosts
 * and ports), the rest masked as 500.
 */
export function errorResponse(error: unknown, requestId: string): { status: number; body: ErrorEnvelope; headers: Record<string, string> } {
  const known = error instanceof DomainError ? error : storeFailure(error);
  if (known === null) {
    const message = 'Internal error — contact support if persistent';
    return { status: 500, body: { error: { code: 'internal_error', message, param: null, request_id: requestId } }, headers: {} };
  }
  const headers: Record<string, string> = {};
  if (known instanceof RateLimitedError || known instanceof UnavailableError) headers['retry-after'] = String(known.retryAfterS);
  if (known instanceof MethodNotAllowedError) headers.allow = known.allow.join(', ');
  const body = { error: { code: known.code, message: known.message, param: known.param, request_id: requestId } };
  return { status: known.status, body, headers };
}

export function sendError(res: ServerResponse, error: unknown, requestId: string): void {
  const { status, body, headers } = errorResponse(error, requestId);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, body, headers);
}

/**
 * Reads a request body into memory with hard bounds on both the bytes on the
 * wire and the bytes after decompression, so neither a large upload nor a
 * gzip bomb can grow the heap past `limit`: inflation stops at the limit.
 *
 * Past a bound the rest of the upload is drained, not buffered, and the
 * connection is kept, so the client reads a 413 instead of a reset
 * (Node's requestTimeout bounds how long a drain may take).
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new PayloadTooLargeError(`Request body of ${declared} bytes exceeds the limit of ${limit} bytes`);
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  let inflate: Transform | null = null;
  if (encoding === 'gzip' || encoding === 'x-gzip') inflate = createGunzip();
  else if (encoding === 'deflate') inflate = createInflate();
  else if (encoding !== 'identity' && encoding !== '') {
    req.resume();
    throw new UnsupportedMediaTypeError(`Unsupported Content-Encoding '${encoding}': use gzip, deflate or identity`);
  }
  const source: Readable = inflate ?? req;
  if (inflate !== null) req.pipe(inflate);

  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let raw = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      req.off('data', onRaw);
      req.off('aborted', onAborted);
      if (error === null) return resolve(Buffer.concat(chunks, size));
      chunks.length = 0;
      if (inflate !== null) {
        req.unpipe(inflate);
        inflate.destroy();
      }
      req.resume();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit)
        finish(
          new PayloadTooLargeError(`Request body exceeds the limit of ${limit} bytes${inflate === null ? '' : ' after decompression'}`),
        );
      else chunks.push(chunk);
    };
    // A compressed body is bounded on the wire too (a chunked upload declares no length).
    const onRaw = (chunk: Buffer) => {
      raw += chunk.length;
      if (raw > limit) finish(new PayloadTooLargeError(`Request body exceeds the limit of ${limit} bytes`));
    };
    const onEnd = () => finish(null);
    const onError = () =>
      finish(
        new ValidationError(
          `Request body could not be read: ${inflate === null ? 'connection error' : `invalid ${encoding} data`}`,
          'body',
        ),
      );
    const onAborted = () => finish(new ValidationError('Request body could not be read: connection error', 'body'));
    source.on('data', onData);
    source.once('end', onEnd);
    source.on('error', onError);
    if (inflate !== null) req.on('data', onRaw);
    req.once('aborted', onAborted);
  });
}
