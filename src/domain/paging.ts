import { createHash } from 'node:crypto';
import { tenantKey, type Tenant } from '../auth/tenant.js';
import { ValidationError } from '../errors.js';

/**
 * Keyset paging, once for every list (traces, search, nodes, alert rules and
 * events). A page is read with one row more than asked for, whose presence
 * says that a next page exists; each item carries the cursor that resumes
 * strictly after it, so items added between two requests never shift a page.
 */
export interface Page<T> {
  readonly items: readonly T[];
  readonly cursors: readonly string[];
  readonly hasNextPage: boolean;
  /** Counted only when asked for: it is a second query. */
  readonly totalCount: () => Promise<number>;
}

/** A position in a list ordered by time, ties broken by id (alert rules, alert events). */
export interface TimeIdPosition {
  readonly atMs: number;
  readonly id: string;
}

/** The page of the first `first` of `rows`, which were read with `first + 1` as their limit. */
export function pageOf<T>(rows: readonly T[], first: number, cursorOf: (item: T) => string, totalCount: () => Promise<number>): Page<T> {
  const items = rows.slice(0, first);
  return { items, cursors: items.map(cursorOf), hasNextPage: rows.length > first, totalCount };
}

export function assertPageSize(n: number, param: string, max: number): void {
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new ValidationError(`Parameter '${param}' must be an integer from 1 to ${max}`, param);
  }
}

/** Keyset cursors walk forward only; `last`/`before` are refused rather than ignored. */
export function rejectBackwardPaging(args: { last?: number | null; before?: string | null }): void {
  if (args.last != null || args.before != null) {
    throw new ValidationError(
      'Backward pagination (last/before) is not supported; page forward with first/after',
      args.last != null ? 'last' : 'before',
    );
  }
}

/** The resolved value of a Relay connection field; `totalCount` is resolved only when selected. */
export function connectionOf<T>(page: Page<T>) {
  return {
    edges: page.items.map((node, i) => ({ node, cursor: page.cursors[i]! })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors.at(-1) ?? null,
    },
    totalCount: page.totalCount,
  };
}

/** Options of a connection's `totalCount` field, which calls the page's lazy count. */
export function totalCountField(description: string) {
  return {
    description,
    resolve: (conn: unknown) => (conn as Pick<Page<unknown>, 'totalCount'>).totalCount(),
  };
}

/**
 * An opaque, sealed cursor: base64url of the fields that place an item in
 * its list's order, then a tag of the tenant and the list. The tag makes a
 * cursor of another organization, partition or list an invalid cursor
 * instead of a position; it is not a secret, only a binding.
 */
export interface CursorCodec<T> {
  encode(tenant: Tenant, value: T): string;
  /** Throws the one invalid-cursor error, on `param`, for anything this codec did not issue for this tenant. */
  decode(tenant: Tenant, text: string, param: string): T;
}

export interface CursorSpec<T> {
  /** Names the list. Trace cursors have none: they were issued before lists were tagged, and stay valid. */
  readonly scope: readonly string[];
  /** How many fields `write` produces. */
  readonly fields: number;
  readonly write: (value: T) => readonly (string | number)[];
  /** The value back from its fields, or null when they do not describe one. */
  readonly read: (fields: readonly string[]) => T | null;
}

const MAX_CURSOR_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

export function sealedCursor<T>(spec: CursorSpec<T>): CursorCodec<T> {
  const tag = (tenant: Tenant) =>
    createHash('sha256')
      .update([...spec.scope, tenantKey(tenant)].join('|'))
      .digest('base64url')
      .slice(0, 8);
  return {
    encode: (tenant, value) => Buffer.from([...spec.write(value), tag(tenant)].join('|')).toString('base64url'),
    decode(tenant, text, param) {
      const invalid = () => new ValidationError(`Parameter '${param}' is not a valid pagination cursor for this query`, param);
      if (text.length > MAX_CURSOR_LENGTH || !BASE64URL.test(text)) throw invalid();
      const parts = Buffer.from(text, 'base64url').toString('utf8').split('|');
      if (parts.length !== spec.fields + 1 || parts.at(-1) !== tag(tenant)) throw invalid();
      const value = spec.read(parts.slice(0, -1));
      if (value === null) throw invalid();
      return value;
    },
  };
}
