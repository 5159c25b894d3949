import { IpRanges } from '../../auth/ip-ranges.js';
import { PeriodicTask } from '../../periodic-task.js';
import { MAX_AGE_MS, REFRESH_MS } from './key-cache.js';
import type { OrgsRepository } from './orgs.repository.js';

const MAX_ENTRIES = 10_000;

interface Entry {
  ranges: IpRanges;
  /** When the store last gave this list: the start of that read. */
  verifiedAt: number;
}

/**
 * The organizations' IP allow-lists this instance has used, with the bounds of
 * the key cache (KeyCache): every REFRESH_MS one query re-reads the cached
 * lists, and a list not confirmed for MAX_AGE_MS (2 s) is read again before it
 * is trusted, so a change made anywhere (another instance, the org CLI, the
 * database) decides requests on every instance within 2 s — the bound of key
 * revocation. A change through this instance applies at once.
 */
export class AllowListCache {
  private readonly entries = new Map<string, Entry>();
  private readonly task = new PeriodicTask(() => ({ delayMs: REFRESH_MS, run: () => this.refresh() }));

  constructor(
    private readonly orgs: OrgsRepository,
    private readonly now: () => number = Date.now,
  ) {}

  /** The organization's allow-list (empty: no restriction), from the cache when confirmed recently enough. */
  async lookup(org: string): Promise<IpRanges> {
    const at = this.now();
    const entry = this.entries.get(org);
    if (entry !== undefined && at - entry.verifiedAt <= MAX_AGE_MS) {
      this.entries.delete(org);
      this.entries.set(org, entry);
      return entry.ranges;
    }
    const lists = await this.orgs.allowLists([org]);
    const ranges = IpRanges.of(lists.get(org) ?? []);
    this.remember(org, ranges, at);
    return ranges;
  }

  /** A list written through this instance: used from the next request. */
  remember(org: string, ranges: IpRanges, at = this.now()): void {
    this.entries.delete(org);
    this.entries.set(org, { ranges, verifiedAt: at });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** One pass: re-reads every cached list in one query. A failed read confirms nothing. */
  private async refresh(): Promise<void> {
    if (this.entries.size === 0) return;
    const started = this.now();
    const snapshot = [...this.entries];
    let lists: Map<string, readonly string[]>;
    try {
      lists = await this.orgs.allowLists(snapshot.map(([org]) => org));
    } catch {
      return;
    }
    for (const [org, entry] of snapshot) {
      if (this.entries.get(org) !== entry || entry.verifiedAt > started) continue;
      const cidrs = lists.get(org) ?? [];
      if (!sameList(entry.ranges.cidrs, cidrs)) entry.ranges = IpRanges.of(cidrs);
      entry.verifiedAt = started;
    }
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cidr, i) => cidr === b[i]);
}
