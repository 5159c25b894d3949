import type { Collection, Db, Document } from 'mongodb';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import { insertEach, isDuplicateKey, updateEach } from '../../db/write-commands.js';
import type { Leaf } from './span-roles.js';

export const PENDING_EDGES = 'pending_edges';
export const EDGE_CLAIMS = 'edge_claims';

/**
 * Real MongoDB removes what the sweep has not (a tenant that stopped sending)
 * a day after the window closed; the sweep normally deletes documents first.
 */
const TTL_GRACE_S = 86_400;

export function pendingEdgesCollection(): CollectionSpec {
  return {
    name: PENDING_EDGES,
    indexes: [
      { name: 'expiry', key: { org: 1, env: 1, exp: 1 }, serves: 'sweep: the expired join entries of a tenant' },
      { name: 'expiry_ttl', key: { exp: 1 }, expireAfterSeconds: TTL_GRACE_S, serves: 'backstop for entries no sweep reached' },
    ],
  };
}

export function edgeClaimsCollection(): CollectionSpec {
  return {
    name: EDGE_CLAIMS,
    indexes: [
      { name: 'expiry', key: { org: 1, env: 1, exp: 1 }, serves: 'sweep: expired claims of a tenant' },
      { name: 'expiry_ttl', key: { exp: 1 }, expireAfterSeconds: TTL_GRACE_S, serves: 'backstop for claims no sweep reached' },
    ],
  };
}

/** The parent side of a join: a client or producer span. */
export interface PendingCaller {
  readonly svc: string;
  readonly cluster: string | null;
  readonly startMs: number;
  readonly durNs: number;
  readonly err: boolean;
  /** Leaf to count the call against if no child arrives within the window; null: count nothing then. */
  readonly fb: Leaf | null;
}

/** The child side: a server or consumer span. */
export interface PendingCallee {
  readonly svc: string;
  readonly durNs: number;
  readonly err: boolean;
}

/**
 * `pending_edges`: one document per (tenant, traceId, parent span id), where
 * the caller span and its callee spans meet whatever order they arrive in.
 * Callees are keyed by their own span id (a producer may have many consumers).
 */
export interface PendingEdgeDocument {
  readonly _id: string;
  readonly org: string;
  readonly env: Tenant['env'];
  /** Arrival time of the latest side + the join window. */
  readonly exp: Date;
  readonly c?: PendingCaller;
  readonly s?: Readonly<Record<string, PendingCallee>>;
  /** Set once by the sweep when the caller was counted against its fallback leaf; no callee may pair after that. */
  readonly closed?: true;
}

interface EdgeClaimDocument {
  readonly _id: string;
  readonly org: string;
  readonly env: Tenant['env'];
  readonly exp: Date;
}

/** A side to register, under its join key (the caller's span id = the callee's parent span id). */
export type PendingSide =
  | { readonly traceId: string; readonly key: string; readonly caller: PendingCaller }
  | { readonly traceId: string; readonly key: string; readonly calleeSpanId: string; readonly callee: PendingCallee };

export interface JoinEntry {
  readonly id: string;
  readonly caller: PendingCaller | null;
  readonly callees: ReadonlyMap<string, PendingCallee>;
  readonly closed: boolean;
}

export function pendingEdgeId(tenant: Tenant, traceId: string, parentSpanId: string): string {
  return `${tenant.org}:${tenant.env}:${traceId}:${parentSpanId}`;
}

function toEntry(doc: PendingEdgeDocument): JoinEntry {
  return { id: doc._id, caller: doc.c ?? null, callees: new Map(Object.entries(doc.s ?? {})), closed: doc.closed === true };
}

/**
 * The join store. Every write is a single-document atomic operation; the
 * protocol that makes pairing exactly-once on top of them is in
 * edge-join.ts.
 */
export class PendingEdgesRepository {
  private readonly pending: Collection<PendingEdgeDocument>;
  private readonly claims: Collection<EdgeClaimDocument>;

  constructor(private readonly db: Db) {
    this.pending = db.collection<PendingEdgeDocument>(PENDING_EDGES);
    this.claims = db.collection<EdgeClaimDocument>(EDGE_CLAIMS);
  }

  /**
   * Writes each side into its entry (upsert; a side only ever sets its own
   * field, so concurrent writers of the other side never lose it) and returns
   * the entries as they are afterwards. An entry this call's upsert created
   * held nothing before it, so it holds exactly the sides written here: it is
   * answered from them, and only entries that existed before are read back.
   */
  async register(tenant: Tenant, sides: readonly PendingSide[], expires: Date): Promise<JoinEntry[]> {
    if (sides.length === 0) return [];
    const written = new Map<string, { set: Document; caller: PendingCaller | null; callees: Map<string, PendingCallee> }>();
    for (const side of sides) {
      const id = pendingEdgeId(tenant, side.traceId, side.key);
      let entry = written.get(id);
      if (entry === undefined) written.set(id, (entry = { set: {}, caller: null, callees: new Map() }));
      if ('caller' in side) {
        entry.set.c = side.caller;
        entry.caller = side.caller;
      } else {
        entry.set[`s.${side.calleeSpanId}`] = side.callee;
        entry.callees.set(side.calleeSpanId, side.callee);
      }
    }
    const ids = [...written.keys()];
    const upserted = await updateEach(
      this.db,
      PENDING_EDGES,
      ids.map((_id) => ({
        q: { _id },
        u: { $setOnInsert: { org: tenant.org, env: tenant.env }, $set: written.get(_id)!.set, $max: { exp: expires } },
        upsert: true,
      })),
    );
    const created = new Set([...upserted].map((i) => ids[i]!));
    const existed = ids.filter((id) => !created.has(id));
    const docs = existed.length === 0 ? [] : await this.pending.find({ _id: { $in: existed } }).toArray();
    return [
      ...[...created].map((id) => {
        const { caller, callees } = written.get(id)!;
        return { id, caller, callees, closed: false };
      }),
      ...docs.map(toEntry),
    ];
  }

  /**
   * Claims pairs by inserting one document per pair id under a unique _id:
   * of all requests that try, exactly one inserts it. Returns the ids this
   * call inserted.
   */
  async claim(tenant: Tenant, pairIds: readonly string[], expires: Date): Promise<Set<string>> {
    if (pairIds.length === 0) return new Set();
    const docs = pairIds.map((_id) => ({ _id, org: tenant.org, env: tenant.env, exp: expires }));
    const lost = new Set((await insertEach(this.db, EDGE_CLAIMS, docs, isDuplicateKey)).map((e) => e.index));
    return new Set(pairIds.filter((_id, i) => !lost.has(i)));
  }

  async expired(tenant: Tenant, now: Date, limit: number): Promise<JoinEntry[]> {
    const docs = await this.pending
      .find({ org: tenant.org, env: tenant.env, exp: { $lte: now } })
      .limit(limit)
      .toArray();
    return docs.map(toEntry);
  }

  /**
   * Closes an entry whose caller never met a callee, atomically with the
   * check that none has arrived since: true when this call closed it (and so
   * must count the fallback edge), false when a callee got there first or
   * another sweep closed it.
   */
  async close(id: string): Promise<boolean> {
    const result = await this.pending.updateOne({ _id: id, s: { $exists: false }, closed: { $exists: false } }, { $set: { closed: true } });
    return result.modifiedCount === 1;
  }

  /**
   * Deletes swept entries, and the tenant's expired claims. An entry that a
   * late side wrote to after the sweep read it has a later `exp` and stays,
   * so that side still finds what it joins with.
   */
  async purge(tenant: Tenant, ids: readonly string[], now: Date): Promise<void> {
    if (ids.length > 0) await this.pending.deleteMany({ _id: { $in: [...ids] }, exp: { $lte: now } });
    await this.claims.deleteMany({ org: tenant.org, env: tenant.env, exp: { $lte: now } });
  }
}
