import type { Db } from 'mongodb';
import { errorMessage, type Logger } from '../logger.js';
import { PeriodicTask } from '../periodic-task.js';
import type { CollectionSpec } from './collections.js';

/** One TTL index as a sweep: documents whose `field` (a Date) lies more than `expireAfterSeconds` in the past go. */
export interface TtlRule {
  readonly collection: string;
  readonly index: string;
  readonly field: string;
  readonly expireAfterSeconds: number;
}

/**
 * Every TTL index the collection specs declare, as sweep rules. Derived from the same specs that create the
 * indexes, so a collection that gains a TTL index is swept without anyone remembering to add it here.
 */
export function ttlRules(specs: readonly CollectionSpec[]): TtlRule[] {
  return specs.flatMap((spec) =>
    spec.indexes.flatMap((index) => {
      if (index.expireAfterSeconds === undefined) return [];
      const fields = Object.keys(index.key);
      // MongoDB itself refuses a compound TTL index; a declaration like that is a bug to find at start.
      if (fields.length !== 1) throw new Error(`TTL index ${spec.name}.${index.name} must have exactly one field`);
      return [{ collection: spec.name, index: index.name, field: fields[0]!, expireAfterSeconds: index.expireAfterSeconds }];
    }),
  );
}

/**
 * How often a rule is swept: a tenth of its lifetime, between 1 s and MongoDB's own TTL monitor period
 * (60 s), so that a document outlives its expiry by at most that much, as on MongoDB.
 */
export function sweepIntervalMs(rule: TtlRule): number {
  return Math.min(60_000, Math.max(1_000, rule.expireAfterSeconds * 100));
}

/**
 * Enforces TTL indexes on a store that keeps them but never expires anything (mongo-java-server, the
 * embedded store): `deleteMany({field: {$lt: now − expireAfterSeconds}})` per rule, which is what MongoDB's
 * TTL monitor deletes (only Date values compare, so documents without a date in the field stay, as there).
 * Each delete is served by the TTL index it enforces on a real MongoDB.
 */
export class TtlSweeper {
  private readonly due = new Map<TtlRule, number>();
  private readonly task = new PeriodicTask(() => {
    const wait = Math.max(0, Math.min(...this.due.values()) - this.now().getTime());
    return { delayMs: wait, run: () => this.sweepDue() };
  });

  constructor(
    private readonly db: Db,
    readonly rules: readonly TtlRule[],
    private readonly log: Logger,
    private readonly onExpired: (collection: string, deleted: number) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    if (this.rules.length === 0) return;
    const at = this.now().getTime();
    for (const rule of this.rules) this.due.set(rule, at);
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** Deletes what `rule` declares expired; resolves with the number of documents deleted. */
  async sweep(rule: TtlRule): Promise<number> {
    const cutoff = new Date(this.now().getTime() - rule.expireAfterSeconds * 1000);
    const { deletedCount } = await this.db.collection(rule.collection).deleteMany({ [rule.field]: { $lt: cutoff } });
    return deletedCount;
  }

  private async sweepDue(): Promise<void> {
    for (const rule of this.rules) {
      const at = this.now().getTime();
      if ((this.due.get(rule) ?? at) > at) continue;
      this.due.set(rule, at + sweepIntervalMs(rule));
      try {
        const deleted = await this.sweep(rule);
        if (deleted > 0) {
          this.onExpired(rule.collection, deleted);
          this.log.debug('expired documents removed', { collection: rule.collection, index: rule.index, deleted });
        }
      } catch (error) {
        this.log.warn('TTL sweep failed', { collection: rule.collection, index: rule.index, error: errorMessage(error) });
      }
    }
  }
}
