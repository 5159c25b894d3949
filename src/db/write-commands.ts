import { MongoServerError, type Db, type Document, type ErrorDescription } from 'mongodb';

/** One statement of an `update` command: a single-document update by filter, created when `upsert` finds none. */
export interface UpdateStatement {
  readonly q: Document;
  readonly u: Document;
  readonly upsert: boolean;
}

export interface WriteError {
  readonly index: number;
  readonly code: number;
  readonly errmsg?: string;
}

const DUPLICATE_KEY = 11000;

/** A write refused because its `_id` (or another unique key) is taken: what an idempotent insert tolerates. */
export function isDuplicateKey(error: { readonly code?: unknown }): boolean {
  return error.code === DUPLICATE_KEY;
}

/** Fails on a write-concern error, and on any write error but those `tolerate` accepts. */
function checkReply(reply: Document, tolerate: (error: WriteError) => boolean): readonly WriteError[] {
  if (reply.writeConcernError !== undefined) throw new MongoServerError(reply.writeConcernError as ErrorDescription);
  const writeErrors = (reply.writeErrors ?? []) as readonly WriteError[];
  const failed = writeErrors.find((e) => !tolerate(e));
  if (failed !== undefined) throw new MongoServerError({ message: failed.errmsg ?? 'write failed', code: failed.code });
  return writeErrors;
}

/**
 * Runs update statements as one unordered `update` command and answers the
 * positions of those whose upsert created a document. Any write error fails
 * the call.
 *
 * The command is sent as is rather than through the driver's bulk API, which
 * sizes every statement once more before serializing it and builds a result
 * object per statement: about 6 µs of gateway CPU per statement, paid by every
 * ingest batch for each trace summary, rollup and discovery document it
 * touches. The callers bound their statements per command (one per trace or
 * rollup document of a bounded write batch). What the bulk API would add is
 * the driver's one retryable-write retry on a replica set: without it, a
 * connection lost mid-command fails the request and the client retries it,
 * which every caller is written for (their writes are idempotent, or counted
 * at most once: RollupsService).
 */
export async function updateEach(db: Db, collection: string, statements: readonly UpdateStatement[]): Promise<ReadonlySet<number>> {
  if (statements.length === 0) return new Set();
  const reply = await db.command({ update: collection, updates: statements, ordered: false });
  checkReply(reply, () => false);
  return new Set(((reply.upserted ?? []) as readonly { index: number }[]).map((u) => u.index));
}

/**
 * Inserts documents with one unordered `insert` command (as updateEach, not
 * through the bulk API) and answers the write errors `tolerate` accepted, by
 * position; any other write error fails the call.
 */
export async function insertEach(
  db: Db,
  collection: string,
  documents: readonly Document[],
  tolerate: (error: WriteError) => boolean,
): Promise<readonly WriteError[]> {
  if (documents.length === 0) return [];
  const reply = await db.command({ insert: collection, documents, ordered: false });
  return checkReply(reply, tolerate);
}
