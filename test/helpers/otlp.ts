import { randomBytes } from 'node:crypto';

export interface SimpleSpan {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  service?: string;
  kind?: number;
  startMs: number;
  durationMs: number;
  statusCode?: 0 | 1 | 2;
  attributes?: Record<string, string | number | boolean>;
  resource?: Record<string, string>;
}

export const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function anyValue(v: string | number | boolean) {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
}

/** One OTLP/JSON export request; each span gets its own resource (service.name + extras). */
export function otlpJson(spans: readonly SimpleSpan[]): string {
  return JSON.stringify({
    resourceSpans: spans.map((s) => ({
      resource: {
        attributes: Object.entries({ 'service.name': s.service ?? 'test-svc', ...s.resource }).map(([key, v]) => ({
          key,
          value: anyValue(v),
        })),
      },
      scopeSpans: [
        {
          scope: { name: 'test' },
          spans: [
            {
              traceId: s.traceId ?? hex(16),
              spanId: s.spanId ?? hex(8),
              parentSpanId: s.parentSpanId ?? '',
              name: s.name ?? 'op',
              kind: s.kind ?? 2,
              startTimeUnixNano: String(BigInt(Math.round(s.startMs)) * 1_000_000n),
              endTimeUnixNano: String(BigInt(Math.round(s.startMs + s.durationMs)) * 1_000_000n),
              attributes: Object.entries(s.attributes ?? {}).map(([key, v]) => ({ key, value: anyValue(v) })),
              status: { code: s.statusCode ?? 0 },
            },
          ],
        },
      ],
    })),
  });
}

export async function postOtlpJson(baseUrl: string, apiKey: string, spans: readonly SimpleSpan[]): Promise<Response> {
  return fetch(`${baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: otlpJson(spans),
  });
}
