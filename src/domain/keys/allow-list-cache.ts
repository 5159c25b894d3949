import { IpRanges } from '../../auth/ip-ranges.js';
import { ConfirmedCache } from './confirmed-cache.js';
import type { OrgsRepository } from './orgs.repository.js';

/**
 * The organizations' IP allow-lists this instance has used, with the bounds of
 * the key cache (ConfirmedCache): a change made anywhere (another instance,
 * the org CLI, the database) decides requests on every instance within 2 s —
 * the bound of key revocation. A change through this instance applies at once.
 */
export class AllowListCache extends ConfirmedCache<string, IpRanges> {
  constructor(orgs: OrgsRepository, now?: () => number) {
    super(
      {
        read: async (org) => IpRanges.of((await orgs.allowLists([org])).get(org) ?? []),
        confirm: async (entries) => {
          const lists = await orgs.allowLists(entries.map(([org]) => org));
          return new Map(
            entries.map(([org, ranges]) => {
              const cidrs = lists.get(org) ?? [];
              return [org, sameList(ranges.cidrs, cidrs) ? ranges : IpRanges.of(cidrs)] as const;
            }),
          );
        },
      },
      now,
    );
  }

  /** The organization's allow-list (empty: no restriction). */
  async lookup(org: string): Promise<IpRanges> {
    return (await this.get(org)) ?? IpRanges.of([]);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cidr, i) => cidr === b[i]);
}
