import type { UpdateStatement } from '../../db/write-commands.js';
import type { Span } from '../traces/span.js';

/** A discovery document: an identity (tenant, names) with when it was first and last seen. */
interface Discovered {
  _id: string;
  firstSeen: Date;
  lastSeen: Date;
}

type Identity<D extends Discovered> = Omit<D, keyof Discovered>;

/**
 * The upserts that record the identities a batch's spans show (services,
 * operations): one per identity, with the first and last span start seen.
 * Only `$setOnInsert`/`$min`/`$max`, so a re-sent batch changes nothing and
 * the writes apply to every span, new or not. `keyOf` tells identities apart
 * cheaply per span; `identityOf` builds the document fields once per identity,
 * whose values in order make the document id.
 */
export function discoveryWrites<D extends Discovered>(
  spans: readonly Span[],
  keyOf: (span: Span) => string,
  identityOf: (span: Span) => Identity<D>,
): UpdateStatement[] {
  const seen = new Map<string, { identity: Identity<D>; first: number; last: number }>();
  for (const span of spans) {
    const key = keyOf(span);
    const startMs = Number(span.startTimeUnixNano / 1_000_000n);
    const entry = seen.get(key);
    if (entry === undefined) seen.set(key, { identity: identityOf(span), first: startMs, last: startMs });
    else {
      if (startMs < entry.first) entry.first = startMs;
      if (startMs > entry.last) entry.last = startMs;
    }
  }
  return [...seen.values()].map(({ identity, first, last }) => ({
    q: { _id: JSON.stringify(Object.values(identity)) },
    u: { $setOnInsert: identity, $min: { firstSeen: new Date(first) }, $max: { lastSeen: new Date(last) } },
    upsert: true,
  }));
}

/** A length-prefixed text: concatenated, these tell every sequence of names apart. */
export function lengthPrefixed(text: string | null): string {
  return text === null ? '-1:' : `${text.length}:${text}`;
}
