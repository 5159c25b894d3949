import { readFile } from 'node:fs/promises';
import type { TestGateway } from './gateway.js';

export interface RestResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** The documented error envelope. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly param: string | null; readonly request_id: string };
}

export interface RestOptions {
  /** An API key, `null` for none; the gateway's bootstrap key by default. */
  readonly key?: string | null;
  /** A JSON value, or raw text sent as is. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** One HTTP request to the gateway's REST API, answered as status, headers and parsed JSON. */
export async function rest<T = unknown>(
  gw: TestGateway,
  method: string,
  path: string,
  options: RestOptions = {},
): Promise<RestResponse<T>> {
  const key = options.key === undefined ? gw.apiKey : options.key;
  const headers: Record<string, string> = { ...(key !== null ? { authorization: `Bearer ${key}` } : {}), ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${gw.baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text === '' ? null : JSON.parse(text)) as T };
}

/** Posts an OTLP/JSON fixture (`{ request: ExportTraceServiceRequest }`) through the real ingest endpoint. */
export async function ingestFixture(gw: TestGateway, fixture: string, key = gw.apiKey): Promise<Record<string, unknown>> {
  const parsed = JSON.parse(await readFile(new URL(`../fixtures/${fixture}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  const res = await fetch(`${gw.baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(parsed.request),
  });
  const answer = await res.text();
  if (res.status !== 200 || answer.includes('rejectedSpans')) throw new Error(`ingest of ${fixture} failed: ${res.status} ${answer}`);
  return parsed;
}

/** Long enough that the document's 2026-03-15 examples are within retention whenever the suite runs. */
export const EXAMPLE_RETENTION = { MESH_RETENTION_HOURS: String(24 * 365 * 10) };
