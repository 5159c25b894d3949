import { parseArgs } from 'node:util';
import { IpRanges } from '../src/auth/ip-ranges.js';
import { createKeysModule } from '../src/domain/keys/index.js';
import type { Organization } from '../src/domain/keys/orgs.repository.js';
import { loadConfig } from '../src/config.js';
import { connectStore } from '../src/db/client.js';
import { resolveStoreUri } from '../src/db/uri-file.js';
import { DomainError } from '../src/errors.js';

const USAGE = `usage:
  npm run org -- allow-ips --org <org> --cidrs 10.0.0.0/8,2001:db8::/32 [--json]   (--cidrs '' clears the list)
  npm run org -- allow-ips --org <org> [--json]                                      (prints the list)`;

class UsageError extends Error {}

function view(org: Organization) {
  return { org: org.id, ip_allow_list: org.ipAllowList };
}

/**
 * Organization settings, straight on the store (like `npm run apikey`): the
 * way back in after an allow-list that locks every admin out, since it has no
 * lock-out guard and needs no key. Running gateways apply a change within 2 s.
 */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      cidrs: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [command] = positionals;
  const org = values.org;
  if (command !== 'allow-ips' || org === undefined) throw new UsageError(USAGE);
  const print = (human: string, json: unknown) => process.stdout.write(`${values.json ? JSON.stringify(json) : human}\n`);
  const config = loadConfig();
  const store = await connectStore(await resolveStoreUri(config), config.mongodbDb);
  try {
    const { auth } = createKeysModule({ db: store.db, config }).services;
    let organization: Organization;
    try {
      organization =
        values.cidrs === undefined
          ? await auth.organization(org)
          : await auth.setIpAllowList(org, IpRanges.parse(values.cidrs.split(','), 'cidrs'));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      print(error.message, { error: { code: error.code, message: error.message, param: error.param } });
      return 1;
    }
    const list = organization.ipAllowList;
    print(
      list.length === 0 ? `org ${org}: no IP allow-list (every address admitted)` : `org ${org}: ${list.join(', ')}`,
      view(organization),
    );
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
