import { MongoServerError, type CreateIndexesOptions, type Db, type IndexSpecification } from 'mongodb';

/**
 * An index as declared next to the repository queries it serves. The
 * index-coverage test checks every query the repositories issue against these
 * declarations (equality prefix, then sort), because mongo-java-server ignores
 * non-unique indexes and would never show a slow query.
 */
export interface IndexDeclaration {
  readonly name: string;
  readonly key: Readonly<Record<string, 1 | -1>>;
  readonly unique?: boolean;
  /** TTL: real MongoDB expires documents this many seconds after the indexed Date. */
  readonly expireAfterSeconds?: number;
  /** Which repository queries this index serves; documentation for reviewers. */
  readonly serves: string;
}

export interface CollectionSpec {
  readonly name: string;
  readonly indexes: readonly IndexDeclaration[];
}

function indexOptions(index: IndexDeclaration): CreateIndexesOptions {
  const options: CreateIndexesOptions = { name: index.name };
  if (index.unique) options.unique = true;
  if (index.expireAfterSeconds !== undefined) options.expireAfterSeconds = index.expireAfterSeconds;
  return options;
}

/** MongoDB's IndexOptionsConflict: an index of that name (or key) already exists with other options. */
const INDEX_OPTIONS_CONFLICT = 85;
const COMMAND_NOT_FOUND = 59;
const NAMESPACE_NOT_FOUND = 26;

/** A declared index the store holds with other options, which the gateway could not bring in line. */
export class IndexConflictError extends Error {
  override readonly name = 'IndexConflictError';
}

/**
 * Creates every declared index; safe to run on every start (createIndex is
 * idempotent). A TTL index that exists with another `expireAfterSeconds`
 * (MESH_RETENTION_HOURS changed between starts) is changed in place with
 * `collMod`, which real MongoDB does without rebuilding the index: when
 * listIndexes shows it, and when createIndex reports it as IndexOptionsConflict
 * (another instance created it in between). A server without collMod
 * (mongo-java-server, which also does not report the conflict and enforces no
 * TTL) gets the index dropped and created again instead.
 */
export async function ensureIndexes(db: Db, specs: readonly CollectionSpec[]): Promise<void> {
  for (const spec of specs) {
    const existing = await existingTtls(db, spec.name);
    for (const index of spec.indexes) await ensureIndex(db, spec.name, index, existing.get(index.name));
  }
}

/** expireAfterSeconds of the collection's indexes by name (undefined for a non-TTL index). */
async function existingTtls(db: Db, collectionName: string): Promise<Map<string, number | undefined>> {
  try {
    const indexes = await db.collection(collectionName).listIndexes().toArray();
    return new Map(indexes.map((i) => [String(i.name), seconds(i.expireAfterSeconds)]));
  } catch (error) {
    if (error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND) return new Map();
    throw error;
  }
}

/** A listed expireAfterSeconds: an int32, a double or (read with useBigInt64) an int64, as the server stored it. */
function seconds(value: unknown): number | undefined {
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined;
}

async function ensureIndex(db: Db, collectionName: string, index: IndexDeclaration, existingTtl: number | undefined): Promise<void> {
  const create = () => db.collection(collectionName).createIndex(index.key as IndexSpecification, indexOptions(index));
  if (index.expireAfterSeconds !== undefined && existingTtl !== undefined && existingTtl !== index.expireAfterSeconds) {
    await changeTtl(db, collectionName, index, index.expireAfterSeconds, create);
    return;
  }
  try {
    await create();
  } catch (error) {
    if (!isTtlOptionsConflict(error, index) || index.expireAfterSeconds === undefined) throw error;
    await changeTtl(db, collectionName, index, index.expireAfterSeconds, create);
  }
}

async function changeTtl(
  db: Db,
  collectionName: string,
  index: IndexDeclaration,
  expireAfterSeconds: number,
  create: () => Promise<string>,
): Promise<void> {
  try {
    try {
      await db.command({ collMod: collectionName, index: { name: index.name, expireAfterSeconds } });
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === COMMAND_NOT_FOUND)) throw error;
      // No collMod on this server (mongo-java-server): replace the index, cheap where TTL is not enforced anyway.
      await db.collection(collectionName).dropIndex(index.name);
    }
    // Equivalent now, unless another option differs as well: then the server's conflict stands.
    await create();
  } catch (error) {
    throw new IndexConflictError(
      `Index ${index.name} on ${collectionName} exists with other options and could not be changed to expireAfterSeconds ` +
        `${expireAfterSeconds} (${error instanceof Error ? error.message : String(error)}); ` +
        `drop it (db.${collectionName}.dropIndex('${index.name}')) and start again`,
      { cause: error },
    );
  }
}

/**
 * Whether createIndex failed because the declared TTL index exists with other
 * options: decided by the server's error code, whichever server it is.
 */
export function isTtlOptionsConflict(error: unknown, index: IndexDeclaration): boolean {
  return index.expireAfterSeconds !== undefined && error instanceof MongoServerError && error.code === INDEX_OPTIONS_CONFLICT;
}
