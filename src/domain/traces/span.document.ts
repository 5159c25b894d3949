import type { Binary, Double } from 'mongodb';
import type { Tenant } from '../../auth/tenant.js';

/**
 * How an OTLP AnyValue is stored. Scalars keep their own BSON type so that a
 * typed attribute filter is a plain indexed comparison: string → string,
 * int → int64 (always written as bigint, so int64 beyond 2^53 stays exact),
 * double → double (always written as `Double`, never as an int32), bool → bool,
 * bytes → binData, empty → null. Composite values are one-key documents so they
 * can never be confused with a scalar: `{ a: [...] }` for arrays and
 * `{ kv: [...] }` for kvlists.
 */
export type StoredValue =
  | string
  | boolean
  | bigint
  | number
  | Double
  | Binary
  | null
  | { readonly a: readonly StoredValue[] }
  | { readonly kv: readonly StoredKeyValue[] };

export interface StoredKeyValue {
  readonly k: string;
  readonly v: StoredValue;
}

export interface StoredEvent {
  readonly tNs: bigint;
  readonly name: string;
  readonly attrs: readonly StoredKeyValue[];
  readonly dAttrs: number;
}

export interface StoredLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceState: string;
  readonly flags: number;
  readonly attrs: readonly StoredKeyValue[];
  readonly dAttrs: number;
}

/**
 * One document per span in the `spans` collection. `_id` is
 * `<org>:<env>:<traceId>:<spanId>`, which makes a retried batch a duplicate-key
 * no-op instead of a second copy (idempotent by traceId+spanId per tenant).
 */
export interface SpanDocument {
  readonly _id: string;
  readonly org: string;
  readonly env: Tenant['env'];
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly traceState: string;
  readonly flags: number;
  readonly name: string;
  /** OTLP SpanKind number, 0–5. */
  readonly kind: number;
  /** Start as a Date (ms): the TTL and time-window key. */
  readonly start: Date;
  readonly startNs: bigint;
  readonly endNs: bigint;
  readonly durNs: bigint;
  /** Resource-derived, denormalised so span-level filters need no join. */
  readonly svc: string;
  readonly ns: string | null;
  readonly denv: string | null;
  readonly ver: string | null;
  readonly cluster: string | null;
  readonly attrs: readonly StoredKeyValue[];
  readonly dAttrs: number;
  readonly events: readonly StoredEvent[];
  readonly dEvents: number;
  readonly links: readonly StoredLink[];
  readonly dLinks: number;
  /** code: OTLP StatusCode number, 0 unset, 1 ok, 2 error. */
  readonly status: { readonly code: number; readonly message: string };
  readonly res: { readonly attrs: readonly StoredKeyValue[]; readonly dAttrs: number; readonly schemaUrl: string };
  readonly scope: {
    readonly name: string;
    readonly version: string;
    readonly attrs: readonly StoredKeyValue[];
    readonly dAttrs: number;
    readonly schemaUrl: string;
  };
  /** Issue fingerprint of an error span with exception events, else null. */
  readonly fp: string | null;
}
