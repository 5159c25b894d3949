import type { Document } from 'mongodb';
import type { CollectionSpec, IndexDeclaration } from '../../src/db/collections.js';

/**
 * The shape of one query as the index-coverage rule sees it: equality fields,
 * the sort, and every other predicate field.
 */
export interface QueryShape {
  readonly equality: ReadonlySet<string>;
  readonly sort: readonly (readonly [string, 1 | -1])[];
  readonly other: ReadonlySet<string>;
}

function isOperatorObject(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).some((k) => k.startsWith('$'));
}

function collect(filter: Document, prefix: string, equality: Set<string>, other: Set<string>, inOr: boolean): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') {
      for (const f of value as Document[]) collect(f, prefix, equality, other, inOr);
    } else if (key === '$or' || key === '$nor') {
      for (const f of value as Document[]) collect(f, prefix, equality, other, true);
    } else if (key.startsWith('$')) {
      continue;
    } else {
      const path = prefix ? `${prefix}.${key}` : key;
      if (isOperatorObject(value)) {
        if ('$elemMatch' in value) {
          collect(value.$elemMatch as Document, path, equality, other, inOr);
        } else if (!inOr && ('$eq' in value || '$in' in value) && Object.keys(value).length === 1) {
          equality.add(path);
        } else {
          other.add(path);
        }
      } else if (inOr) {
        other.add(path);
      } else {
        equality.add(path);
      }
    }
  }
}

export function shapeOf(filter: Document, sort: Document | undefined): QueryShape {
  const equality = new Set<string>();
  const other = new Set<string>();
  collect(filter, '', equality, other, false);
  for (const f of equality) other.delete(f);
  const sortEntries = Object.entries(sort ?? {}).map(([k, v]) => [k, v === -1 ? -1 : 1] as const);
  return { equality, sort: sortEntries, other };
}

/**
 * The shapes MongoDB plans a query as: one per branch of a top-level `$or`
 * (each clause is planned on its own, with the rest of the filter), else the
 * query's one shape. A query is served when every branch is.
 */
export function branchShapes(filter: Document, sort: Document | undefined): QueryShape[] {
  const { $or: branches, ...rest } = filter;
  if (!Array.isArray(branches)) return [shapeOf(filter, sort)];
  return (branches as Document[]).map((branch) => shapeOf({ $and: [rest, branch] }, sort));
}

/**
 * ESR check: an index serves the query when its key starts with a run of the
 * query's equality fields that includes the tenant (org, env) and every
 * equality field the index names, directly followed by the whole sort (in
 * the same or entirely reversed direction), so MongoDB walks the index in
 * order with no in-memory sort; when there is no sort, the key after the
 * equality run must be one of the query's range fields (or the run must be
 * the whole equality set). Remaining predicates are residual filters on that
 * bounded index range. A unique index bound by equality on all its keys, and
 * the unique _id index, serve any lookup outright.
 */
export function servingIndex(spec: CollectionSpec, shape: QueryShape): IndexDeclaration | 'primary' | null {
  if (shape.equality.has('_id')) return 'primary';
  for (const index of spec.indexes) {
    const keys = Object.entries(index.key);
    // A unique index fully bound by equality is a point lookup: at most one document.
    if (index.unique && keys.every(([k]) => shape.equality.has(k))) return index;
    let i = 0;
    while (i < keys.length && shape.equality.has(keys[i]![0])) i++;
    const eqRun = keys.slice(0, i).map(([k]) => k);
    if (!eqRun.includes('org') && shape.equality.has('org')) continue;
    const rest = keys.slice(i);
    if (shape.sort.length > 0) {
      const sortable = shape.sort.filter(([k]) => !shape.equality.has(k));
      if (rest.length < sortable.length) continue;
      const same = sortable.every(([k, d], j) => rest[j]![0] === k && rest[j]![1] === d);
      const reversed = sortable.every(([k, d], j) => rest[j]![0] === k && rest[j]![1] === -d);
      if (same || reversed) return index;
      continue;
    }
    if (eqRun.length === shape.equality.size || (rest[0] !== undefined && shape.other.has(rest[0][0]))) return index;
  }
  return null;
}

/** A query the driver sent, as the index-coverage rule reads it. */
export interface IssuedQuery {
  readonly command: string;
  readonly collection: string;
  readonly filter: Document;
  readonly sort: Document | undefined;
}

/**
 * The filtered commands among driver `commandStarted` events (find, the
 * leading $match of aggregate, count, findAndModify), plus the updates whose
 * filter is not an `_id` lookup, described as text.
 */
export function issuedQueries(events: readonly { commandName: string; command: Document }[]): {
  queries: IssuedQuery[];
  nonIdUpdates: string[];
} {
  const queries: IssuedQuery[] = [];
  const nonIdUpdates: string[] = [];
  for (const { commandName, command: c } of events) {
    let collection: string | undefined;
    let filter: Document | undefined;
    let sort: Document | undefined;
    if (commandName === 'find') [collection, filter, sort] = [c.find, c.filter, c.sort];
    else if (commandName === 'aggregate') [collection, filter] = [c.aggregate, (c.pipeline as Document[])[0]?.$match];
    else if (commandName === 'count') [collection, filter] = [c.count, c.query];
    else if (commandName === 'findAndModify') [collection, filter] = [c.findAndModify, c.query];
    else if (commandName === 'update') {
      for (const u of c.updates as Document[]) if (!('_id' in u.q)) nonIdUpdates.push(`update ${c.update} ${JSON.stringify(u.q)}`);
    }
    if (collection !== undefined && filter !== undefined) queries.push({ command: commandName, collection, filter, sort });
  }
  return { queries, nonIdUpdates };
}

/** One line naming a query, with int64 values readable. */
export function describeQuery(q: IssuedQuery): string {
  return `${q.command} ${q.collection} filter=${JSON.stringify(q.filter, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))} sort=${JSON.stringify(q.sort)}`;
}
