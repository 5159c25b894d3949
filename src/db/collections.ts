import type { CreateIndexesOptions, Db, IndexSpecification } from 'mongodb';

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

/** Creates every declared index; safe to run on every start (createIndex is idempotent). */
export async function ensureIndexes(db: Db, specs: readonly CollectionSpec[]): Promise<void> {
  for (const spec of specs) {
    const collection = db.collection(spec.name);
    for (const index of spec.indexes) {
      await collection.createIndex(index.key as IndexSpecification, indexOptions(index));
    }
  }
}
